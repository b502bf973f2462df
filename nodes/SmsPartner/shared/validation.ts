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

function describe(value: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/** SMS Partner message IDs are positive integers (`message_id` in the answer of a send). */
export function checkMessageId(value: unknown): string {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	const hint =
		'Use the numeric message_id returned when the SMS was sent, e.g. 307. In an expression: {{ $json.message_id }}.';
	if (text === '') {
		throw new InvalidParameterError('Message ID', 'Message ID is empty', hint);
	}
	if (!/^[1-9][0-9]{0,17}$/.test(text)) {
		throw new InvalidParameterError(
			'Message ID',
			`Message ID ${describe(value)} is not a message ID: it must be a positive whole number`,
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
	const tag =
		typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	const hint =
		'Use the tag given when the SMS were sent: up to 20 characters without spaces, e.g. reminders-2026-11.';
	if (tag === '') throw new InvalidParameterError('Tag', 'Tag is empty', hint);
	if (tag.length > TAG_MAX_LENGTH) {
		throw new InvalidParameterError(
			'Tag',
			`Tag ${describe(value)} has ${tag.length} characters; SMS Partner allows at most ${TAG_MAX_LENGTH}`,
			hint,
		);
	}
	if (/\s/.test(tag)) {
		throw new InvalidParameterError('Tag', `Tag ${describe(value)} contains a space`, hint);
	}
	return tag;
}

/** The "Limit" of list operations: a whole number from 1. */
export function checkLimit(value: unknown): number {
	const limit = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new InvalidParameterError(
			'Limit',
			`Limit ${describe(value)} is not a whole number of at least 1`,
			'Set Limit to how many items to return, e.g. 50, or turn on Return All.',
		);
	}
	return limit;
}
