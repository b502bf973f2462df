import { createHash } from 'node:crypto';

import type { Account, SimulatorState } from './state';

export type SubAccountType = 'simple' | 'advanced';

export interface SubAccount {
	id: number;
	email: string;
	type: SubAccountType;
	/** The identifier the API uses for credit moves and removal. */
	token: string;
	/** The sub-account's own key, which the list shows to its parent. */
	apiKey: string;
	isBuyer: boolean;
	title: string;
	firstname: string;
	lastname: string;
	/** Epoch ms. */
	createdAt: number;
	/** Thousandths of a euro, like the parent's balance. */
	balanceMilli: number;
}

interface SubAccountBook {
	nextId: number;
	/** By token, in creation order. */
	subAccounts: Map<string, SubAccount>;
}

/** Per account, so that state.reset(), which recreates the accounts, clears them too. */
const books = new WeakMap<Account, SubAccountBook>();

/**
 * Who owns each token, to tell "another account's sub-account" (code 4) from "no such
 * sub-account". Kept per simulator; an entry counts only while its owner is still the live
 * account for that key and still has the token, so entries from before a reset are ignored.
 */
const owners = new WeakMap<SimulatorState, Map<string, Account>>();

function bookOf(account: Account): SubAccountBook {
	let book = books.get(account);
	if (book === undefined) {
		book = { nextId: 1, subAccounts: new Map() };
		books.set(account, book);
	}
	return book;
}

function ownersOf(state: SimulatorState): Map<string, Account> {
	let map = owners.get(state);
	if (map === undefined) {
		map = new Map();
		owners.set(state, map);
	}
	return map;
}

/** Opaque-looking but reproducible values, so that test runs give the same tokens. */
function digest(...parts: string[]): string {
	return createHash('sha256').update(parts.join(':')).digest('hex').slice(0, 32);
}

export function subAccountsOf(account: Account): SubAccount[] {
	return [...bookOf(account).subAccounts.values()];
}

export function findSubAccount(account: Account, token: string): SubAccount | undefined {
	return bookOf(account).subAccounts.get(token);
}

/** The live account, other than `account`, that owns the token, if any. */
export function otherOwnerOf(
	state: SimulatorState,
	account: Account,
	token: string,
): Account | undefined {
	const owner = ownersOf(state).get(token);
	if (owner === undefined || owner === account) return undefined;
	const live = state.account(owner.apiKey) === owner && bookOf(owner).subAccounts.has(token);
	return live ? owner : undefined;
}

/** Whether any live sub-account of this simulator already uses the e-mail (case-insensitive). */
export function emailInUse(state: SimulatorState, email: string): boolean {
	const wanted = email.toLowerCase();
	for (const [token, owner] of ownersOf(state)) {
		if (state.account(owner.apiKey) !== owner) continue;
		if (findSubAccount(owner, token)?.email.toLowerCase() === wanted) return true;
	}
	return false;
}

export function addSubAccount(
	state: SimulatorState,
	account: Account,
	fields: Omit<SubAccount, 'id' | 'token' | 'apiKey'>,
): SubAccount {
	const book = bookOf(account);
	const id = book.nextId++;
	const subAccount: SubAccount = {
		id,
		token: digest('token', account.apiKey, String(id)),
		apiKey: digest('key', account.apiKey, String(id)),
		...fields,
	};
	book.subAccounts.set(subAccount.token, subAccount);
	ownersOf(state).set(subAccount.token, account);
	return subAccount;
}

export function removeSubAccount(account: Account, token: string): SubAccount | undefined {
	const book = bookOf(account);
	const subAccount = book.subAccounts.get(token);
	book.subAccounts.delete(token);
	return subAccount;
}
