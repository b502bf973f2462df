import type { IDataObject } from 'n8n-workflow';

import { isPrototypeKey, unixSecondsToIso } from '../SmsPartner/shared/convert';
import { toInternationalNumber } from '../SmsPartner/shared/phone-numbers';
import { parisDateTimeToIso } from '../SmsPartner/shared/time-zones';
import { ID_PATTERN, textOf } from '../SmsPartner/shared/validation';

/** What a callback from SMS Partner is about; `unknown` when its shape is not a documented one. */
export type CallbackEvent = 'deliveryReport' | 'reply' | 'stop' | 'numberCheck' | 'unknown';

/** Deeper than any callback; a deeper body is cut there rather than walked without end. */
const MAX_DEPTH = 20;

/**
 * A copy of an untrusted payload as plain data: no prototype keys, no functions, at most
 * MAX_DEPTH levels (deeper values become null).
 */
export function plainCopy(value: unknown, depth = 0): unknown {
	if (value === null || typeof value !== 'object') {
		return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint'
			? null
			: value;
	}
	if (depth >= MAX_DEPTH) return null;
	if (Array.isArray(value)) return value.map((entry) => plainCopy(entry, depth + 1));
	const copy: IDataObject = {};
	for (const [key, entry] of Object.entries(value)) {
		if (!isPrototypeKey(key) && entry !== undefined) {
			copy[key] = plainCopy(entry, depth + 1) as IDataObject[string];
		}
	}
	return copy;
}

/** The first of `keys` that holds text or a finite number, as trimmed text; null when none does. */
function textField(payload: IDataObject, ...keys: string[]): string | null {
	for (const key of keys) {
		const text = textOf(payload[key]);
		if (text) return text;
	}
	return null;
}

