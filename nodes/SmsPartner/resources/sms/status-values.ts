import { unixSecondsToIso } from '../../shared/convert';

const PARIS = new Intl.DateTimeFormat('en-US', {
	timeZone: 'Europe/Paris',
	hourCycle: 'h23',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	second: 'numeric',
});

/** Milliseconds that Paris wall time is ahead of UTC at an instant (1 or 2 hours). */
function parisOffsetMs(epochMs: number): number {
	const parts: Record<string, number> = {};
	for (const part of PARIS.formatToParts(new Date(epochMs))) parts[part.type] = Number(part.value);
	const wallAsUtc = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second,
	);
	return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * 'YYYY-MM-DD HH:MM:SS' read as Europe/Paris time (the API's local time), as ISO-8601 UTC; null
 * when the text is not such a time. Around a DST change the offset found at the first guess is
 * corrected once, which is exact except within the hour that a change skips or repeats.
 */
export function parisDateTimeToIso(value: unknown): string | null {
	const match = typeof value === 'string' ? WALL_TIME.exec(value.trim()) : null;
	if (match === null) return null;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
	const check = new Date(wallAsUtc);
	// Date.UTC rolls 2025-02-30 over into March: refuse it rather than shift the date.
	if (
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		return null;
	}
	const firstGuess = wallAsUtc - parisOffsetMs(wallAsUtc);
	return new Date(wallAsUtc - parisOffsetMs(firstGuess)).toISOString();
}

/**
 * Status dates come as Unix seconds ("1534615206") in most answers and as Paris wall time
 * ("2015-02-07 22:39:46") in the documented /message-status example: both give ISO-8601 UTC.
 */
export function statusDateToIso(value: unknown): string | null {
	return unixSecondsToIso(value) ?? parisDateTimeToIso(value);
}

/**
 * The send answer gives message IDs as numbers, some status answers as strings ("1111"): every
 * status item gives a number, so that IDs compare equal across operations. A value that is not
 * a whole number is kept as it came.
 */
export function toMessageId(value: unknown): number | string | null {
	if (typeof value === 'number') return value;
	if (typeof value !== 'string') return null;
	const text = value.trim();
	return /^\d{1,15}$/.test(text) ? Number(text) : value;
}

/** Money as a number, whether the API sends 0.045 or "0.045"; null when it sends no amount. */
export function toAmount(value: unknown): number | null {
	const amount = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof amount === 'number' && Number.isFinite(amount) ? amount : null;
}
