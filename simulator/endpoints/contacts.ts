import {
	addContact,
	addGroup,
	CONTACT_FIELDS,
	contactBook,
	contactsOf,
	deleteGroup,
	findInGroup,
	formatParisIso,
	type Contact,
	type ContactBook,
	type ContactField,
	type ContactValues,
} from '../contacts-state';
import { ApiError, ValidationError, violation, type Violation } from '../errors';
import { toInternational } from '../phone-number';
import type { Account } from '../state';
import type { JsonObject } from '../xml';
import { pageNumber, type Endpoint } from './endpoint';

const CONTACTS_PER_PAGE = 20;
const MAX_CONTACTS_PER_BATCH = 500;
const NAME_MAX_LENGTH = 32;

const GROUP_NOT_FOUND = 'Le groupe n’existe pas';
const CONTACT_NOT_FOUND = 'Le contact n’existe pas';
const CONTACT_INFO_REQUIRED = 'Contact infos sont requises';

/** A positive integer id from a JSON number or a query string; undefined for anything else. */
function idOf(value: unknown): number | undefined {
	const text = typeof value === 'number' ? String(value) : value;
	return typeof text === 'string' && /^[1-9]\d{0,15}$/.test(text) ? Number(text) : undefined;
}

/** Code 1 when the id is missing; an id that is not a number cannot exist, hence 404 [INF]. */
function requiredId(params: Record<string, unknown>, key: 'groupId' | 'contactId'): number {
	const value = params[key];
	if (value === undefined || value === null || value === '') {
		throw new ApiError(1, `${key} est requis`);
	}
	const id = idOf(value);
	if (id === undefined)
		throw new ApiError(404, key === 'groupId' ? GROUP_NOT_FOUND : CONTACT_NOT_FOUND);
	return id;
}

function existingGroupId(book: ContactBook, params: Record<string, unknown>): number {
	const groupId = requiredId(params, 'groupId');
	if (!book.groups.has(groupId)) throw new ApiError(404, GROUP_NOT_FOUND);
	return groupId;
}

function existingContact(book: ContactBook, params: Record<string, unknown>): Contact {
	const contact = book.contacts.get(requiredId(params, 'contactId'));
	if (contact === undefined) throw new ApiError(404, CONTACT_NOT_FOUND);
	return contact;
}

/** The batch report's counter of a refused line; 'uncounted' (a name too long) has none. */
type Problem = 'invalidePhone' | 'urlInvalide' | 'dateInvalide' | 'uncounted';

interface FieldProblem {
	problem: Problem;
	violation: Violation;
}

