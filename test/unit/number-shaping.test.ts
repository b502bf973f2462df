import {
	lookupNumbers,
	toLookupResult,
} from '../../nodes/SmsPartner/resources/number/lookup.operation';
import { checkNotifyUrl } from '../../nodes/SmsPartner/resources/number/verify.operation';
import { InvalidParameterError } from '../../nodes/SmsPartner/shared/validation';

describe('lookupNumbers', () => {
	it('splits lists on commas, semicolons and lines, keeps spaces inside numbers, trims', () => {
		expect(lookupNumbers(' +33 6 12 34 56 78 ;+32470123456\n\nabc,, ')).toEqual([
			'+33 6 12 34 56 78',
			'+32470123456',
			'abc',
		]);
	});

	it('flattens arrays, reads numbers, and keeps duplicates and malformed entries as given', () => {
		expect(lookupNumbers([['+33612345678', 33612345678], '06, 06'])).toEqual([
			'+33612345678',
			'33612345678',
			'06',
			'06',
		]);
	});

	it.each([[''], [' , ; '], [[]], [null], [[null, '']]])('refuses %p as empty', (value) => {
		expect(() => lookupNumbers(value)).toThrow(
			new InvalidParameterError('', 'Phone Numbers is empty', ''),
		);
	});

	it.each([
		[{}, '{}'],
		[true, 'true'],
		[['+33612345678', { number: 1 }], '{"number":1}'],
	])('refuses %p, which is no number, rather than calling it empty', (value, shownValue) => {
		expect(() => lookupNumbers(value)).toThrow(
			`Phone Numbers holds ${shownValue}, which is not a phone number`,
		);
	});

	it('accepts 500 numbers and refuses 501', () => {
		expect(lookupNumbers(Array(500).fill('x'))).toHaveLength(500);
		expect(() => lookupNumbers(Array(501).fill('x'))).toThrow(/has 501 numbers/);
	});
});

describe('toLookupResult', () => {
	const valid = {
		request: '336XXXXXXXX',
		success: true,
		countryCode: 'France',
		prefixCode: 33,
		phoneNumber: '+33612345678',
		type: 'Mobile',
		network: 'Orange',
		format: {
			e164: '+33612345678',
			international: '+33 6 12 34 56 78',
			national: '06 12 34 56 78',
			rfc3966: 'tel:+33-6-12-34-56-78',
		},
	};

	it('flattens the formats and says valid', () => {
		expect(toLookupResult(valid)).toEqual({
			request: '336XXXXXXXX',
			valid: true,
			phoneNumber: '+33612345678',
			countryCode: 'France',
			prefixCode: 33,
			type: 'Mobile',
			network: 'Orange',
			e164: '+33612345678',
			international: '+33 6 12 34 56 78',
			national: '06 12 34 56 78',
			rfc3966: 'tel:+33-6-12-34-56-78',
			message: null,
		});
	});

	it('reads a numeric-string prefix as a number', () => {
		expect(toLookupResult({ ...valid, prefixCode: '33' }).prefixCode).toBe(33);
	});

	it('gives an invalid number the same keys, nulls and the API message', () => {
		const item = toLookupResult({ request: 'abc', success: false, message: 'invalide' });
		expect(item).toMatchObject({ request: 'abc', valid: false, e164: null, message: 'invalide' });
		expect(Object.keys(item)).toEqual(Object.keys(toLookupResult(valid)));
	});

	it('finds the message of an invalid number decoded from XML in the third position', () => {
		const fromXml = { request: 'abc', success: false, countryCode: 'invalide' };
		expect(toLookupResult(fromXml)).toMatchObject({
			valid: false,
			countryCode: null,
			message: 'invalide',
		});
	});
});

describe('checkNotifyUrl', () => {
	it.each(['https://n8n.example.com/webhook/x', ' http://127.0.0.1:5678/webhook/hlr '])(
		'accepts %p',
		(url) => {
			expect(checkNotifyUrl(url)).toBe(url.trim());
		},
	);

	it.each([
		['', /^Notify URL is empty$/],
		[undefined, /^Notify URL is empty$/],
		['example.com/hook', /is not an http or https address$/],
		['mailto:ops@example.com', /is not an http or https address$/],
		['javascript:alert(1)', /is not an http or https address$/],
		['https://', /is not an http or https address$/],
		[{ url: 'https://example.com' }, /^Notify URL {"url":"https:\/\/example.com"} is not an http/],
		[true, /^Notify URL true is not an http or https address$/],
	])('refuses %p', (url, message) => {
		expect(() => checkNotifyUrl(url)).toThrow(message);
	});
});
