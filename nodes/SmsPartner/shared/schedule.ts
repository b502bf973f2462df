import {
	API_TIME_ZONE,
	isRealWallTime,
	wallAsUtc,
	wallTimeIn,
	wallTimeToEpoch,
} from './time-zones';
import { InvalidParameterError, shown } from './validation';

/** Send times fall on 5-minute steps (errors 47 and 48). */
export const STEP_MS = 5 * 60_000;
/** A scheduled send can no longer be cancelled in its last 5 minutes (cancel error 6). */
export const CANCEL_DEADLINE_MS = 5 * 60_000;

const FIELD = 'Send At';

/** The schedule fields of a send request, and the instant they stand for. */
export interface ApiSchedule {
	/** dd/MM/yyyy in Paris. */
	scheduledDeliveryDate: string;
	/** Hour in Paris, 0-23. */
	time: number;
	/** Minute in Paris, a multiple of 5. */
	minute: number;
	/** Epoch milliseconds. */
	at: number;
}

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function invalid(value: unknown): InvalidParameterError {
	return new InvalidParameterError(
		FIELD,
		`${FIELD} ${shown(value)} is not a date and time`,
		'Pick a date and time, or give one such as 2026-11-24T10:05:00 (read in the time zone of the workflow) or 2026-11-24T09:05:00Z. Leave Send At empty to send now.',
	);
}

/** Luxon DateTime values (n8n's $now, $today) come as objects with toISO(). */
function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim();
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	const toIso = (value as { toISO?: unknown } | null)?.toISO;
	if (typeof toIso === 'function') {
		const text: unknown = toIso.call(value);
		return typeof text === 'string' ? text : undefined;
	}
	return undefined;
}

/**
 * The instant of a "Send At" value, or undefined when it is empty (send now). A value without an
 * offset is a wall-clock time in `timeZone` (the workflow's); one with Z or an offset is taken
 * as such.
 */
export function parseSendAt(value: unknown, timeZone: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = textOf(value);
	if (text === '') return undefined;
	const match = text === undefined ? null : DATE_TIME.exec(text);
	if (match === null) throw invalid(value);
	const [year, month, day, hour, minute, second = 0] = match.slice(1, 7).map((n) => Number(n ?? 0));
	const millisecond = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
	const wall = { year, month, day, hour, minute, second, millisecond };
	if (!isRealWallTime(wall)) throw invalid(value);

	const zone = match[8];
	if (zone === undefined) return wallTimeToEpoch(wall, timeZone);
	if (zone.toUpperCase() === 'Z') return wallAsUtc(wall);
	const digits = zone.replace(':', '');
	const sign = digits.startsWith('-') ? -1 : 1;
	const offsetMinutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0);
	return wallAsUtc(wall) - sign * offsetMinutes * 60_000;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:MM' in a time zone, for messages; seconds only when there are some. */
export function formatWallTime(epochMs: number, timeZone: string): string {
	const w = wallTimeIn(epochMs, timeZone);
	const seconds = w.second || w.millisecond ? `:${pad(w.second)}` : '';
	return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}${seconds}`;
}

/**
 * Turns an instant into SMS Partner's schedule fields, refusing what the API would refuse or
 * what could no longer be cancelled: a time in the past, off the 5-minute grid, less than
 * 5 minutes away, or in the repeated hour when Paris clocks go back (the API would read the
 * first one). Times in messages are shown in `timeZone`, the workflow's.
 */
export function toApiSchedule(at: number, now: number, timeZone: string): ApiSchedule {
	const shown = (epoch: number) => formatWallTime(epoch, timeZone);
	const zoneNote = `(${timeZone} time)`;
	const earliest = now + CANCEL_DEADLINE_MS;
	const sendNow = 'Leave Send At empty to send now.';

	if (at <= now) {
		throw new InvalidParameterError(
			FIELD,
			`${FIELD} ${shown(at)} ${zoneNote} is in the past`,
			`Pick a time at least 5 minutes from now, on a 5-minute step. ${sendNow}`,
		);
	}
	if (at % STEP_MS !== 0) {
		const before = Math.floor(at / STEP_MS) * STEP_MS;
		const after = before + STEP_MS;
		const valid = [before, after].filter((epoch) => epoch >= earliest);
		const nearest =
			valid.length === 2
				? `the nearest valid times are ${shown(before)} and ${shown(after)}`
				: `the nearest valid time is ${shown(valid[0] ?? Math.ceil(earliest / STEP_MS) * STEP_MS)}`;
		throw new InvalidParameterError(
			FIELD,
			`${FIELD} ${shown(at)} ${zoneNote} is not on a 5-minute step; SMS Partner schedules at :00, :05, :10 … :55 only`,
			`Use a time on a 5-minute step: ${nearest} ${zoneNote}.`,
		);
	}
	if (at < earliest) {
		throw new InvalidParameterError(
			FIELD,
			`${FIELD} ${shown(at)} ${zoneNote} is less than 5 minutes away: too close to cancel later, as SMS Partner cannot cancel a send in its last 5 minutes`,
			`Pick ${shown(Math.ceil(earliest / STEP_MS) * STEP_MS)} or later. ${sendNow}`,
		);
	}

	const paris = wallTimeIn(at, API_TIME_ZONE);
	if (wallTimeToEpoch(paris, API_TIME_ZONE) !== at) {
		throw new InvalidParameterError(
			FIELD,
			`${FIELD} ${shown(at)} ${zoneNote} falls in the hour that Paris clocks repeat when they go back; SMS Partner, which reads Paris time, would send it an hour early`,
			'Pick a time outside 02:00-03:00 Paris time on that day.',
		);
	}
	return {
		scheduledDeliveryDate: `${pad(paris.day)}/${pad(paris.month)}/${paris.year}`,
		time: paris.hour,
		minute: paris.minute,
		at,
	};
}

/** The schedule of a send from its "Send At" value; undefined to send now. */
export function scheduleFromSendAt(
	value: unknown,
	timeZone: string,
	now: number,
): ApiSchedule | undefined {
	const at = parseSendAt(value, timeZone);
	return at === undefined ? undefined : toApiSchedule(at, now, timeZone);
}
