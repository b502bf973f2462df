import {
	epochToParisWallTime,
	formatParisDateTime,
	parisWallTimeToEpoch,
} from '../../simulator/paris-time';

const at = (year: number, month: number, day: number, hour: number, minute = 0) =>
	new Date(parisWallTimeToEpoch({ year, month, day, hour, minute })).toISOString();

describe('Paris wall time to UTC', () => {
	it('is UTC+1 in winter and UTC+2 in summer', () => {
		expect(at(2026, 1, 15, 10)).toBe('2026-01-15T09:00:00.000Z');
		expect(at(2025, 7, 15, 10)).toBe('2025-07-15T08:00:00.000Z');
	});

	it('changes offset at 02:00 on the last Sunday of March', () => {
		expect(at(2025, 3, 30, 1, 55)).toBe('2025-03-30T00:55:00.000Z');
		expect(at(2025, 3, 30, 3, 0)).toBe('2025-03-30T01:00:00.000Z');
	});

	it('moves a time skipped by the spring-forward to after the gap', () => {
		expect(at(2025, 3, 30, 2, 30)).toBe('2025-03-30T01:30:00.000Z');
	});

	it('takes the first of the two 02:30 of the last Sunday of October', () => {
		expect(at(2025, 10, 26, 2, 30)).toBe('2025-10-26T00:30:00.000Z');
		expect(at(2025, 10, 26, 3, 0)).toBe('2025-10-26T02:00:00.000Z');
	});
});

describe('UTC to Paris wall time', () => {
	it('gives both occurrences of the repeated hour the same wall time', () => {
		expect(formatParisDateTime(Date.parse('2025-10-26T00:30:00Z'))).toBe('2025-10-26 02:30:00');
		expect(formatParisDateTime(Date.parse('2025-10-26T01:30:00Z'))).toBe('2025-10-26 02:30:00');
	});

	it('round-trips with parisWallTimeToEpoch', () => {
		const epoch = Date.parse('2025-12-31T23:45:07Z');
		expect(epochToParisWallTime(epoch)).toEqual({
			year: 2026,
			month: 1,
			day: 1,
			hour: 0,
			minute: 45,
			second: 7,
		});
		expect(parisWallTimeToEpoch(epochToParisWallTime(epoch))).toBe(epoch);
	});
});
