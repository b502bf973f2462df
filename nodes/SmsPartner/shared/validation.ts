/** A parameter value the API would refuse; caught before any request is sent. */
export class InvalidParameterError extends Error {
	constructor(
		readonly parameter: string,
		message: string,
		readonly hint: string,
	) {
		super(message);
	}
}

const SHOWN_MAX_LENGTH = 40;
/** Control, invisible and direction characters, which would garble a message or hide in it. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSEEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A value as an error message shows it: text in quotes, cut after 40 characters, with unseen
 * characters written as \u escapes; numbers, booleans and lists as written in an expression.
 */
export function shown(value: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	let text: string;
	try {
		text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	} catch {
		text = Object.prototype.toString.call(value);
	}
	const cut = text.length > SHOWN_MAX_LENGTH ? `${text.slice(0, SHOWN_MAX_LENGTH)}…` : text;
	const visible = cut.replace(
		UNSEEN,
		(character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
	return typeof value === 'string' ? `"${visible}"` : visible;
}

/** Whether a parameter was left empty: no value, or only spaces. */
export function isBlank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/**
 * The text of a parameter that takes text, trimmed: a string, or a number written out. Undefined
 * for anything else an expression can give (true, an object, a list, NaN), which is no text.
 */
export function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/**
 * A switch of the node set by an expression: true or false, also as text ("TRUE" from a
 * spreadsheet); empty is off. Anything else is refused, so that "yes" never silently means off.
 */
export function checkBoolean(value: unknown, parameter: string): boolean {
	if (typeof value === 'boolean') return value;
	if (isBlank(value)) return false;
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (text === 'true' || text === 'false') return text === 'true';
	throw new InvalidParameterError(
		parameter,
		`${parameter} ${shown(value)} is neither true nor false`,
		`Turn ${parameter} on or off, or give true or false in an expression, e.g. {{ $json.status === "test" }}.`,
	);
}

/**
 * The value of a list of choices when an expression sets it: one of the choices' own keys (never
 * "constructor" or "__proto__"), mapped to what the API takes.
 */
export function checkChoice<T>(
	value: unknown,
	parameter: string,
	choices: Readonly<Record<string, T>>,
	hint: string,
): T {
	if (typeof value === 'string' && Object.hasOwn(choices, value)) return choices[value];
	throw new InvalidParameterError(
		parameter,
		`${parameter} ${shown(value)} is not one of the choices`,
		hint,
	);
}

/**
 * The number a parameter holds: a number, or a decimal written as text ("20", " 2.5 "). Undefined
 * for anything else, so that "0x10", "1e3" or "" never pass for a number.
 */
export function numberOf(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	const text = typeof value === 'string' ? value.trim() : '';
	return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/**
 * Positive whole numbers of at most 15 digits: SMS Partner's IDs, which also stay exact as
 * JavaScript numbers (a 17-digit ID would be rounded on the way to a JSON body).
 */
export const ID_PATTERN = /^[1-9]\d{0,14}$/;

/** SMS Partner message IDs are positive integers (`message_id` in the answer of a send). */
export function checkMessageId(value: unknown): string {
	const text = textOf(value);
	const hint =
		'Use the numeric messageId a send gave, e.g. 307. In an expression: {{ $json.messageId }}.';
	if (isBlank(value)) {
		throw new InvalidParameterError('Message ID', 'Message ID is empty', hint);
	}
	if (text === undefined || !ID_PATTERN.test(text)) {
		throw new InvalidParameterError(
			'Message ID',
			`Message ID ${shown(value)} is not a message ID: it must be a positive whole number of at most 15 digits`,
			hint,
		);
	}
	return text;
}

export const TAG_MAX_LENGTH = 20;

/**
 * Tags follow the send rules that SMS Partner enforces: at most 20 characters, no spaces.
 * Capitals are not refused here: tags sent before the "lowercase only" rule can still be read.
 */
export function checkTag(value: unknown): string {
	const tag = textOf(value);
	const hint =
		'Use the tag given when the SMS were sent: up to 20 characters without spaces, e.g. reminders-2026-11.';
	if (isBlank(value)) throw new InvalidParameterError('Tag', 'Tag is empty', hint);
	if (tag === undefined) {
		throw new InvalidParameterError('Tag', `Tag ${shown(value)} is not text`, hint);
	}
	if (tag.length > TAG_MAX_LENGTH) {
		throw new InvalidParameterError(
			'Tag',
			`Tag ${shown(value)} has ${tag.length} characters; SMS Partner allows at most ${TAG_MAX_LENGTH}`,
			hint,
		);
	}
	if (/\s/.test(tag)) {
		throw new InvalidParameterError('Tag', `Tag ${shown(value)} contains a space`, hint);
	}
	return tag;
}

/** The "Limit" of list operations: a whole number from 1. */
export function checkLimit(value: unknown): number {
	const limit = numberOf(value);
	if (limit === undefined || !Number.isInteger(limit) || limit < 1) {
		throw new InvalidParameterError(
			'Limit',
			`Limit ${shown(value)} is not a whole number of at least 1`,
			'Set Limit to how many items to return, e.g. 50, or turn on Return All.',
		);
	}
	return limit;
}
