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
