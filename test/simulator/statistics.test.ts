import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiGet, apiPost } from './http';

const KEY = DEFAULT_API_KEY;
const OTHER_KEY = 'other-key';
// 11:00 in Paris on 15 March 2026 (winter time).
const START = new Date('2026-03-15T10:00:00Z');

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({
		startTime: START,
		accounts: [{ apiKey: KEY }, { apiKey: OTHER_KEY }],
	});
});
afterAll(() => sim.close());
beforeEach(() => {
	sim.configure({ errorStatus: 'mirror' });
	sim.reset();
});

/** Sends now at `at` (simulated), as if the SMS had gone out then; back to the start after. */
async function sentAt(at: string, fields: Record<string, unknown> = {}) {
	sim.clock.set(new Date(at));
	const reply = await apiPost(sim, '/send', {
		apiKey: KEY,
		phoneNumbers: '0612345678',
		message: 'Bonjour',
		...fields,
	});
	expect(reply.body.success).toBe(true);
	sim.clock.set(START);
	return reply.body.message_id as number;
}

const resume = (query: Record<string, string>, apiKey = KEY) =>
	apiGet(sim, '/statistics/cost-resume', { apiKey, ...query });

/** Unix seconds of Paris midnight on the 1st of a month. */
const monthDate = (isoUtc: string) => Date.parse(isoUtc) / 1000;

