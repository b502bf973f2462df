import { API_TIME_ZONE, wallTimeToEpoch } from '../../shared/schedule';

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * 'YYYY-MM-DD HH:MM:SS' in Paris time, how SMS Partner dates its account objects, as ISO-8601
 * UTC; null when the value is not such a date, so that a bad value never looks like a real time.
 */
export function parisDateTimeToIso(value: unknown): string | null {
	const match = typeof value === 'string' ? WALL_TIME.exec(value.trim()) : null;
	if (match === null) return null;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	// Date.UTC rolls 2026-02-30 over to March: such a value is not a date.
	const check = new Date(Date.UTC(year, month - 1, day));
	const valid =
		check.getUTCMonth() === month - 1 &&
		check.getUTCDate() === day &&
		hour <= 23 &&
		minute <= 59 &&
		second <= 59;
	if (!valid) return null;
	const wall = { year, month, day, hour, minute, second, millisecond: 0 };
	return new Date(wallTimeToEpoch(wall, API_TIME_ZONE)).toISOString();
}
