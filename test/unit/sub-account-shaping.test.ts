import {
	checkEuros,
	checkSubAccountToken,
} from '../../nodes/SmsPartner/resources/subAccount/common';
import { checkEmail } from '../../nodes/SmsPartner/resources/subAccount/create.operation';
import { toSubAccount } from '../../nodes/SmsPartner/resources/subAccount/getMany.operation';
import { parisDateTimeToIso } from '../../nodes/SmsPartner/shared/time-zones';

describe('parisDateTimeToIso', () => {
	it.each([
		['2016-03-04 11:23:14', '2016-03-04T10:23:14.000Z'],
		['2025-06-02 10:00:00', '2025-06-02T08:00:00.000Z'],
		// Around the changes of 2026: 29 March (02:00 → 03:00) and 25 October (03:00 → 02:00).
		['2026-03-29 01:30:00', '2026-03-29T00:30:00.000Z'],
		['2026-03-29 03:30:00', '2026-03-29T01:30:00.000Z'],
		['2026-10-25 01:30:00', '2026-10-24T23:30:00.000Z'],
		['2026-10-25 02:30:00', '2026-10-25T00:30:00.000Z'],
		['2026-10-25 03:30:00', '2026-10-25T02:30:00.000Z'],
		['2025-12-31 23:59:59', '2025-12-31T22:59:59.000Z'],
	])('reads %p as %p', (paris, iso) => {
		expect(parisDateTimeToIso(paris)).toBe(iso);
	});

	it.each(['', '2016-03-04', '2016-02-30 10:00:00', '2016-03-04 24:00:00', '1457087000', 42, null])(
		'gives null for %p',
		(value) => {
			expect(parisDateTimeToIso(value)).toBeNull();
		},
	);
});

describe('toSubAccount', () => {
	const row = {
		id: 1,
		email: 'email1',
		type: 'simple',
		token: 'token1',
		apiKey: 'ApiKey sous compte',
		createdAt: '2016-03-04 11:23:14',
		credits: { balance: '0.800', currency: 'EUR' },
	};

	it('shapes the documented example, dropping the API key', () => {
		expect(toSubAccount(row)).toEqual({
			id: 1,
			email: 'email1',
			type: 'simple',
			token: 'token1',
			createdAt: '2016-03-04T10:23:14.000Z',
			balance: 0.8,
			currency: 'EUR',
		});
	});

	it('copies no field it does not know, so that a secret cannot slip through', () => {
		const item = toSubAccount({ ...row, password: 'p', apiToken: 't' });
		expect(Object.keys(item).sort()).toEqual([
			'balance',
			'createdAt',
			'currency',
			'email',
			'id',
			'token',
			'type',
		]);
	});

	it('gives nulls for missing or unreadable values', () => {
		expect(toSubAccount({ id: 'x', credits: { balance: 'n/a' } })).toEqual({
			id: null,
			email: null,
			type: null,
			token: null,
			createdAt: null,
			balance: null,
			currency: null,
		});
	});
});

describe('checkEmail', () => {
	it('takes an address, trimmed', () => {
		expect(checkEmail(' shop-lyon@example.com ')).toBe('shop-lyon@example.com');
	});

	it.each([
		['', 'Email is empty'],
		[42, 'Email 42 is not an e-mail address'],
		[['a@b.fr'], 'Email ["a@b.fr"] is not an e-mail address'],
		['shop-lyon.example.com', 'Email "shop-lyon.example.com" is not an e-mail address'],
	])('refuses %p: %s', (value, message) => {
		expect(() => checkEmail(value)).toThrow(message);
	});
});

describe('checkSubAccountToken and checkEuros', () => {
	it('trims a token and refuses an empty one or one with a space', () => {
		expect(checkSubAccountToken(' abc123 ')).toBe('abc123');
		expect(() => checkSubAccountToken('  ')).toThrow('Sub-Account Token is empty');
		expect(() => checkSubAccountToken('ab c')).toThrow('contains a space');
		expect(() => checkSubAccountToken(undefined)).toThrow('Sub-Account Token is empty');
		expect(() => checkSubAccountToken(true)).toThrow('Sub-Account Token true is not text');
	});

	it.each([
		[10, 10],
		['2.5', 2.5],
		[0.001, 0.001],
		// Float noise is no fourth decimal.
		[0.1 + 0.2, 0.3],
	])('reads %p EUR as %p', (value, amount) => {
		expect(checkEuros(value, 'Credit')).toBe(amount);
	});

	it.each([
		0,
		-1,
		'',
		'ten',
		Number.NaN,
		Infinity,
		null,
		true,
		'0x10',
		'1e3',
		0.0004,
		1.0005,
		5e-324,
	])('refuses %p, which SMS Partner would refuse or read otherwise', (value) => {
		expect(() => checkEuros(value, 'Credit')).toThrow(
			/^Credit .+ is not an amount in euros of at least 0\.001 with at most 3 decimals$/,
		);
	});
});
