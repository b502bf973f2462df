import fc from 'fast-check';

import {
	callbackDateToIso,
	callbackItem,
	callbackItems,
	callbackPhoneNumber,
	deliveredByStatus,
	plainCopy,
} from '../../nodes/SmsPartnerTrigger/callback-items';

const RECEIVED = new Date('2026-11-24T09:00:00.000Z');

describe('callbackItem: the documented payloads', () => {
	it('a reply to a short number (Premium)', () => {
		const payload = {
			type: 'response',
			phone_number: '+33612345678',
			text: 'Oui, je confirme',
			message_id: 1111111,
		};
		expect(callbackItem(payload, RECEIVED)).toEqual({
			event: 'reply',
			phoneNumber: '+33612345678',
			messageId: 1111111,
			text: 'Oui, je confirme',
			status: null,
			date: RECEIVED.toISOString(),
			receivedAt: RECEIVED.toISOString(),
			to: null,
			keyword: null,
			inboundMessageId: null,
			concatReference: null,
			concatPart: null,
			concatTotal: null,
			raw: payload,
		});
	});

	it('a STOP reply', () => {
		const item = callbackItem(
			{ type: 'stop', phone_number: '+33612345678', text: 'STOP', message_id: 42 },
			RECEIVED,
		);
		expect(item).toMatchObject({
			event: 'stop',
			phoneNumber: '+33612345678',
			messageId: 42,
			text: 'STOP',
		});
	});

	it('a reply to a long number, one part of three, with its concat fields', () => {
		const payload = {
			msisdn: '33612345678',
			to: '33700000000',
			messageId: '0B00000012345678',
			text: 'second part of a long answer',
			type: 'text',
			keyword: 'SECOND',
			'message-timestamp': '2026-07-14 10:07:00',
			concat: 'true',
			'concat-ref': '108',
			'concat-total': '3',
			'concat-part': '2',
		};
		expect(callbackItem(payload, RECEIVED)).toMatchObject({
			event: 'reply',
			phoneNumber: '+33612345678',
			to: '+33700000000',
			// The long number's own ID: not an SMS Partner message ID.
			messageId: null,
			inboundMessageId: '0B00000012345678',
			text: 'second part of a long answer',
			keyword: 'SECOND',
			// Paris summer time is UTC+2.
			date: '2026-07-14T08:07:00.000Z',
			concatReference: '108',
			concatPart: 2,
			concatTotal: 3,
			raw: payload,
		});
	});

	it('a number check result, from JSON or from form fields alike', () => {
		const json = {
			phone: '33612345678',
			messageId: 'HLR000123-1',
			mccMnc: '20801',
			ported: 1,
			errorGrpId: 0,
			errorName: 'NO_ERROR',
			errorDesc: 'No error',
			date: '2018-03-05T10:34:52.355+0000',
		};
		const form = Object.fromEntries(Object.entries(json).map(([key, value]) => [key, `${value}`]));
		for (const payload of [json, form]) {
			expect(callbackItem(payload, RECEIVED)).toEqual({
				event: 'numberCheck',
				phoneNumber: '+33612345678',
				messageId: null,
				text: null,
				status: 'NO_ERROR',
				date: '2018-03-05T10:34:52.355Z',
				receivedAt: RECEIVED.toISOString(),
				checkId: 'HLR000123-1',
				mccMnc: '20801',
				ported: true,
				errorGroupId: 0,
				errorDescription: 'No error',
				raw: payload,
			});
		}
	});

	it.each([
		['Delivered', true],
		['Not delivered', false],
		['Waiting', null],
		['DELIVRD', true],
		['UNDELIV', false],
		['EXPIRED', false],
		['ENROUTE', null],
	])('a delivery report with status %s: delivered %p', (status, delivered) => {
		const item = callbackItem(
			{ message_id: 307, phone_number: '+33612345678', status, date: '2026-01-15 10:05:20' },
			RECEIVED,
		);
		expect(item).toEqual({
			event: 'deliveryReport',
			phoneNumber: '+33612345678',
			// A number, as every send gives it: a report matches its send as it is.
			messageId: 307,
			text: null,
			status,
			// Paris winter time is UTC+1.
			date: '2026-01-15T09:05:20.000Z',
			receivedAt: RECEIVED.toISOString(),
			delivered,
			raw: expect.any(Object),
		});
	});

	it('a delivery report in camelCase with a Unix-seconds date is still one', () => {
		expect(
			callbackItem(
				{ messageId: '307', phoneNumber: '0612345678', status: 'DELIVRD', date: '1763974800' },
				RECEIVED,
			),
		).toMatchObject({
			event: 'deliveryReport',
			messageId: 307,
			date: '2025-11-24T09:00:00.000Z',
		});
	});
});

