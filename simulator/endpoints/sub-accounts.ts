import { ApiError, type MessageErrorCode } from '../errors';
import { formatParisDateTime } from '../paris-time';
import type { Account, SimulatorState } from '../state';
import {
	addSubAccount,
	emailInUse,
	findSubAccount,
	otherOwnerOf,
	removeSubAccount,
	subAccountsOf,
	type SubAccount,
} from '../sub-accounts-state';
import { pageNumber, type Endpoint } from './endpoint';

/** Documented: 20 sub-accounts per page of /subaccount/list. */
const PAGE_SIZE = 20;

/**
 * Code 9 of /subaccount/create is a plain message, not the violation list it is on the send
 * endpoints, so it goes out like any other coded error.
 */
const BALANCE_CODE = 9 as MessageErrorCode;

const TEXTS = {
	notAuthorised: "Vous n'avez pas l'autorisation",
	isBuyerRequired: 'isBuyer est requis',
	typeRequired: 'Le type est requis (simple ou advanced)',
	unknownType: "Le type de sous-compte n'existe pas (simple ou advanced)",
	emailRequired: "L'email est requis",
	emailUsed: 'Un compte existe déjà avec cet email',
	creditToAttribute: 'creditToAttribute doit être supérieur à 0',
	balance: 'La balance doit être supérieur à 0',
	tokenRequired: 'Le token est requis',
	notFound: "Le sous-compte n'existe pas",
	creditRequired: 'Le crédit est requis',
	subAccountIdRequired: "L'identifiant du sous-compte est requis",
	creditPositive: 'Le crédit à attribuer doit être supérieur à 0',
	insufficient: 'Crédits insuffisants',
};

function text(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	return typeof value === 'number' ? String(value) : '';
}

function isGiven(value: unknown): boolean {
	return value !== undefined && value !== null && text(value) !== '';
}

/** EUR amounts as numbers or numeric strings ("100" in the examples), in thousandths. */
function milliOf(value: unknown): number | undefined {
	const amount = Number(text(value));
	if (text(value) === '' || !Number.isFinite(amount)) return undefined;
	return Math.round(amount * 1000);
}

const euros = (milli: number) => milli / 1000;

/** The sub-account a credit move or removal names, with the codes of that endpoint. */
function ownSubAccount(
	state: SimulatorState,
	account: Account,
	token: string,
	codes: { notOwned: MessageErrorCode; missing: MessageErrorCode },
): SubAccount {
	const subAccount = findSubAccount(account, token);
	if (subAccount !== undefined) return subAccount;
	// [INF] another account's sub-account is "not authorised" where the endpoint has that code.
	if (otherOwnerOf(state, account, token) !== undefined) {
		throw new ApiError(codes.notOwned, codes.notOwned === 4 ? TEXTS.notAuthorised : TEXTS.notFound);
	}
	throw new ApiError(codes.missing, TEXTS.notFound);
}

function creditMove(direction: 'add' | 'remove'): Endpoint {
	return {
		method: 'POST',
		handle(account, params, { state }) {
			if (!isGiven(params.credit)) throw new ApiError(2, TEXTS.creditRequired);
			const token = text(params.tokenSubaccount);
			if (token === '') throw new ApiError(3, TEXTS.subAccountIdRequired);
			const subAccount = ownSubAccount(state, account, token, { notOwned: 4, missing: 7 });
			const milli = milliOf(params.credit);
			if (milli === undefined || milli <= 0) throw new ApiError(5, TEXTS.creditPositive);
			// [INF] 6 when the balance to take from is empty, 8 when it is only too small.
			const source = direction === 'add' ? account : subAccount;
			if (source.balanceMilli <= 0) throw new ApiError(6, TEXTS.balance);
			if (milli > source.balanceMilli) throw new ApiError(8, TEXTS.insufficient);
			const target = direction === 'add' ? subAccount : account;
			source.balanceMilli -= milli;
			target.balanceMilli += milli;
			return {
				answer: {
					success: true,
					code: 200,
					credit: euros(account.balanceMilli),
					subaccountCredit: euros(subAccount.balanceMilli),
					currency: 'EUR',
				},
			};
		},
	};
}

