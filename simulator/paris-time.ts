/** Europe/Paris wall-clock time, the time zone in which SMS Partner reads scheduled sends. */
export interface ParisWallTime {
	year: number;
	month: number; // 1-12
	day: number;
	hour: number;
	minute: number;
	second?: number;
}

const PARIS_TIME_ZONE = 'Europe/Paris';
const DAY_MS = 86_400_000;

const formatter = new Intl.DateTimeFormat('en-US', {
	timeZone: PARIS_TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	second: 'numeric',
});

export function epochToParisWallTime(epochMs: number): Required<ParisWallTime> {
	const parts: Record<string, number> = {};
	for (const part of formatter.formatToParts(new Date(epochMs))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second,
	};
}

/** The epoch of the same wall-clock reading in UTC. */
function wallAsUtcMs(wall: ParisWallTime): number {
	return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
}

/** Milliseconds to add to UTC to get Paris wall time at that instant (3600000 or 7200000). */
function parisOffsetMs(epochMs: number): number {
	return wallAsUtcMs(epochToParisWallTime(epochMs)) - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a Paris wall time denotes. Around DST changes it behaves like most calendars: a time
 * that occurs twice (the October fall-back) is its first occurrence, and a time skipped by the
 * March spring-forward is moved forward by the gap (02:30 becomes 03:30).
 */
export function parisWallTimeToEpoch(wall: ParisWallTime): number {
	const wallAsUtc = wallAsUtcMs(wall);
	// A day before and after, the offset is the one on either side of any nearby transition.
	const offsetBefore = parisOffsetMs(wallAsUtc - DAY_MS);
	const offsetAfter = parisOffsetMs(wallAsUtc + DAY_MS);
	const candidates = [wallAsUtc - offsetBefore, wallAsUtc - offsetAfter].filter(
		(epoch) => wallAsUtc - parisOffsetMs(epoch) === epoch,
	);
	return candidates.length > 0 ? Math.min(...candidates) : wallAsUtc - offsetBefore;
}

/** 'YYYY-MM-DD HH:MM:SS' in Paris time, the form the API uses for dates in its answers. */
export function formatParisDateTime(epochMs: number): string {
	const w = epochToParisWallTime(epochMs);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}
