import { refusalOf } from './thrown';
import {
	parseSendAt,
	scheduleFromSendAt,
	toApiSchedule,
} from '../../nodes/SmsPartner/shared/schedule';
import { wallTimeToEpoch } from '../../nodes/SmsPartner/shared/time-zones';

const utc = (iso: string) => Date.parse(iso);
const PARIS = 'Europe/Paris';
const NEW_YORK = 'America/New_York';

describe('parseSendAt', () => {
	it.each([
		['a winter time in Paris', '2026-01-15T10:00:00', PARIS, '2026-01-15T09:00:00.000Z'],
		['a summer time in Paris', '2026-07-15T10:00', PARIS, '2026-07-15T08:00:00.000Z'],
		['a time in New York', '2026-07-15T10:00:00', NEW_YORK, '2026-07-15T14:00:00.000Z'],
		['a space instead of T', '2026-01-15 10:05:00', PARIS, '2026-01-15T09:05:00.000Z'],
		['Z, whatever the zone', '2026-01-15T10:00:00Z', NEW_YORK, '2026-01-15T10:00:00.000Z'],
		['Z with milliseconds', '2026-01-15T10:00:00.000Z', PARIS, '2026-01-15T10:00:00.000Z'],
		['an offset', '2026-01-15T10:00:00+02:00', PARIS, '2026-01-15T08:00:00.000Z'],
		['a compact offset', '2026-01-15T10:00:00-0500', PARIS, '2026-01-15T15:00:00.000Z'],
	])('reads %s', (_case, value, zone, iso) => {
		expect(new Date(parseSendAt(value, zone)!).toISOString()).toBe(iso);
	});

	it('reads Date objects and Luxon-like DateTime objects as the instant they hold', () => {
		expect(parseSendAt(new Date('2026-01-15T09:00:00Z'), NEW_YORK)).toBe(
			utc('2026-01-15T09:00:00Z'),
		);
		const luxonLike = { toISO: () => '2026-01-15T10:00:00.000+01:00' };
		expect(parseSendAt(luxonLike, NEW_YORK)).toBe(utc('2026-01-15T09:00:00Z'));
	});

	it('reads an empty value as "send now"', () => {
		expect(parseSendAt('', PARIS)).toBeUndefined();
		expect(parseSendAt('  ', PARIS)).toBeUndefined();
		expect(parseSendAt(undefined, PARIS)).toBeUndefined();
	});

	it.each(['tomorrow', '2026-11-24', '2026-02-30T10:00', '2026-01-15T25:00', '15/01/2026 10:00'])(
		'refuses %p as not a date and time',
		(value) => {
			expect(refusalOf(() => parseSendAt(value, PARIS)).message).toBe(
				`Send At "${value}" is not a date and time`,
			);
		},
	);

	it.each([
		[{ at: 1 }, '{"at":1}'],
		[42, '42'],
		['7'.repeat(1_000_000), `"${'7'.repeat(40)}…"`],
	])('shows the refused %p as %s', (value, shownValue) => {
		expect(refusalOf(() => parseSendAt(value, PARIS)).message).toBe(
			`Send At ${shownValue} is not a date and time`,
		);
	});
});

describe('wallTimeToEpoch around DST changes', () => {
	const wall = (iso: string) => {
		const [date, time] = iso.split('T');
		const [year, month, day] = date.split('-').map(Number);
		const [hour, minute] = time.split(':').map(Number);
		return { year, month, day, hour, minute, second: 0, millisecond: 0 };
	};

	it('moves a time skipped by the spring change forward by the gap', () => {
		expect(wallTimeToEpoch(wall('2026-03-29T02:30'), PARIS)).toBe(utc('2026-03-29T01:30:00Z'));
	});

	it('takes the first occurrence of a time repeated in autumn', () => {
		expect(wallTimeToEpoch(wall('2026-10-25T02:30'), PARIS)).toBe(utc('2026-10-25T00:30:00Z'));
	});
});

