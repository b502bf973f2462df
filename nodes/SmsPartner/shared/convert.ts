import { parisDateTimeToIso } from './time-zones';

/** Keys through which untrusted data could reach an object's prototype once copied or merged. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isPrototypeKey(key: string): boolean {
	return PROTOTYPE_KEYS.has(key);
}

/** SMS Partner writes booleans as true/false, "0"/"1" or 0/1 depending on the endpoint. */
export function toBoolean(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'true';
}

/**
 * Status dates come as Unix seconds, often as a string ("1517989111"). Returns ISO-8601 UTC, or
 * null when the value is not a date, so that a bad value never looks like a real time.
 */
export function unixSecondsToIso(value: unknown): string | null {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d{1,12}$/.test(text)) return null;
	return new Date(Number(text) * 1000).toISOString();
}

/**
 * Status dates come as Unix seconds ("1534615206") in most answers and as Paris wall time
 * ("2015-02-07 22:39:46") in the documented /message-status example: both give ISO-8601 UTC.
 */
export function apiDateToIso(value: unknown): string | null {
	return unixSecondsToIso(value) ?? parisDateTimeToIso(value);
}

/**
 * IDs come as numbers in some answers and as strings ("1111") in others: every item gives a
 * number, so that IDs compare equal across operations. A value that is not a whole number is
 * kept as it came.
 */
export function toId(value: unknown): number | string | null {
	if (typeof value === 'number') return value;
	if (typeof value !== 'string') return null;
	const text = value.trim();
	return /^\d{1,15}$/.test(text) ? Number(text) : value;
}

/** Amounts and counts as numbers, whether the API sends 0.045 or "0.045"; null when none. */
export function toNumberOrNull(value: unknown): number | null {
	const amount = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof amount === 'number' && Number.isFinite(amount) ? amount : null;
}

/** `list` cut into runs of at most `size`, in order: one run per request. */
export function chunksOf<T>(list: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}