describe('GET /statistics/cost-resume', () => {
	it('sums the SMS sent in the previous Paris month (last_month)', async () => {
		await sentAt('2026-02-03T09:00:00Z', { phoneNumbers: '0612345678,0612345679' });
		await sentAt('2026-02-20T09:00:00Z', { message: 'x'.repeat(200) }); // 2 parts
		await sentAt('2026-02-21T09:00:00Z', { sandbox: 1 }); // never sent, not billed
		await sentAt('2026-01-31T22:30:00Z'); // 23:30 in Paris: January
		await sentAt('2026-02-28T23:30:00Z'); // 00:30 on 1 March in Paris: March
		const reply = await resume({ interval: 'last_month' });
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({
			success: true,
			datas: [
				{
					month: 'february',
					year: '2026',
					m: '02',
					date: monthDate('2026-01-31T23:00:00Z'),
					type: 'month',
					cost: '0.180',
					nb_send: '4',
				},
			],
		});
	});

	it('leaves out cancelled SMS and SMS scheduled for later', async () => {
		sim.clock.set(new Date('2026-02-10T09:00:00Z'));
		const cancelled = await apiPost(sim, '/send', {
			apiKey: KEY,
			phoneNumbers: '0612345678',
			message: 'x',
			scheduledDeliveryDate: '12/02/2026',
			time: 9,
			minute: 0,
		});
		await apiGet(sim, '/message-cancel', { apiKey: KEY, messageId: cancelled.body.message_id });
		sim.clock.set(START);
		await apiPost(sim, '/send', {
			apiKey: KEY,
			phoneNumbers: '0612345678',
			message: 'x',
			scheduledDeliveryDate: '20/03/2026',
			time: 9,
			minute: 0,
		});
		const reply = await resume({ interval: 'last_twelve_months' });
		expect(reply.body.datas.map((month: { cost: string }) => month.cost)).toEqual(
			Array(12).fill('0.000'),
		);
	});

	it('lists the current month and the eleven before it (last_twelve_months), empty ones too', async () => {
		await sentAt('2025-04-01T08:00:00Z');
		await sentAt('2025-03-31T21:59:00Z'); // 23:59 in Paris on 31 March: out of the period
		await sentAt('2026-03-15T09:00:00Z');
		const { datas } = (await resume({ interval: 'last_twelve_months' })).body;
		expect(datas).toHaveLength(12);
		expect(datas[0]).toEqual({
			month: 'april',
			year: '2025',
			m: '04',
			date: monthDate('2025-03-31T22:00:00Z'),
			type: 'month',
			cost: '0.045',
			nb_send: '1',
		});
		expect(datas.slice(1, 11).map((month: { nb_send: string }) => month.nb_send)).toEqual(
			Array(10).fill('0'),
		);
		expect(datas[11]).toMatchObject({ month: 'march', year: '2026', m: '03', nb_send: '1' });
	});

	it('counts the Paris days from `from` to `to`, both included (custom)', async () => {
		await sentAt('2026-01-09T22:30:00Z'); // 23:30 on 9 January in Paris: before
		await sentAt('2026-01-09T23:30:00Z'); // 00:30 on 10 January: in
		await sentAt('2026-02-05T22:30:00Z'); // 23:30 on 5 February: in
		await sentAt('2026-02-05T23:30:00Z'); // 00:30 on 6 February: after
		const reply = await resume({ interval: 'custom', from: '10-01-2026', to: '05-02-2026' });
		expect(
			reply.body.datas.map((month: Record<string, string>) => [month.month, month.nb_send]),
		).toEqual([
			['january', '1'],
			['february', '1'],
		]);
	});

	it('counts only the account of the key', async () => {
		await sentAt('2026-02-03T09:00:00Z');
		const { datas } = (await resume({ interval: 'last_month' }, OTHER_KEY)).body;
		expect(datas[0]).toMatchObject({ cost: '0.000', nb_send: '0' });
	});

	it.each([
		[{}, ['interval']],
		[{ interval: 'last_week' }, ['interval']],
		[{ interval: 'custom' }, ['from', 'to']],
		[{ interval: 'custom', from: '2026-01-10', to: '31-02-2026' }, ['from', 'to']],
		[{ interval: 'custom', from: '10-02-2026', to: '09-02-2026' }, ['to']],
	])('refuses %p with code 9 naming %p', async (query, fields) => {
		const reply = await resume(query as Record<string, string>);
		expect(reply.status).toBe(400);
		expect(reply.body.success).toBe(false);
		expect(reply.body.code).toBe(9);
		expect(reply.body.error.map((entry: { elementId: string }) => entry.elementId)).toEqual(
			fields.map((field) => `children[${field}].data`),
		);
	});

	it('answers the 6th request within a minute with 429, per account, until a minute has passed', async () => {
		for (let i = 0; i < 5; i++) {
			expect((await resume({ interval: 'last_month' })).status).toBe(200);
		}
		const refused = await resume({ interval: 'last_month' });
		expect(refused.status).toBe(429);
		expect(refused.body).toEqual({
			success: false,
			code: 429,
			message: 'Trop de requêtes en une minute',
		});
		expect((await resume({ interval: 'last_month' }, OTHER_KEY)).status).toBe(200);
		sim.clock.advance(55);
		expect((await resume({ interval: 'last_month' })).status).toBe(429);
		sim.clock.advance(6);
		expect((await resume({ interval: 'last_month' })).status).toBe(200);
	});

	it('keeps HTTP 429 in always-200 mode: a rate limit is an HTTP status', async () => {
		sim.configure({ errorStatus: 'always-200' });
		for (let i = 0; i < 5; i++) await resume({ interval: 'last_month' });
		const refused = await resume({ interval: 'last_month' });
		expect(refused.status).toBe(429);
		expect(refused.body.code).toBe(429);
	});

	it.each([
		[1, ''],
		[10, 'wrong-key'],
	])('refuses with code %d for the key %p', async (code, apiKey) => {
		const reply = await resume({ interval: 'last_month' }, apiKey);
		expect(reply.status).toBe(401);
		expect(reply.body).toMatchObject({ success: false, code });
	});

	it('answers in XML without keys', async () => {
		await sentAt('2026-02-03T09:00:00Z');
		const reply = await resume({ interval: 'last_month', _format: 'xml' });
		expect(reply.text).toBe(
			"<?xml version='1.0' encoding='UTF-8'?>\n<result><entry>true</entry><entry><entry>" +
				'<entry><![CDATA[february]]></entry><entry><![CDATA[2026]]></entry><entry><![CDATA[02]]></entry>' +
				`<entry>${monthDate('2026-01-31T23:00:00Z')}</entry><entry><![CDATA[month]]></entry>` +
				'<entry><![CDATA[0.045]]></entry><entry><![CDATA[1]]></entry></entry></entry></result>\n',
		);
	});
});