function isCalendarDate(text: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (match === null) return false;
	const [year, month, day] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The documented rules of each field; an empty value clears an optional field. */
function checkField(field: ContactField, text: string): FieldProblem | undefined {
	const refuse = (problem: Problem, message: string) => ({
		problem,
		violation: violation(field, message),
	});
	if (field === 'phoneNumber' && toInternational(text) === undefined) {
		return refuse('invalidePhone', "Le numéro de téléphone n'est pas valide");
	}
	if ((field === 'firstname' || field === 'lastname') && text.length > NAME_MAX_LENGTH) {
		return refuse('uncounted', `Cette valeur ne doit pas dépasser ${NAME_MAX_LENGTH} caractères`);
	}
	if (field === 'date' && text !== '' && !isCalendarDate(text)) {
		return refuse('dateInvalide', 'La date doit être au format YYYY-MM-DD');
	}
	if (field === 'url' && text !== '' && !/^https?:\/\//i.test(text)) {
		return refuse('urlInvalide', "L'url doit commencer par http:// ou https://");
	}
	return undefined;
}

/**
 * The fields present in a `contact{}` object, checked; unknown keys are ignored [INF]. The number
 * is stored in international form, the form the list and detail answers show.
 */
function readContact(raw: unknown): { values: Partial<ContactValues>; problems: FieldProblem[] } {
	const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
	const values: Partial<ContactValues> = {};
	const problems: FieldProblem[] = [];
	for (const field of CONTACT_FIELDS) {
		const value = source[field];
		if (value === undefined || value === null) continue;
		const text =
			typeof value === 'number'
				? String(value)
				: typeof value === 'string'
					? value.trim()
					: undefined;
		const problem =
			text === undefined
				? {
						problem: 'uncounted' as const,
						violation: violation(field, "Cette valeur n'est pas valide"),
					}
				: checkField(field, text);
		if (problem !== undefined) problems.push(problem);
		else values[field] = field === 'phoneNumber' ? toInternational(text as string) : text;
	}
	return { values, problems };
}

function withDefaults(values: Partial<ContactValues>): ContactValues {
	const complete = {} as ContactValues;
	for (const field of CONTACT_FIELDS) complete[field] = values[field] ?? '';
	return complete;
}

/** The echo of `contact/add` and `contact/update`: the contact's fields, then its id. */
function contactEcho(contact: Contact): JsonObject {
	const echo: JsonObject = {};
	for (const field of CONTACT_FIELDS) echo[field] = contact[field];
	echo.contactId = contact.id;
	return echo;
}

/** A contact as `contact/list` and `contact/detail` show it (`phone`, not `phoneNumber`). */
function contactRow(account: Account, contact: Contact): JsonObject {
	return {
		contactId: contact.id,
		phone: contact.phoneNumber,
		firstname: contact.firstname,
		lastname: contact.lastname,
		url: contact.url,
		// The documentation never says how the short link is made; it echoes shortUrlPartnr [INF].
		shortUrl: contact.shortUrlPartnr,
		date: contact.date,
		custom1: contact.custom1,
		custom2: contact.custom2,
		custom3: contact.custom3,
		custom4: contact.custom4,
		createdAt: formatParisIso(contact.createdAt),
		stopSms: account.stopNumbers.has(contact.phoneNumber),
	};
}

function addOne(book: ContactBook, groupId: number, raw: unknown, now: number): JsonObject {
	const { values, problems } = readContact(raw);
	if (problems.length > 0) throw new ValidationError(problems.map((entry) => entry.violation));
	if (values.phoneNumber === undefined) throw new ApiError(2, CONTACT_INFO_REQUIRED);
	if (findInGroup(book, groupId, values.phoneNumber)) throw new ApiError(15);
	// A number on the STOP list is accepted and flagged stopSms in the lists: no code is
	// documented for single adds [INF].
	const contact = addContact(book, groupId, withDefaults(values), now);
	return { success: true, code: 200, contact: contactEcho(contact) };
}

const BATCH_COUNTERS = [
	'stopSms',
	'invalidePhone',
	'duplicatePhone',
	'allreadyInGroupe',
	'urlInvalide',
	'dateInvalide',
	'empty',
	'unactivated',
	'dateInvalid',
] as const;

/** `contactsList[]`: every line is judged on its own and reported, as documented. */
function addBatch(
	account: Account,
	book: ContactBook,
	groupId: number,
	list: unknown[],
	now: number,
): JsonObject {
	if (list.length === 0) throw new ApiError(2, CONTACT_INFO_REQUIRED);
	if (list.length > MAX_CONTACTS_PER_BATCH) throw new ApiError(50);
	const errors: Record<string, number> = Object.fromEntries(BATCH_COUNTERS.map((key) => [key, 0]));
	const results: JsonObject[] = [];
	const seen = new Set<string>();
	let imported = 0;
	for (const raw of list) {
		const { values, problems } = readContact(raw);
		const given = (raw as { phoneNumber?: unknown } | null)?.phoneNumber;
		const phoneNumber = values.phoneNumber ?? (typeof given === 'string' ? given : '');
		const refuse = (counter: string | undefined, code: number, message: string) => {
			if (counter !== undefined) errors[counter]++;
			results.push({ success: false, code, phoneNumber, message });
		};
		// Codes per line are not documented beyond 15; these follow the send codes [INF].
		if (problems.length > 0) {
			const [{ problem, violation: first }] = problems;
			refuse(problem === 'uncounted' ? undefined : problem, 9, first.message);
		} else if (values.phoneNumber === undefined) {
			refuse('empty', 2, 'Le numéro de téléphone est requis');
		} else if (seen.has(values.phoneNumber)) {
			refuse('duplicatePhone', 15, 'Le numéro est en double dans la liste');
		} else if (findInGroup(book, groupId, values.phoneNumber)) {
			refuse('allreadyInGroupe', 15, 'Le numéro est déjà dans le groupe');
		} else if (account.stopNumbers.has(values.phoneNumber)) {
			// The report counts STOP numbers as errors, so a batch leaves them out [INF].
			refuse('stopSms', 14, 'Le numéro est dans la liste STOP SMS');
		} else {
			addContact(book, groupId, withDefaults(values), now);
			imported++;
			results.push({ success: true, code: 200, phoneNumber, message: 'Le contact a été ajouté' });
		}
		if (values.phoneNumber !== undefined) seen.add(values.phoneNumber);
	}
	const group = book.groups.get(groupId);
	return {
		// As documented, the batch answer has no success or code of its own.
		groupe: { name: group?.name ?? '', token: groupId },
		results,
		rapport: { nbline: list.length, nbline_imported: imported, nbline_updated: 0, errors },
	};
}

export const CONTACT_ENDPOINTS: Record<string, Endpoint> = {
	'/group/add': {
		method: 'POST',
		handle(account, params, { clock }) {
			const name = typeof params.name === 'string' ? params.name.trim() : '';
			if (name === '') throw new ApiError(1, 'name est requis');
			const group = addGroup(contactBook(account), name, clock.now());
			// `code: 2` on success is what the documentation shows (sic).
			return { answer: { success: true, code: 2, name: group.name, groupId: group.id } };
		},
	},

	// Documented as DELETE, but its example uses POST, which is what the simulator serves [INF].
	'/group/delete': {
		method: 'POST',
		handle(account, params) {
			const book = contactBook(account);
			deleteGroup(book, existingGroupId(book, params));
			return { answer: { success: true, code: 200 } };
		},
	},

	'/group/list': {
		method: 'GET',
		handle(account) {
			const groups = [...contactBook(account).groups.values()].map((group) => ({
				id: group.id,
				name: group.name,
				createdAt: formatParisIso(group.createdAt),
				isSpecialFile: false,
				isLocationFile: false,
			}));
			// The documented example says success: false and has no code; a list that worked is
			// taken to say true [INF].
			return { answer: { success: true, groups } };
		},
	},

	'/contact/add': {
		method: 'POST',
		handle(account, params, { clock }) {
			const book = contactBook(account);
			const groupId = existingGroupId(book, params);
			if (Array.isArray(params.contactsList)) {
				return { answer: addBatch(account, book, groupId, params.contactsList, clock.now()) };
			}
			return { answer: addOne(book, groupId, params.contact, clock.now()) };
		},
	},

	/** Only the fields given change [INF]; the answer echoes the whole contact [INF]. */
	'/contact/update': {
		method: 'POST',
		handle(account, params) {
			const book = contactBook(account);
			const contact = existingContact(book, params);
			const { values, problems } = readContact(params.contact);
			if (problems.length > 0) throw new ValidationError(problems.map((entry) => entry.violation));
			if (Object.keys(values).length === 0) throw new ApiError(2, CONTACT_INFO_REQUIRED);
			const { phoneNumber } = values;
			if (
				phoneNumber !== undefined &&
				findInGroup(book, contact.groupId, phoneNumber, contact.id)
			) {
				throw new ApiError(15);
			}
			Object.assign(contact, values);
			return { answer: { success: true, code: 200, contact: contactEcho(contact) } };
		},
	},

	'/contact/delete': {
		method: 'POST',
		handle(account, params) {
			const book = contactBook(account);
			book.contacts.delete(existingContact(book, params).id);
			return { answer: { success: true, code: 200 } };
		},
	},

	/** 20 contacts per page; a page past the end is empty [INF]. */
	'/contact/list': {
		method: 'GET',
		handle(account, params) {
			const book = contactBook(account);
			const contacts = contactsOf(book, existingGroupId(book, params));
			const page = pageNumber(params.page);
			const start = (page - 1) * CONTACTS_PER_PAGE;
			return {
				answer: {
					success: true,
					code: 200,
					currentPage: page,
					// A string in the documented example.
					total: String(contacts.length),
					datas: contacts
						.slice(start, start + CONTACTS_PER_PAGE)
						.map((contact) => contactRow(account, contact)),
				},
			};
		},
	},

	'/contact/detail': {
		method: 'GET',
		handle(account, params) {
			const contact = existingContact(contactBook(account), params);
			return {
				answer: {
					success: true,
					code: 200,
					contact: { ...contactRow(account, contact), groupId: contact.groupId },
				},
			};
		},
	},
};
