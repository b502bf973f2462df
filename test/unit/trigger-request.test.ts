import fc from 'fast-check';

import {
	answerCallback,
	MAX_EVENTS_PER_CALL,
	sameSecret,
	type CallbackCall,
	type TriggerSettings,
} from '../../nodes/SmsPartnerTrigger/callback-request';

const SETTINGS: TriggerSettings = {
	events: ['*'],
	secretToken: '',
	maxBodyBytes: 64 * 1024,
	ignoreUnknown: false,
};
const REPLY = { type: 'response', phone_number: '+33612345678', text: 'Oui', message_id: 12 };
const REPORT = { message_id: 12, phone_number: '+33612345678', status: 'Delivered' };

function post(body: unknown, extra: Partial<CallbackCall> = {}): CallbackCall {
	return {
		method: 'POST',
		query: {},
		bodyBytes: JSON.stringify(body ?? '').length,
		readBody: () => body,
		receivedAt: new Date('2026-11-24T09:00:00Z'),
		...extra,
	};
}

describe('answerCallback', () => {
	it('starts the workflow with the payload and says so', () => {
		const answer = answerCallback(post(REPLY), SETTINGS);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ received: true, started: true, events: 1, ignored: 0 });
		expect(answer.items).toEqual([expect.objectContaining({ event: 'reply', messageId: 12 })]);
	});

	it('starts nothing for an event it does not listen to, and still answers 200', () => {
		const answer = answerCallback(post(REPORT), { ...SETTINGS, events: ['reply', 'stop'] });
		// A 2xx keeps SMS Partner from sending the same callback again.
		expect(answer.status).toBe(200);
		expect(answer.items).toEqual([]);
		expect(answer.body).toMatchObject({ received: true, started: false, ignored: 1 });
	});

	it('keeps only the events listened to from a list', () => {
		const answer = answerCallback(post([REPLY, REPORT, REPLY]), {
			...SETTINGS,
			events: ['deliveryReport'],
		});
		expect(answer.items.map((item) => item.event)).toEqual(['deliveryReport']);
		expect(answer.body).toMatchObject({ events: 1, ignored: 2 });
	});

	it('passes unknown shapes on, unless told to ignore them', () => {
		const unknown = { something: 'new' };
		expect(answerCallback(post(unknown), SETTINGS).items).toEqual([
			expect.objectContaining({ event: 'unknown', raw: unknown }),
		]);
		expect(answerCallback(post(unknown), { ...SETTINGS, events: ['reply'] }).items).toHaveLength(1);
		expect(answerCallback(post(unknown), { ...SETTINGS, ignoreUnknown: true }).items).toEqual([]);
	});

	it('reads a JSON or form body that reached it as text', () => {
		expect(answerCallback(post(JSON.stringify(REPLY)), SETTINGS).items[0]).toMatchObject({
			event: 'reply',
			text: 'Oui',
		});
		const form = answerCallback(
			post('message_id=12&phone_number=%2B33612345678&status=DELIVRD'),
			SETTINGS,
		);
		expect(form.items[0]).toMatchObject({
			event: 'deliveryReport',
			phoneNumber: '+33612345678',
			delivered: true,
		});
	});

	it.each([undefined, null, '', '   ', {}])('an empty body (%p) starts nothing', (body) => {
		const answer = answerCallback(post(body), SETTINGS);
		expect(answer.status).toBe(200);
		expect(answer.items).toEqual([]);
		expect(answer.body.received).toBe(false);
	});

	it('answers a GET health check without starting the workflow', () => {
		const answer = answerCallback(
			{ ...post(undefined), method: 'GET', query: { anything: '1' } },
			SETTINGS,
		);
		expect(answer.status).toBe(200);
		expect(answer.items).toEqual([]);
		expect(answer.body.message).toMatch(/listening/);
	});

	it('refuses a body over Max Body Size with 413, naming the option', () => {
		const answer = answerCallback(post(REPLY, { bodyBytes: 2049 }), {
			...SETTINGS,
			maxBodyBytes: 2048,
		});
		expect(answer.status).toBe(413);
		expect(answer.items).toEqual([]);
		expect(answer.body.error).toMatch(/2049 bytes.*at most 2048.*Max Body Size/);
	});

	it('refuses a list of more payloads than a call can carry', () => {
		const many = Array.from({ length: MAX_EVENTS_PER_CALL + 1 }, () => REPLY);
		const answer = answerCallback(post(many, { bodyBytes: 10 }), SETTINGS);
		expect(answer.status).toBe(413);
		expect(answer.items).toEqual([]);
	});

	describe('with a secret token', () => {
		const secured = { ...SETTINGS, secretToken: 's3cret-Token-0123456789' };

		it('takes a call whose URL carries the token', () => {
			const answer = answerCallback(
				post(REPLY, { query: { token: secured.secretToken } }),
				secured,
			);
			expect(answer.status).toBe(200);
			expect(answer.items).toHaveLength(1);
		});

		it.each([
			['no token', {}],
			['a wrong token', { token: 'guess' }],
			['the token with one more character', { token: 's3cret-Token-0123456789x' }],
			['a cut token', { token: 's3cret-Token-012345678' }],
			['an empty token', { token: '' }],
			['the token twice', { token: ['s3cret-Token-0123456789', 's3cret-Token-0123456789'] }],
		])('refuses %s with 403 and starts nothing, GET included', (_case, query) => {
			for (const method of ['POST', 'GET']) {
				const answer = answerCallback(post(REPLY, { method, query }), secured);
				expect(answer.status).toBe(403);
				expect(answer.items).toEqual([]);
				expect(JSON.stringify(answer.body)).not.toContain(secured.secretToken);
			}
		});

		it('checks the token before the size, and reads no body of a forged call', () => {
			const readBody = jest.fn(() => REPLY);
			const answer = answerCallback(post(REPLY, { bodyBytes: 10 ** 9, readBody }), secured);
			expect(answer.status).toBe(403);
			expect(readBody).not.toHaveBeenCalled();
		});
	});
});

describe('sameSecret', () => {
	it('is true exactly when both strings are equal', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (given, expected) => {
				expect(sameSecret(given, expected)).toBe(given === expected);
				expect(sameSecret(expected, expected)).toBe(true);
			}),
		);
	});
});