/** A whole number given as a number or as digits ("3", as form bodies send everything). */
function wholeNumber(payload: IDataObject, key: string): number | null {
	const text = textField(payload, key);
	return text !== null && /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/**
 * Phone numbers come as `+33612345678`, or as `33612345678` (long-number replies, number
 * checks): both give the international form; anything else is kept as it came.
 */
export function callbackPhoneNumber(value: string | null): string | null {
	if (value === null) return null;
	const digits = value.replace(/[\s.\-()]/g, '');
	const withPlus = /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : digits;
	return toInternationalNumber(withPlus) ?? value;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Callback dates as ISO-8601 UTC: ISO with an offset (number checks: `…T10:34:52.355+0000`),
 * Unix seconds, or "YYYY-MM-DD HH:MM:SS" read as Paris time like every SMS Partner date without
 * an offset. Null when the value is none of these.
 */
export function callbackDateToIso(value: string | null): string | null {
	if (value === null) return null;
	if (/^\d{9,11}$/.test(value)) return unixSecondsToIso(value);
	if (ISO_WITH_OFFSET.test(value)) {
		// Date.parse does not take "+0000" without a colon on every runtime.
		const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
		return Number.isNaN(time) ? null : new Date(time).toISOString();
	}
	return parisDateTimeToIso(value);
}

/**
 * Delivery outcome by status word: SMS Partner's own words (Delivered, Not delivered, Waiting) and
 * the operator codes of its error page (DELIVRD, UNDELIV…). Undefined: not a known status.
 */
const DELIVERY_OUTCOMES: Record<string, boolean | null> = {
	delivered: true,
	delivrd: true,
	'not delivered': false,
	undeliv: false,
	undelivered: false,
	failed: false,
	rejectd: false,
	rejected: false,
	expired: false,
	waiting: null,
	pending: null,
	acceptd: null,
	accepted: null,
	enroute: null,
	buffered: null,
	unknown: null,
};

/** true: delivered; false: will not be delivered; null: not final yet or not known. */
export function deliveredByStatus(status: string | null): boolean | null {
	const word = status?.toLowerCase();
	return word !== undefined && Object.hasOwn(DELIVERY_OUTCOMES, word)
		? DELIVERY_OUTCOMES[word]
		: null;
}

function eventOf(payload: IDataObject): CallbackEvent {
	const type = textField(payload, 'type')?.toLowerCase();
	if (type === 'response') return 'reply';
	if (type === 'stop') return 'stop';
	if (textField(payload, 'msisdn') !== null && typeof payload.text === 'string') return 'reply';
	if (['mccMnc', 'errorGrpId', 'ported'].some((key) => key in payload)) return 'numberCheck';
	const hasId = textField(payload, 'message_id', 'messageId') !== null;
	if (hasId && textField(payload, 'status') !== null && !('text' in payload)) {
		return 'deliveryReport';
	}
	return 'unknown';
}

/**
 * SMS Partner's ID of the SMS a callback is about, as a number like every send's `messageId`, so
 * that a report or a reply matches its send; null when the payload holds none.
 */
function smsMessageId(payload: IDataObject, ...keys: string[]): number | null {
	const id = textField(payload, ...keys);
	return id !== null && ID_PATTERN.test(id) ? Number(id) : null;
}

/** The fields that only one kind of event has. */
function eventFields(event: CallbackEvent, payload: IDataObject): IDataObject {
	switch (event) {
		case 'deliveryReport':
			return { delivered: deliveredByStatus(textField(payload, 'status')) };
		case 'reply':
		case 'stop':
			return {
				to: callbackPhoneNumber(textField(payload, 'to')),
				keyword: textField(payload, 'keyword'),
				// A long number's own ID of the message received (UUID-like), not an SMS Partner
				// message ID: kept apart so that it is never matched to a send.
				inboundMessageId: textField(payload, 'messageId'),
				concatReference: textField(payload, 'concat-ref'),
				concatPart: wholeNumber(payload, 'concat-part'),
				concatTotal: wholeNumber(payload, 'concat-total'),
			};
		case 'numberCheck': {
			const ported = textField(payload, 'ported');
			return {
				// The check's own ID, e.g. HLR000123-1.
				checkId: textField(payload, 'messageId', 'message_id'),
				mccMnc: textField(payload, 'mccMnc'),
				ported: ported === null ? null : ported === '1' || ported.toLowerCase() === 'true',
				errorGroupId: wholeNumber(payload, 'errorGrpId'),
				errorDescription: textField(payload, 'errorDesc'),
			};
		}
		default:
			return {};
	}
}

/** Where each event keeps the SMS message ID: replies from long numbers have none. */
function messageIdOf(event: CallbackEvent, payload: IDataObject): number | null {
	if (event === 'numberCheck') return null;
	if (event === 'reply' || event === 'stop') return smsMessageId(payload, 'message_id');
	return smsMessageId(payload, 'message_id', 'messageId');
}

/**
 * One callback payload as one item: the same fields for every event (phone number, message ID,
 * text, status, ISO date), the fields of its kind, and the payload as received under `raw`.
 * `date` is the payload's own date, or the time it was received when it has none (replies).
 */
export function callbackItem(payload: IDataObject, receivedAt: Date): IDataObject {
	const event = eventOf(payload);
	const received = receivedAt.toISOString();
	const date = callbackDateToIso(textField(payload, 'date', 'message-timestamp'));
	return {
		event,
		phoneNumber: callbackPhoneNumber(textField(payload, 'phone_number', 'msisdn', 'phone')),
		messageId: messageIdOf(event, payload),
		text: typeof payload.text === 'string' ? payload.text : null,
		status: textField(payload, event === 'numberCheck' ? 'errorName' : 'status'),
		date: date ?? received,
		receivedAt: received,
		...eventFields(event, payload),
		raw: plainCopy(payload) as IDataObject,
	};
}

function isPlainObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A body that reached n8n as text (a text/plain content type): JSON when it reads as JSON, form
 * fields when it reads as `a=1&b=2`, otherwise kept as text.
 */
export function bodyFromText(text: string): unknown {
	const trimmed = text.trim();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		try {
			return JSON.parse(trimmed);
		} catch {
			return text;
		}
	}
	if (/^[^=&\s]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(trimmed)) {
		return Object.fromEntries(new URLSearchParams(trimmed));
	}
	return text;
}

/**
 * The items of one call: one per payload of the parsed body (a body may hold a list of payloads).
 * A body that is no payload at all (empty, text, a number) gives one `unknown` item keeping it
 * under `raw`.
 */
export function callbackItems(body: unknown, receivedAt: Date): IDataObject[] {
	const payloads = Array.isArray(body) ? body : [body];
	return payloads.map((payload) =>
		isPlainObject(payload)
			? callbackItem(payload, receivedAt)
			: {
					...callbackItem({}, receivedAt),
					raw: plainCopy(payload ?? null) as IDataObject,
				},
	);
}
