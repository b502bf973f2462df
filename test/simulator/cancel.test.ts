import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiGet, apiPost } from './http';

const KEY = DEFAULT_API_KEY;
const OTHER_KEY = 'other-key';

let sim: Simulator;

beforeAll(async () => {
	// 10:00 in Paris.
	sim = await startSimulator({
		startTime: new Date('2025-06-02T08:00:00Z'),
		accounts: [{ apiKey: KEY }, { apiKey: OTHER_KEY }],
	});
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

async function scheduleAt(time: number, minute: number, apiKey = KEY): Promise<number> {
	const reply = await apiPost(sim, '/send', {
		apiKey,
		phoneNumbers: '0612345678',
		message: 'Rappel',
		scheduledDeliveryDate: '02/06/2025',
		time,
		minute,
	});
	return reply.body.message_id;
}
const cancel = (messageId: number | string, apiKey = KEY) =>
	apiGet(sim, '/message-cancel', { apiKey, messageId });
const balance = async () =>
	(await apiGet(sim, '/me', { apiKey: KEY })).body.credits.balance as string;

describe('GET /message-cancel', () => {
	it('cancels a scheduled send and refunds it', async () => {
		const id = await scheduleAt(11, 0);
		expect(await balance()).toBe('99.955');
		const reply = await cancel(id);
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({
			success: true,
			code: 200,
			message: "L'envoi du SMS a été annulé.",
		});
		expect(await balance()).toBe('100.000');
	});

	it('still cancels 5 and a half minutes before the send', async () => {
		const id = await scheduleAt(10, 30);
		sim.clock.advance(24 * 60 + 30);
		expect((await cancel(id)).body.code).toBe(200);
	});

	it('refuses less than 5 minutes before the send (6), then once sent (7)', async () => {
		const id = await scheduleAt(10, 30);
		sim.clock.advance(25 * 60 + 30);
		expect((await cancel(id)).body.code).toBe(6);
		sim.clock.advance(5 * 60);
		expect((await cancel(id)).body.code).toBe(7);
		expect(await balance()).toBe('99.955');
	});

	it('refuses a second cancel (5)', async () => {
		const id = await scheduleAt(11, 0);
		await cancel(id);
		expect((await cancel(id)).body.code).toBe(5);
	});

	it('does not find ids that are not positive integers or belong to another account (4)', async () => {
		const othersId = await scheduleAt(11, 0, OTHER_KEY);
		for (const id of ['abc', '-1', '1001.0', String(othersId)]) {
			expect((await cancel(id)).body.code).toBe(4);
		}
		expect((await cancel(othersId, OTHER_KEY)).body.code).toBe(200);
	});

	it('requires a messageId (3)', async () => {
		expect((await cancel('')).body.code).toBe(3);
	});
});