describe('callbackItem: unknown shapes pass through flagged', () => {
	it.each([
		[{ hello: 'world' }],
		[{ type: 'something-new', phone_number: '+33612345678' }],
		// A status without a message ID says nothing about which SMS.
		[{ status: 'Delivered' }],
	])('%p', (payload) => {
		const item = callbackItem(payload, RECEIVED);
		expect(item.event).toBe('unknown');
		expect(item.raw).toEqual(payload);
		expect(item.date).toBe(RECEIVED.toISOString());
	});

	it('keeps what it can read, so the user can still route the call', () => {
		expect(
			callbackItem({ type: 'new', phone_number: '0612345678', message_id: '9' }, RECEIVED),
		).toMatchObject({ event: 'unknown', phoneNumber: '+33612345678', messageId: 9 });
	});
});

describe('callbackItem: values of the wrong type are not trusted', () => {
	it('objects, lists and booleans where text is expected read as missing', () => {
		const item = callbackItem(
			{
				type: 'response',
				phone_number: { $ne: null },
				text: ['a'],
				message_id: true,
			},
			RECEIVED,
		);
		expect(item).toMatchObject({ event: 'reply', phoneNumber: null, text: null, messageId: null });
	});

	it('a date that is no date gives the time received, never a wrong date', () => {
		const item = callbackItem(
			{ message_id: 1, status: 'Delivered', date: '2026-02-30 10:00:00' },
			RECEIVED,
		);
		expect(item.date).toBe(RECEIVED.toISOString());
	});
});

describe('plainCopy', () => {
	it('drops the keys through which a payload could reach a prototype', () => {
		const hostile = JSON.parse(
			'{"type":"response","__proto__":{"polluted":1},"nested":{"constructor":{"prototype":{"x":1}},"ok":1}}',
		);
		const item = callbackItem(hostile, RECEIVED);
		expect(item.raw).toEqual({ type: 'response', nested: { ok: 1 } });
		expect(Object.getPrototypeOf(item.raw)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('cuts a body nested without end instead of walking it all', () => {
		let deep: unknown = 'bottom';
		for (let level = 0; level < 1000; level++) deep = { next: deep };
		let copy = plainCopy(deep) as Record<string, unknown> | null;
		let depth = 0;
		while (copy !== null && typeof copy === 'object') {
			copy = copy.next as Record<string, unknown> | null;
			depth++;
		}
		expect(depth).toBe(20);
	});

	it('copies any JSON value without prototype keys as it is', () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 10 }), (value) => {
				const text = JSON.stringify(value);
				fc.pre(!/"(__proto__|constructor|prototype)":/.test(text));
				expect(JSON.stringify(plainCopy(value))).toBe(text);
			}),
		);
	});
});

describe('callbackItems', () => {
	it('one item per payload of a list, in order', () => {
		const items = callbackItems(
			[
				{ type: 'response', phone_number: '+33611111111', text: 'a', message_id: 1 },
				{ message_id: 2, phone_number: '+33622222222', status: 'Delivered' },
			],
			RECEIVED,
		);
		expect(items.map((item) => [item.event, item.messageId])).toEqual([
			['reply', 1],
			['deliveryReport', 2],
		]);
	});

	it('a body that is no payload gives one unknown item keeping it', () => {
		expect(callbackItems('just text', RECEIVED)).toEqual([
			expect.objectContaining({ event: 'unknown', raw: 'just text', phoneNumber: null }),
		]);
	});

	it('never throws on any JSON body, and flags every item with a known event', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (body) => {
				for (const item of callbackItems(body, RECEIVED)) {
					expect(['deliveryReport', 'reply', 'stop', 'numberCheck', 'unknown']).toContain(
						item.event,
					);
					expect(typeof item.receivedAt).toBe('string');
				}
			}),
		);
	});
});

describe('callbackPhoneNumber', () => {
	it.each([
		['+33612345678', '+33612345678'],
		['33612345678', '+33612345678'],
		['0612345678', '+33612345678'],
		['+49 151 2345 6789', '+4915123456789'],
		['not a number', 'not a number'],
		[null, null],
	])('%p gives %p', (value, expected) => {
		expect(callbackPhoneNumber(value)).toBe(expected);
	});
});

describe('callbackDateToIso', () => {
	it.each([
		['2018-03-05T10:34:52.355+0000', '2018-03-05T10:34:52.355Z'],
		['2018-03-05T10:34:52Z', '2018-03-05T10:34:52.000Z'],
		['2018-03-05T11:34:52+01:00', '2018-03-05T10:34:52.000Z'],
		['1517989111', '2018-02-07T07:38:31.000Z'],
		['2026-11-24 10:05:00', '2026-11-24T09:05:00.000Z'],
		['tomorrow', null],
		['2026-13-01 10:00:00', null],
		[null, null],
	])('%p gives %p', (value, expected) => {
		expect(callbackDateToIso(value)).toBe(expected);
	});
});

describe('deliveredByStatus', () => {
	it('reads the words case-insensitively and an unknown word as not known', () => {
		expect(deliveredByStatus('delivered')).toBe(true);
		expect(deliveredByStatus('REJECTD')).toBe(false);
		expect(deliveredByStatus('Sent somewhere')).toBeNull();
		expect(deliveredByStatus('constructor')).toBeNull();
	});
});
