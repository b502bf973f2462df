import { toBoolean, unixSecondsToIso } from '../../nodes/SmsPartner/shared/convert';

describe('unixSecondsToIso', () => {
	it('turns the API Unix-seconds string into ISO-8601 UTC', () => {
		expect(unixSecondsToIso('1517989111')).toBe('2018-02-07T07:38:31.000Z');
		expect(unixSecondsToIso(1517989111)).toBe('2018-02-07T07:38:31.000Z');
	});

	it.each(['', 'yesterday', '2015-02-07 22:39:46', null, undefined, '1.5'])(
		'gives null for %p rather than a wrong date',
		(value) => {
			expect(unixSecondsToIso(value)).toBeNull();
		},
	);
});

describe('toBoolean', () => {
	it.each([
		[true, true],
		['1', true],
		[1, true],
		['true', true],
		[false, false],
		['0', false],
		[0, false],
		[undefined, false],
	])('reads %p as %p', (value, expected) => {
		expect(toBoolean(value)).toBe(expected);
	});
});
