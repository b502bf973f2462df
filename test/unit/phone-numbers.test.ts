import {
	checkPhoneNumber,
	parsePhoneNumbers,
	toInternationalNumber,
} from '../../nodes/SmsPartner/shared/phone-numbers';
import { InvalidParameterError } from '../../nodes/SmsPartner/shared/validation';

describe('toInternationalNumber', () => {
	it.each([
		['0612345678', '+33612345678'],
		['06 12 34 56 78', '+33612345678'],
		['06.12.34.56.78', '+33612345678'],
		['+33 6 12 34 56 78', '+33612345678'],
		['0033612345678', '+33612345678'],
		['+49 151 23456789', '+4915123456789'],
	])('reads %p as %p', (raw, expected) => {
		expect(toInternationalNumber(raw)).toBe(expected);
	});

	it.each(['', '612345678', '+0612345678', '06123', 'abc', '+33 6 12 34 56 7x', '٠٦١٢٣٤٥٦٧٨'])(
		'refuses %p',
		(raw) => {
			expect(toInternationalNumber(raw)).toBeUndefined();
		},
	);
});

describe('parsePhoneNumbers', () => {
	it('reads a comma, semicolon or line separated list, an array, or a number', () => {
		expect(
			parsePhoneNumbers('0612345678, +33698765432;0700000001\n06 11 22 33 44', 'Phone Numbers'),
		).toEqual(['+33612345678', '+33698765432', '+33700000001', '+33611223344']);
		expect(parsePhoneNumbers(['0612345678', '+33698765432'], 'Phone Numbers')).toEqual([
			'+33612345678',
			'+33698765432',
		]);
	});

	it('drops duplicates written differently', () => {
		expect(
			parsePhoneNumbers('0612345678,+33612345678,0033 6 12 34 56 78', 'Phone Numbers'),
		).toEqual(['+33612345678']);
	});

	it('names the bad number and the field', () => {
		expect(() => parsePhoneNumbers('0612345678, 12345', 'Phone Numbers')).toThrow(
			new InvalidParameterError(
				'Phone Numbers',
				'Phone Numbers holds "12345", which is not a phone number',
				'',
			),
		);
	});

	it.each([
		[true, 'true'],
		[{}, '{}'],
		[['0612345678', false], 'false'],
		['7'.repeat(1_000_000), `"${'7'.repeat(40)}…"`],
	])('refuses %p, shown as %s, rather than calling it empty', (value, shownValue) => {
		expect(() => parsePhoneNumbers(value, 'Phone Numbers')).toThrow(
			`Phone Numbers holds ${shownValue}, which is not a phone number`,
		);
	});

	it('calls a list of empty entries empty', () => {
		expect(() => parsePhoneNumbers([null, ' '], 'Phone Numbers')).toThrow('Phone Numbers is empty');
	});

	it('refuses an empty list and more than 500 numbers', () => {
		expect(() => parsePhoneNumbers(' , ', 'Phone Numbers')).toThrow('Phone Numbers is empty');
		const many = Array.from({ length: 501 }, (_, index) => `+336${String(index).padStart(8, '0')}`);
		expect(() => parsePhoneNumbers(many, 'Phone Numbers')).toThrow(
			'Phone Numbers has 501 numbers; SMS Partner takes at most 500 per request',
		);
		expect(parsePhoneNumbers(many.slice(0, 500), 'Phone Numbers')).toHaveLength(500);
	});
});

describe('checkPhoneNumber', () => {
	const check = (value: unknown) => checkPhoneNumber(value, 'Phone Number', 'e.g. +33612345678');

	it('reads one number in international form', () => {
		expect(check(' 06 12 34 56 78 ')).toBe('+33612345678');
		expect(check('+33 6 12 34 56 78')).toBe('+33612345678');
	});

	it.each([
		['', 'Phone Number is empty'],
		[undefined, 'Phone Number is empty'],
		['12345', 'Phone Number "12345" is not a phone number'],
		['0612345678, 0698765432', 'Phone Number "0612345678, 0698765432" is not a phone number'],
		[true, 'Phone Number true is not a phone number'],
		[{}, 'Phone Number {} is not a phone number'],
	])('refuses %p: %s', (value, message) => {
		expect(() => check(value)).toThrow(new InvalidParameterError('Phone Number', message, ''));
	});
});
