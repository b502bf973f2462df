import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiGet, apiPost, unixSeconds } from './http';

const KEY = DEFAULT_API_KEY;

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ startTime: new Date('2025-03-01T08:00:00Z') });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const send = (fields: Record<string, unknown>) =>
	apiPost(sim, '/send', { apiKey: KEY, phoneNumbers: '0612345678', message: 'Bonjour', ...fields });
const credits = async () => (await apiGet(sim, '/me', { apiKey: KEY })).body.credits;
const statuses = async (tag: string) =>
	(await apiGet(sim, '/bulk-status-by-tag', { apiKey: KEY, tag })).body.StatutResponse_List;

describe('POST /send', () => {
	it('bills each part for each recipient and hands out ids in order', async () => {
		const first = await send({
			phoneNumbers: '0612345678, +33712345678',
			message: 'a'.repeat(200),
			sender: 'Boutique',
			isStopSms: 1,
			urlDlr: 'https://example.com/dlr',
			urlResponse: 'https://example.com/reply',
		});
		expect(first.status).toBe(200);
		expect(first.body).toEqual({
			success: true,
			code: 200,
			message_id: 1001,
			nb_sms: 4,
			cost: 0.18,
			currency: 'EUR',
		});
		expect((await send({})).body.message_id).toBe(1002);
		expect(await credits()).toEqual({
			creditSms: 2217,
			creditSmsECO: 3325,
			creditHlr: 19955,
			toSend: 0,
			solde: '99.775',
			currency: 'EUR',
			balance: '99.775',
		});
	});

	it('bills the low-cost range at 0.03 and Unicode at 70 characters per SMS', async () => {
		expect((await send({ gamme: 2 })).body).toMatchObject({ nb_sms: 1, cost: 0.03 });
		expect((await send({ isUnicode: 1, message: 'é'.repeat(71) })).body).toMatchObject({
			nb_sms: 2,
			cost: 0.09,
		});
	});

	it('stores French national numbers in international form', async () => {
		await send({ phoneNumbers: '0612345678,+4915112345678', tag: 'intl' });
		expect((await statuses('intl')).map((s: { phoneNumber: string }) => s.phoneNumber)).toEqual([
			'+33612345678',
			'+4915112345678',
		]);
	});

	it('stores nothing and keeps the id when the balance is too low', async () => {
		const tooMany = Array(500).fill('0612345678').join(',');
		const refused = await send({ phoneNumbers: tooMany, message: 'a'.repeat(1000), tag: 'big' });
		expect(refused.body.code).toBe(11);
		expect((await credits()).balance).toBe('100.000');
		expect((await apiGet(sim, '/bulk-status-by-tag', { apiKey: KEY, tag: 'big' })).body.code).toBe(
			4,
		);
		expect((await send({})).body.message_id).toBe(1001);
	});

	it('accepts a sandbox send without charging it', async () => {
		const reply = await send({ sandbox: 1, tag: 'test' });
		expect(reply.body).toMatchObject({ success: true, message_id: 1001, nb_sms: 1, cost: 0 });
		expect((await credits()).balance).toBe('100.000');
		expect(await statuses('test')).toHaveLength(1);
	});

	it('refuses a send to a number that answered STOP, and flags it in statuses', async () => {
		await send({ tag: 'before' });
		sim.addStopNumber('+33612345678');
		expect((await send({})).body.code).toBe(14);
		expect((await statuses('before'))[0].stopSMS).toBe(true);
	});
});

describe('scheduled sends, in Paris time', () => {
	const schedule = (date: string, time: number | string, minute: number | string) =>
		send({ scheduledDeliveryDate: date, time, minute, tag: 'sched' });

	it.each([
		['a winter date', '15/01/2026', 10, '2026-01-15 10:00:00', '2026-01-15T09:00:00Z'],
		['a summer date', '15/07/2025', 10, '2025-07-15 10:00:00', '2025-07-15T08:00:00Z'],
		[
			'the eve of the spring DST change',
			'29/03/2025',
			3,
			'2025-03-29 03:00:00',
			'2025-03-29T02:00:00Z',
		],
		[
			'the spring DST day, after the change',
			'30/03/2025',
			3,
			'2025-03-30 03:00:00',
			'2025-03-30T01:00:00Z',
		],
		[
			'the autumn DST day, after the change',
			'26/10/2025',
			12,
			'2025-10-26 12:00:00',
			'2025-10-26T11:00:00Z',
		],
	])('%s', async (_label, date, time, shown, utc) => {
		const reply = await schedule(date, time, 0);
		expect(reply.body).toMatchObject({ success: true, scheduledDeliveryDate: shown });
		expect(await statuses('sched')).toEqual([
			{ phoneNumber: '+33612345678', status: 'Waiting', stopSMS: false, date: unixSeconds(utc) },
		]);
	});

	it('accepts time and minute as strings', async () => {
		const reply = await schedule('01/03/2025', '10', '05');
		expect(reply.body.scheduledDeliveryDate).toBe('2025-03-01 10:05:00');
	});

	it('counts scheduled recipients in toSend until they go out', async () => {
		await send({
			phoneNumbers: '0612345678,0612345679',
			scheduledDeliveryDate: '01/03/2025',
			time: 10,
			minute: 0,
		});
		expect((await credits()).toSend).toBe(2);
		sim.clock.advance(3600);
		expect((await credits()).toSend).toBe(0);
	});

	it('refuses a time in the past with a code 9 on the date', async () => {
		const reply = await schedule('01/03/2025', 8, 55);
		expect(reply.body).toEqual({
			success: false,
			code: 9,
			error: [
				{
					elementId: 'children[scheduledDeliveryDate].data',
					message: expect.stringContaining(
						'La date (01/03/2025 à 8:55) est antérieure à la date actuelle',
					),
				},
			],
		});
	});

	it('refuses an hour outside 0-23 with a code 9 on the time', async () => {
		const reply = await schedule('02/03/2025', 24, 0);
		expect(reply.body.code).toBe(9);
		expect(reply.body.error[0].elementId).toBe('children[time].data');
	});
});
