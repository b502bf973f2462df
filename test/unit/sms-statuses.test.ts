import {
	parseStatusPairs,
	toPairStatus,
} from '../../nodes/SmsPartner/resources/sms/getManyStatuses.operation';
import { toMessageStatus } from '../../nodes/SmsPartner/resources/sms/getStatus.operation';
import { toMessageRecipientStatus } from '../../nodes/SmsPartner/resources/sms/getStatusByMessage.operation';
import { apiDateToIso, toNumberOrNull, toId } from '../../nodes/SmsPartner/shared/convert';
import { parisDateTimeToIso } from '../../nodes/SmsPartner/shared/time-zones';
import { InvalidParameterError } from '../../nodes/SmsPartner/shared/validation';

describe('parisDateTimeToIso', () => {
	it.each([
		// Winter (UTC+1) and summer (UTC+2), the documented example among them.
		['2015-02-07 22:39:46', '2015-02-07T21:39:46.000Z'],
		['2025-06-02 10:00:00', '2025-06-02T08:00:00.000Z'],
		['2025-12-31 23:30:00', '2025-12-31T22:30:00.000Z'],
		// The days of the DST changes, either side of the change.
		['2025-03-30 01:59:59', '2025-03-30T00:59:59.000Z'],
		['2025-03-30 03:00:00', '2025-03-30T01:00:00.000Z'],
		['2025-10-26 01:00:00', '2025-10-25T23:00:00.000Z'],
		['2025-10-26 04:00:00', '2025-10-26T03:00:00.000Z'],
	])('reads %s in Paris as %s', (wall, iso) => {
		expect(parisDateTimeToIso(wall)).toBe(iso);
	});

	it.each(['2025-02-30 10:00:00', '2025-06-02 24:00:00', '2025-06-02', '1534615206', 12, null])(
		'gives null for %p',
		(value) => {
			expect(parisDateTimeToIso(value)).toBeNull();
		},
	);
});

describe('apiDateToIso', () => {
	it('accepts both forms the API uses: Unix seconds and Paris wall time', () => {
		expect(apiDateToIso('1534615206')).toBe('2018-08-18T18:00:06.000Z');
		expect(apiDateToIso(1534615206)).toBe('2018-08-18T18:00:06.000Z');
		expect(apiDateToIso('2018-08-18 20:00:06')).toBe('2018-08-18T18:00:06.000Z');
		expect(apiDateToIso('soon')).toBeNull();
	});
});

describe('toId and toNumberOrNull', () => {
	it('give message IDs as numbers whether the API sends "1111" or 1111', () => {
		expect([toId('1111'), toId(1111), toId(' 42 ')]).toEqual([1111, 1111, 42]);
		expect([toId('abc'), toId(undefined)]).toEqual(['abc', null]);
	});

	it('give money as numbers, null when there is none', () => {
		expect([
			toNumberOrNull(0.045),
			toNumberOrNull('0.045'),
			toNumberOrNull(''),
			toNumberOrNull('n/a'),
		]).toEqual([0.045, 0.045, null, null]);
	});
});

describe('toMessageStatus (Get Status)', () => {
	it('renames statut and number, and turns the date and STOP flag into ISO and boolean', () => {
		const item = toMessageStatus(
			{
				success: true,
				code: 200,
				number: '0600000000',
				messageId: '1111',
				stopSms: false,
				date: '2015-02-07 22:39:46',
				statut: 'Delivered',
				cost: 0.045,
				countryCode: 'FR',
				currency: 'EUR',
			},
			'+33600000000',
		);
		expect(item).toEqual({
			messageId: 1111,
			phoneNumber: '+33600000000',
			status: 'Delivered',
			stopSms: false,
			date: '2015-02-07T21:39:46.000Z',
			cost: 0.045,
			currency: 'EUR',
			countryCode: 'FR',
		});
	});

	it('reads the 2018 form (Unix seconds, international number) and keeps unknown fields', () => {
		const item = toMessageStatus(
			{
				success: true,
				code: 200,
				number: '+212600000000',
				messageId: '7',
				stopSms: true,
				date: '1534615206',
				statut: 'Not delivered',
				cost: '0.1',
				countryCode: 'MA',
				currency: 'EUR',
				isSpam: '1',
				operator: 'IAM',
			},
			'+212600000000',
		);
		expect(item).toEqual({
			messageId: 7,
			phoneNumber: '+212600000000',
			status: 'Not delivered',
			stopSms: true,
			date: '2018-08-18T18:00:06.000Z',
			cost: 0.1,
			currency: 'EUR',
			countryCode: 'MA',
			isSpam: true,
			operator: 'IAM',
		});
	});
});

