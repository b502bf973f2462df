import type { IExecutePaginationFunctions } from 'n8n-workflow';

import { refusalOf } from './thrown';
import { collectPairs } from '../../nodes/SmsPartner/resources/sms/sendBulk.operation';
import { checkVirtualNumber } from '../../nodes/SmsPartner/resources/sms/sendLongNumber.operation';
import { checkSurveyId } from '../../nodes/SmsPartner/resources/sms/sendSurvey.operation';
import { readSendOptions } from '../../nodes/SmsPartner/shared/sending';

/** The options of a send now, as an item with these parameters gives them. */
function sendOptions(parameters: Record<string, unknown>) {
	const context = {
		getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
		getTimezone: () => 'Europe/Paris',
	} as unknown as IExecutePaginationFunctions;
	return readSendOptions(context, { scheduled: false });
}

describe('readSendOptions', () => {
	it('reads switches given as true or false, also as text, and sends them as 1 when on', () => {
		const options = sendOptions({
			sandbox: 'true',
			additionalFields: { isUnicode: true, isStopSms: ' FALSE ' },
		});
		expect(options).toMatchObject({ sandbox: true, unicode: true });
		expect(options.body).toEqual({ sandbox: 1, isUnicode: 1 });
	});

	it.each([
		[{ sandbox: 'yes' }, 'Sandbox "yes" is neither true nor false'],
		[{ additionalFields: { isUnicode: 1 } }, 'Unicode 1 is neither true nor false'],
		[{ additionalFields: { isStopSms: {} } }, 'Add STOP Mention {} is neither true nor false'],
	])('refuses a switch that is neither true nor false: %p', (parameters, message) => {
		expect(refusalOf(() => sendOptions(parameters)).message).toBe(message);
	});

	it('sends the range as gamme 1 or 2, and nothing when it is left empty', () => {
		expect(sendOptions({ additionalFields: { gamme: 'lowCost' } })).toMatchObject({
			lowCost: true,
			body: { gamme: 2 },
		});
		expect(sendOptions({ additionalFields: { gamme: 'premium' } }).body).toEqual({ gamme: 1 });
		expect(sendOptions({ additionalFields: { gamme: '' } }).body).toEqual({});
	});

	it.each(['LowCost', 'constructor', 2])('refuses the range %p', (gamme) => {
		const problem = refusalOf(() => sendOptions({ additionalFields: { gamme } }));
		expect(problem.parameter).toBe('Range');
		expect(problem.message).toMatch(/^Range .+ is not one of the choices$/);
	});

	it.each([
		[{ sender: { name: 'MyShop' } }, 'Sender {"name":"MyShop"} is not 3 to 11 letters or digits'],
		[{ sender: true }, 'Sender true is not 3 to 11 letters or digits'],
		[
			{ urlDlr: ['https://example.com'] },
			'Delivery Report URL ["https://example.com"] is not an http(s) URL',
		],
		[{ urlResponse: 'x'.repeat(100) }, `Reply URL "${'x'.repeat(40)}…" is not an http(s) URL`],
		[{ tag: 'Promo' }, 'Tag "Promo" has capital letters; SMS Partner takes lowercase tags only'],
	])('shows what it refuses as given, cut short: %p', (additionalFields, message) => {
		expect(refusalOf(() => sendOptions({ additionalFields })).message).toBe(message);
	});
});

describe('collectPairs', () => {
	const message = { unicode: false, lowCost: false };

	it('names both fields when neither holds an SMS', () => {
		const problem = refusalOf(() =>
			collectPairs(
				[
					{ field: 'SMS List', value: '' },
					{ field: 'SMS to Send', value: [] },
				],
				message,
			),
		);
		expect(problem.message).toBe('SMS List and SMS to Send hold no SMS to send');
	});

	it.each([
		[{}, 'SMS List entry 1: {} is not a phone number'],
		[null, 'SMS List entry 1: has no phoneNumber'],
		[' ', 'SMS List entry 1: has no phoneNumber'],
	])('names the entry of a number %p that is missing or no text', (phoneNumber, expected) => {
		const problem = refusalOf(() =>
			collectPairs([{ field: 'SMS List', value: [{ phoneNumber, message: 'Hi' }] }], message),
		);
		expect(problem.message).toBe(expected);
	});
});

describe('checkVirtualNumber', () => {
	it.each([
		['33612345678', '33612345678'],
		['+33 6 12 34 56 78', '33612345678'],
	])('reads %p as %p', (value, expected) => {
		expect(checkVirtualNumber(value)).toBe(expected);
	});

	it.each([
		['', 'From is empty'],
		[true, 'From true is not a phone number'],
		[{}, 'From {} is not a phone number'],
		['MyShop', 'From "MyShop" is not a phone number'],
	])('refuses %p: %s', (value, message) => {
		expect(refusalOf(() => checkVirtualNumber(value)).message).toBe(message);
	});
});

describe('checkSurveyId', () => {
	it('takes text or a number', () => {
		expect(checkSurveyId(' 8a7b6c5d ')).toBe('8a7b6c5d');
		expect(checkSurveyId(42)).toBe('42');
	});

	it.each([
		[' ', 'Survey ID is empty'],
		[{}, 'Survey ID {} is not text'],
		[true, 'Survey ID true is not text'],
	])('refuses %p: %s', (value, message) => {
		expect(refusalOf(() => checkSurveyId(value)).message).toBe(message);
	});
});
