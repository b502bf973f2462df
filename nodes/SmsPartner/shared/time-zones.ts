/** SMS Partner reads and writes wall-clock times in Paris; it has no time zone field. */
export const API_TIME_ZONE = 'Europe/Paris';

const DAY_MS = 86_400_000;

export interface WallTime {
	year: number;
	month: number; // 1-12
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (formatter === undefined) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** The wall-clock reading of an instant in a time zone. */
export function wallTimeIn(epochMs: number, timeZone: string): WallTime {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second,
		millisecond: ((epochMs % 1000) + 1000) % 1000,
	};
}

/** The instant whose UTC reading is this wall time. */
export function wallAsUtc(wall: WallTime): number {
	return Date.UTC(
		wall.year,
		wall.month - 1,
		wall.day,
		wall.hour,
		wall.minute,
		wall.second,
		wall.millisecond,
	);
}

/** Milliseconds to add to UTC to read the wall clock of `timeZone` at that instant. */
function offsetAt(epochMs: number, timeZone: string): number {
	return wallAsUtc(wallTimeIn(epochMs, timeZone)) - epochMs;
}

/**
 * The instant a wall-clock time denotes in a time zone. A time that occurs twice (when clocks
 * go back) is its first occurrence; a time skipped when clocks go forward is moved on by the
 * gap (02:30 becomes 03:30), as calendars and n8n's own dates do.
 */
export function wallTimeToEpoch(wall: WallTime, timeZone: string): number {
	const asUtc = wallAsUtc(wall);
	// A day either side, the offsets are those before and after any nearby change.
	const offsets = [offsetAt(asUtc - DAY_MS, timeZone), offsetAt(asUtc + DAY_MS, timeZone)];
	const matches = offsets
		.map((offset) => asUtc - offset)
		.filter((epoch) => asUtc - offsetAt(epoch, timeZone) === epoch);
	return matches.length > 0 ? Math.min(...matches) : asUtc - offsets[0];
}

/** Date.UTC rolls 2026-02-30 over to March: such a reading is no date at all. */
export function isRealWallTime({ year, month, day, hour, minute, second }: WallTime): boolean {
	const calendar = new Date(Date.UTC(year, month - 1, day));
	return (
		calendar.getUTCFullYear() === year &&
		calendar.getUTCMonth() === month - 1 &&
		calendar.getUTCDate() === day &&
		hour <= 23 &&
		minute <= 59 &&
		second <= 59
	);
}

const PARIS_WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * 'YYYY-MM-DD HH:MM:SS' in Paris time, how SMS Partner dates many objects, as ISO-8601 UTC; null
 * when the value is not such a date, so that a bad value never looks like a real time.
 */
export function parisDateTimeToIso(value: unknown): string | null {
	const match = typeof value === 'string' ? PARIS_WALL_TIME.exec(value.trim()) : null;
	if (match === null) return null;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const wall = { year, month, day, hour, minute, second, millisecond: 0 };
	if (!isRealWallTime(wall)) return null;
	return new Date(wallTimeToEpoch(wall, API_TIME_ZONE)).toISOString();
}