export const SUB_ACCOUNT_ENDPOINTS: Record<string, Endpoint> = {
	// The docs label it GET, but every example POSTs a JSON body.
	'/subaccount/create': {
		method: 'POST',
		handle(account, params, { state, clock }) {
			const type = text(params.type);
			if (type === '') throw new ApiError(4, TEXTS.typeRequired);
			if (type !== 'simple' && type !== 'advanced') throw new ApiError(5, TEXTS.unknownType);
			const parameters =
				typeof params.parameters === 'object' && params.parameters !== null
					? (params.parameters as Record<string, unknown>)
					: {};
			const email = text(parameters.email);
			if (email === '') throw new ApiError(6, TEXTS.emailRequired);
			// [INF] isBuyer is documented for advanced sub-accounts only; simple ones cannot buy.
			const isBuyer = text(parameters.isBuyer);
			if (type === 'advanced' && isBuyer === '') throw new ApiError(3, TEXTS.isBuyerRequired);
			const usedByParent = email.toLowerCase() === account.username.toLowerCase();
			if (usedByParent || emailInUse(state, email)) throw new ApiError(7, TEXTS.emailUsed);
			let creditMilli = 0;
			if (isGiven(parameters.creditToAttribute)) {
				const milli = milliOf(parameters.creditToAttribute);
				if (milli === undefined || milli <= 0) throw new ApiError(8, TEXTS.creditToAttribute);
				// [INF] the credit comes from the main balance, which must cover it.
				if (milli > account.balanceMilli) throw new ApiError(BALANCE_CODE, TEXTS.balance);
				creditMilli = milli;
			}
			account.balanceMilli -= creditMilli;
			const subAccount = addSubAccount(state, account, {
				email,
				type,
				isBuyer: type === 'advanced' && (isBuyer === '1' || isBuyer === 'true'),
				title: text(parameters.title),
				firstname: text(parameters.firstname),
				lastname: text(parameters.lastname),
				createdAt: clock.now(),
				balanceMilli: creditMilli,
			});
			return {
				answer: {
					success: true,
					code: 200,
					subaccount: { email: subAccount.email, token: subAccount.token },
					// [INF] an advanced sub-account confirms its own address; a simple one receives
					// no e-mail, so the parent is told.
					sendConfirmMailTo: type === 'advanced' ? subAccount.email : account.username,
					parent_email: account.username,
				},
			};
		},
	},

	'/subaccount/remove': {
		method: 'DELETE',
		handle(account, params, { state }) {
			const token = text(params.token);
			// Code 1 is documented as "token required" here, as well as "API key required".
			if (token === '') throw new ApiError(1, TEXTS.tokenRequired);
			ownSubAccount(state, account, token, { notOwned: 404, missing: 404 });
			const removed = removeSubAccount(account, token);
			// [INF] what is left on a removed sub-account goes back to the main balance.
			account.balanceMilli += removed?.balanceMilli ?? 0;
			return { answer: { success: true, code: 200 } };
		},
	},

	'/subaccount/list': {
		method: 'GET',
		handle(account, params) {
			const all = subAccountsOf(account);
			const page = pageNumber(params.page);
			return {
				answer: {
					success: true,
					code: 200,
					total: all.length,
					nb_per_page: PAGE_SIZE,
					page,
					data: all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((subAccount) => ({
						id: subAccount.id,
						email: subAccount.email,
						type: subAccount.type,
						token: subAccount.token,
						apiKey: subAccount.apiKey,
						createdAt: formatParisDateTime(subAccount.createdAt),
						credits: { balance: euros(subAccount.balanceMilli).toFixed(3), currency: 'EUR' },
					})),
				},
			};
		},
	},

	'/subaccount/credit/add': creditMove('add'),
	'/subaccount/credit/remove': creditMove('remove'),
};