describe('toApiSchedule', () => {
	const now = utc('2026-01-01T00:00:00Z');

	it.each([
		['winter', '2026-01-15T09:00:00Z', '15/01/2026', 10, 0],
		['summer', '2026-07-15T08:05:00Z', '15/07/2026', 10, 5],
		['the next day in Paris', '2026-12-31T23:30:00Z', '01/01/2027', 0, 30],
		['the spring DST day, after the change', '2026-03-29T01:00:00Z', '29/03/2026', 3, 0],
		['the autumn DST day, first 02:30', '2026-10-25T00:30:00Z', '25/10/2026', 2, 30],
		['the autumn DST day, after the change', '2026-10-25T02:00:00Z', '25/10/2026', 3, 0],
	])('gives Paris date, hour and minute in %s', (_case, iso, date, time, minute) => {
		expect(toApiSchedule(utc(iso), now, PARIS)).toEqual({
			scheduledDeliveryDate: date,
			time,
			minute,
			at: utc(iso),
		});
	});

	it('refuses the second 02:30 of the autumn change, which Paris time cannot tell apart', () => {
		const error = refusalOf(() => toApiSchedule(utc('2026-10-25T01:30:00Z'), now, PARIS));
		expect(error.message).toMatch(/hour that Paris clocks repeat/);
	});

	it('refuses a time in the past, and "now"', () => {
		const error = refusalOf(() => toApiSchedule(utc('2025-12-31T22:00:00Z'), now, PARIS));
		expect(error.message).toBe('Send At 2025-12-31 23:00 (Europe/Paris time) is in the past');
		expect(error.hint).toMatch(/Leave Send At empty to send now\.$/);
		refusalOf(() => toApiSchedule(now, now, PARIS));
	});

	it('refuses a time off the 5-minute grid and names the nearest valid times', () => {
		const error = refusalOf(() => toApiSchedule(utc('2026-01-15T09:07:00Z'), now, PARIS));
		expect(error.message).toBe(
			'Send At 2026-01-15 10:07 (Europe/Paris time) is not on a 5-minute step; SMS Partner schedules at :00, :05, :10 … :55 only',
		);
		expect(error.hint).toBe(
			'Use a time on a 5-minute step: the nearest valid times are 2026-01-15 10:05 and 2026-01-15 10:10 (Europe/Paris time).',
		);
		const withSeconds = refusalOf(() => toApiSchedule(utc('2026-01-15T09:05:30Z'), now, NEW_YORK));
		expect(withSeconds.message).toMatch(/^Send At 2026-01-15 04:05:30 \(America\/New_York time\)/);
	});

	it('names only valid times that are far enough away when the value is close', () => {
		// At 00:01, 00:05 is too close and 00:10 the first time that can still be cancelled.
		const error = refusalOf(() => toApiSchedule(now + 7 * 60_000, now + 60_000, 'UTC'));
		expect(error.hint).toBe(
			'Use a time on a 5-minute step: the nearest valid time is 2026-01-01 00:10 (UTC time).',
		);
		const verySoon = refusalOf(() => toApiSchedule(now + 2 * 60_000, now, 'UTC'));
		expect(verySoon.hint).toMatch(/the nearest valid time is 2026-01-01 00:05 \(UTC time\)/);
	});

	it('refuses a time less than 5 minutes away: it could not be cancelled', () => {
		const nowOffGrid = utc('2026-01-15T09:01:00Z');
		const error = refusalOf(() => toApiSchedule(utc('2026-01-15T09:05:00Z'), nowOffGrid, PARIS));
		expect(error.message).toBe(
			'Send At 2026-01-15 10:05 (Europe/Paris time) is less than 5 minutes away: too close to cancel later, as SMS Partner cannot cancel a send in its last 5 minutes',
		);
		expect(error.hint).toBe('Pick 2026-01-15 10:10 or later. Leave Send At empty to send now.');
		expect(
			toApiSchedule(utc('2026-01-15T09:05:00Z'), utc('2026-01-15T09:00:00Z'), PARIS).time,
		).toBe(10);
	});
});

describe('scheduleFromSendAt', () => {
	it('reads the value in the workflow time zone and gives the Paris fields', () => {
		const now = utc('2026-07-01T00:00:00Z');
		expect(scheduleFromSendAt('2026-07-15T10:05:00', NEW_YORK, now)).toEqual({
			scheduledDeliveryDate: '15/07/2026',
			time: 16,
			minute: 5,
			at: utc('2026-07-15T14:05:00Z'),
		});
		expect(scheduleFromSendAt('', NEW_YORK, now)).toBeUndefined();
	});
});
