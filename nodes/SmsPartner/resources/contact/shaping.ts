import type { IDataObject, JsonObject, JsonValue } from 'n8n-workflow';

import { toBoolean } from '../../shared/convert';
import { ID_PATTERN, InvalidParameterError, isBlank, shown, textOf } from '../../shared/validation';
import type { XmlShape } from '../../shared/xml';

/** Group and contact ids are positive whole numbers; the API writes them as numbers or strings. */
export function checkPositiveId(value: unknown, parameter: string, hint: string): number {
	if (isBlank(value)) throw new InvalidParameterError(parameter, `${parameter} is empty`, hint);
	const text = textOf(value);
	if (text === undefined || !ID_PATTERN.test(text)) {
		throw new InvalidParameterError(
			parameter,
			`${parameter} ${shown(value)} is not an ID: it must be a positive whole number`,
			hint,
		);
	}
	return Number(text);
}

/** An id from an answer as a number ("6363" and 6363 alike); anything else as it came. */
export function toId(value: JsonValue | undefined): JsonValue {
	if (typeof value === 'string' && /^[1-9]\d{0,14}$/.test(value)) return Number(value);
	return value ?? null;
}

/**
 * ISO-8601 with an offset (`2020-10-02T16:40:05+02:00`, the API's form) as UTC. Null for anything
 * else, so that a bad value never looks like a real time.
 */
export function offsetIsoToUtc(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
	if (!iso.test(value.trim())) return null;
	const time = Date.parse(value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
	return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** The text fields of a contact, in the order of the output items. */
const TEXT_FIELDS = [
	'firstname',
	'lastname',
	'url',
	'shortUrl',
	'date',
	'custom1',
	'custom2',
	'custom3',
	'custom4',
] as const;

/**
 * A contact as `contact/list` and `contact/detail` give it, with the field names used across the
 * node (`phoneNumber`, not `phone`). The list has no group id: the caller gives the group read.
 */
export function toListedContact(row: JsonObject, groupId?: number): IDataObject {
	const { contactId, groupId: ownGroupId, phone, phoneNumber, createdAt, stopSms, stopSMS } = row;
	const contact: IDataObject = {
		contactId: toId(contactId),
		groupId: toId(ownGroupId ?? groupId),
		phoneNumber: phone ?? phoneNumber ?? null,
	};
	for (const field of TEXT_FIELDS) contact[field] = row[field] ?? null;
	contact.createdAt = offsetIsoToUtc(createdAt);
	contact.stopSms = toBoolean(stopSms ?? stopSMS);
	// Fields the API may add are kept as they are.
	for (const [key, value] of Object.entries(row)) {
		if (!(key in contact) && key !== 'phone' && key !== 'stopSMS') contact[key] = value;
	}
	return contact;
}

/**
 * The contact echoed by `contact/add` and `contact/update`. Only the fields the answer holds:
 * an absent field is unknown, not empty. `shortUrlPartnr` is the name of `shortUrl` there.
 */
export function toSavedContact(echo: JsonObject, groupId?: number): IDataObject {
	const { shortUrlPartnr, ...fields } = echo;
	const source: JsonObject = { ...fields };
	if (source.shortUrl === undefined && shortUrlPartnr !== undefined) {
		source.shortUrl = shortUrlPartnr;
	}
	const contact: IDataObject = { contactId: toId(source.contactId) };
	if (groupId !== undefined) contact.groupId = groupId;
	contact.phoneNumber = source.phoneNumber ?? source.phone ?? null;
	for (const field of TEXT_FIELDS) if (source[field] !== undefined) contact[field] = source[field];
	for (const [key, value] of Object.entries(source)) {
		if (!(key in contact) && key !== 'phone') contact[key] = value;
	}
	return contact;
}

/** Positions of the echo of `contact/add` and `contact/update` in the XML answer. */
export const SAVED_CONTACT_XML: XmlShape = {
	record: [
		['phoneNumber', 'string'],
		['firstname', 'string'],
		['lastname', 'string'],
		['date', 'string'],
		['shortUrlPartnr', 'string'],
		['url', 'string'],
		['custom1', 'string'],
		['custom2', 'string'],
		['custom3', 'string'],
		['custom4', 'string'],
		['contactId', 'string'],
	],
};

/** Positions of a contact of `contact/list`; `contact/detail` adds the group id. */
export const LISTED_CONTACT_FIELDS: ReadonlyArray<readonly [string, XmlShape]> = [
	['contactId', 'string'],
	['phone', 'string'],
	['firstname', 'string'],
	['lastname', 'string'],
	['url', 'string'],
	['shortUrl', 'string'],
	['date', 'string'],
	['custom1', 'string'],
	['custom2', 'string'],
	['custom3', 'string'],
	['custom4', 'string'],
	['createdAt', 'string'],
	['stopSms', 'boolean'],
];
