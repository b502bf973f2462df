import { epochToParisWallTime } from './paris-time';
import type { Account } from './state';

export interface Group {
	id: number;
	name: string;
	/** Epoch ms. */
	createdAt: number;
}

/** The editable fields of a contact, as the API names them in `contact{}`. */
export const CONTACT_FIELDS = [
	'phoneNumber',
	'firstname',
	'lastname',
	'date',
	'shortUrlPartnr',
	'url',
	'custom1',
	'custom2',
	'custom3',
	'custom4',
] as const;

export type ContactField = (typeof CONTACT_FIELDS)[number];
export type ContactValues = Record<ContactField, string>;

export interface Contact extends ContactValues {
	id: number;
	groupId: number;
	/** Epoch ms. */
	createdAt: number;
}

/** The groups and contacts of one account. */
export interface ContactBook {
	groups: Map<number, Group>;
	contacts: Map<number, Contact>;
	nextGroupId: number;
	nextContactId: number;
}

// Accounts are recreated on reset, so their books go with them.
const books = new WeakMap<Account, ContactBook>();

/** Ids are per account here; the real ranges are unknown [INF]. */
const FIRST_GROUP_ID = 6363;
const FIRST_CONTACT_ID = 50001;

export function contactBook(account: Account): ContactBook {
	let book = books.get(account);
	if (book === undefined) {
		book = {
			groups: new Map(),
			contacts: new Map(),
			nextGroupId: FIRST_GROUP_ID,
			nextContactId: FIRST_CONTACT_ID,
		};
		books.set(account, book);
	}
	return book;
}

export function addGroup(book: ContactBook, name: string, now: number): Group {
	const group = { id: book.nextGroupId++, name, createdAt: now };
	book.groups.set(group.id, group);
	return group;
}

/** Deleting a group deletes its contacts [INF]. */
export function deleteGroup(book: ContactBook, groupId: number): void {
	book.groups.delete(groupId);
	for (const contact of book.contacts.values()) {
		if (contact.groupId === groupId) book.contacts.delete(contact.id);
	}
}

/** The contacts of a group, oldest first [INF]. */
export function contactsOf(book: ContactBook, groupId: number): Contact[] {
	return [...book.contacts.values()].filter((contact) => contact.groupId === groupId);
}

/** The contact of the group with this number, other than `exceptId`. */
export function findInGroup(
	book: ContactBook,
	groupId: number,
	phoneNumber: string,
	exceptId?: number,
): Contact | undefined {
	return contactsOf(book, groupId).find(
		(contact) => contact.phoneNumber === phoneNumber && contact.id !== exceptId,
	);
}

export function addContact(
	book: ContactBook,
	groupId: number,
	values: ContactValues,
	now: number,
): Contact {
	const contact = { ...values, id: book.nextContactId++, groupId, createdAt: now };
	book.contacts.set(contact.id, contact);
	return contact;
}

/** ISO-8601 in Paris time with its offset, e.g. 2020-10-02T16:40:05+02:00, as the API writes it. */
export function formatParisIso(epochMs: number): string {
	const seconds = Math.floor(epochMs / 1000) * 1000;
	const wall = epochToParisWallTime(seconds);
	const pad = (n: number) => String(n).padStart(2, '0');
	const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
	const offsetMinutes = Math.round((asUtc - seconds) / 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
	return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${offset}`;
}