describe('toPairStatus (Get Many Statuses)', () => {
	it('gives a found pair with booleans from "0"/"1" and an ISO date', () => {
		expect(
			toPairStatus({
				success: true,
				code: 200,
				phoneNumber: '+33612345678',
				messageId: 1003,
				status: 'Delivered',
				date: '1534615206',
				stopSms: '1',
				isSpam: '0',
			}),
		).toEqual({
			messageId: 1003,
			phoneNumber: '+33612345678',
			status: 'Delivered',
			stopSms: true,
			isSpam: false,
			date: '2018-08-18T18:00:06.000Z',
			found: true,
		});
	});

	it('gives a pair that was not found as found: false with its code and text', () => {
		expect(
			toPairStatus({
				success: false,
				code: 4,
				phoneNumber: '+33612345678',
				messageId: '1003',
				status: 'Numéro introuvable',
			}),
		).toEqual({
			messageId: 1003,
			phoneNumber: '+33612345678',
			status: null,
			stopSms: null,
			isSpam: null,
			date: null,
			found: false,
			code: 4,
			message: 'Numéro introuvable',
		});
	});
});

describe('toMessageRecipientStatus (Get Status by Message)', () => {
	it('names fields like Get Status by Tag and adds the message ID', () => {
		expect(
			toMessageRecipientStatus(
				{ phoneNumber: '+33612345678', status: 'Waiting', stopSMS: true, date: '1534615206' },
				'1003',
			),
		).toEqual({
			messageId: 1003,
			phoneNumber: '+33612345678',
			status: 'Waiting',
			stopSms: true,
			date: '2018-08-18T18:00:06.000Z',
		});
	});
});

describe('parseStatusPairs', () => {
	const refusal = (value: unknown): InvalidParameterError => {
		try {
			parseStatusPairs(value);
		} catch (error) {
			return error as InvalidParameterError;
		}
		throw new Error('accepted');
	};

	it('takes an array or its JSON text, normalises numbers, sends IDs as numbers, ignores other keys', () => {
		const expected = [
			{ phoneNumber: '+33612345678', messageId: 1003 },
			{ phoneNumber: '+32470123456', messageId: 1004 },
		];
		const list = [
			{ messageId: '1003', phoneNumber: '06 12 34 56 78', status: 'Waiting' },
			{ messageId: 1004, phoneNumber: '+32470123456' },
		];
		expect(parseStatusPairs(list)).toEqual(expected);
		expect(parseStatusPairs(JSON.stringify(list))).toEqual(expected);
	});

	it('accepts any number of pairs: the operation sends them 500 at a time', () => {
		const pair = { messageId: 1, phoneNumber: '+33612345678' };
		expect(parseStatusPairs(Array(1201).fill(pair))).toHaveLength(1201);
	});

	it.each([
		['an empty array', [], 'Pairs is empty'],
		['an empty text', '  ', 'Pairs is empty'],
		['text that is not JSON', '[{messageId: 1}', 'Pairs is not a list of pairs'],
		['an object instead of an array', { messageId: 1 }, 'Pairs is not a list of pairs'],
		['a pair that is a number', [307], 'Pair 1 is not an object'],
		[
			'a pair without message ID',
			[{ messageId: 1, phoneNumber: '+33612345678' }, { phoneNumber: '+33612345678' }],
			'Pair 2: Message ID is empty',
		],
		[
			'a bad message ID',
			[{ messageId: 'x1', phoneNumber: '+33612345678' }],
			'Pair 1: Message ID "x1" is not a message ID: it must be a positive whole number of at most 15 digits',
		],
		['a pair without number', [{ messageId: 1 }], 'Pair 1 has no phoneNumber'],
		[
			'a bad number',
			[{ messageId: 1, phoneNumber: '12' }],
			'Pair 1 has "12" as phoneNumber, which is not a phone number',
		],
		[
			'a number that is no text',
			[{ messageId: 1, phoneNumber: { number: '+33612345678' } }],
			'Pair 1 has {"number":"+33612345678"} as phoneNumber, which is not a phone number',
		],
	])('refuses %s, naming the field', (_case, value, message) => {
		const error = refusal(value);
		expect(error).toBeInstanceOf(InvalidParameterError);
		expect([error.parameter, error.message]).toEqual(['Pairs', message]);
	});
});
