import type { ApiErrorTexts } from '../../shared/api-errors';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { parsePhoneNumbers } from '../../shared/phone-numbers';
import { InvalidParameterError } from '../../shared/validation';
import { checkPositiveId } from './shaping';

export const NAME_MAX_LENGTH = 32;

const PHONE_NUMBER = 'Phone Number';

export const phoneNumberDescription =
	'The mobile number of the contact, in international form (+33612345678) or French national form (0612345678). One number per contact.';

/** The editable fields of a contact, as the API names them, with their labels. */
const CONTACT_FIELDS: Array<[string, string, string, string]> = [
	[
		'custom1',
		'Custom Field 1',
		'Free text stored with the contact, usable in messages sent to the group, e.g. an appointment reference such as RDV-1042',
		'e.g. RDV-1042',
	],
	['custom2', 'Custom Field 2', 'A second free text stored with the contact, e.g. a city', ''],
	['custom3', 'Custom Field 3', 'A third free text stored with the contact', ''],
	['custom4', 'Custom Field 4', 'A fourth free text stored with the contact', ''],
	[
		'date',
		'Date',
		'A date for the contact in YYYY-MM-DD form, e.g. a birthday such as 1990-05-17, usable for automatic sends',
		'e.g. 1990-05-17',
	],
	[
		'firstname',
		'First Name',
		`The first name of the contact, up to ${NAME_MAX_LENGTH} characters, e.g. Camille`,
		'e.g. Camille',
	],
	[
		'lastname',
		'Last Name',
		`The last name of the contact, up to ${NAME_MAX_LENGTH} characters, e.g. Martin`,
		'e.g. Martin',
	],
	['phoneNumber', PHONE_NUMBER, phoneNumberDescription, 'e.g. +33612345678'],
	[
		'url',
		'URL',
		'A link stored with the contact, starting with http:// or https://, e.g. https://example.com/rdv/1042',
		'e.g. https://example.com/rdv/1042',
	],
];

const LABELS = Object.fromEntries(CONTACT_FIELDS.map(([name, label]) => [name, label]));

/** The fields of a contact for a collection; the phone number only where it is optional. */
export function contactFieldOptions(withPhoneNumber: boolean): INodeProperties[] {
	return CONTACT_FIELDS.filter(([name]) => withPhoneNumber || name !== 'phoneNumber').map(
		([name, displayName, description, placeholder]) => ({
			displayName,
			name,
			type: 'string',
			default: '',
			description,
			...(placeholder ? { placeholder } : {}),
		}),
	);
}

const contactIdHint =
	'Use the contactId given when the contact was created or listed, e.g. 50001. In an expression: {{ $json.contactId }}.';

export function checkContactId(value: unknown): number {
	return checkPositiveId(value, 'Contact ID', contactIdHint);
}

/** A contact has exactly one number; it is sent in international form. */
export function checkPhoneNumber(value: unknown): string {
	const numbers = parsePhoneNumbers(value, PHONE_NUMBER);
	if (numbers.length > 1) {
		throw new InvalidParameterError(
			PHONE_NUMBER,
			`${PHONE_NUMBER} holds ${numbers.length} numbers; a contact has one`,
			'Give one number per contact, e.g. +33612345678, and one input item per contact.',
		);
	}
	return numbers[0];
}

function isCalendarDate(text: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (match === null) return false;
	const [year, month, day] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkText(name: string, text: string): string {
	const label = LABELS[name];
	const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
	if ((name === 'firstname' || name === 'lastname') && text.length > NAME_MAX_LENGTH) {
		throw new InvalidParameterError(
			label,
			`${label} has ${text.length} characters; SMS Partner allows at most ${NAME_MAX_LENGTH}`,
			`Shorten it, e.g. with {{ $json.name.slice(0, ${NAME_MAX_LENGTH}) }}.`,
		);
	}
	if (name === 'date' && !isCalendarDate(text)) {
		throw new InvalidParameterError(
			label,
			`${label} ${shown} is not a date in YYYY-MM-DD form`,
			"Write it as year-month-day, e.g. 1990-05-17. From a date in an expression: {{ $json.birthday.toDateTime().toFormat('yyyy-MM-dd') }}.",
		);
	}
	if (name === 'url' && !/^https?:\/\/\S+$/i.test(text)) {
		throw new InvalidParameterError(
			label,
			`${label} ${shown} is not a link starting with http:// or https://`,
			'Give a full link without spaces, e.g. https://example.com/rdv/1042.',
		);
	}
	return text;
}

/**
 * The `contact{}` of a request from the fields the user filled in, checked. An empty field is
 * left out on create; on update it is sent empty, which clears it (except the phone number).
 */
export function checkContactFields(values: IDataObject, sendEmpty: boolean): IDataObject {
	const contact: IDataObject = {};
	for (const [name, label] of CONTACT_FIELDS) {
		const value = values[name];
		if (value === undefined) continue;
		const text =
			typeof value === 'string'
				? value.trim()
				: typeof value === 'number'
					? String(value)
					: value === null
						? ''
						: undefined;
		if (text === undefined) {
			throw new InvalidParameterError(
				label,
				`${label} is not text`,
				'Give a text or a number; map one field of the input item, e.g. {{ $json.firstName }}.',
			);
		}
		if (name === 'phoneNumber') contact.phoneNumber = checkPhoneNumber(text);
		else if (text !== '') contact[name] = checkText(name, text);
		else if (sendEmpty) contact[name] = '';
	}
	return contact;
}

/** The codes every operation on one contact (by its ID) can meet. */
export const CONTACT_ID_ERRORS: ApiErrorTexts = {
	1: 'SMS Partner received no contact ID. Fill in Contact ID.',
	404: 'No contact with this ID exists on this account: it was deleted, or belongs to another account. Check the contact ID and the credential.',
};
