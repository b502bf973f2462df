import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiGet, apiPost, controlPost } from './http';

const KEY = DEFAULT_API_KEY;
const START = new Date('2025-06-02T08:00:00Z');

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ startTime: START });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('request log', () => {
	it('records each /v1 request as it arrived, key included, control calls excluded', async () => {
		await apiGet(sim, '/me', { apiKey: KEY });
		await apiPost(sim, '/send', { apiKey: KEY, phoneNumbers: '0612345678', message: 'x' });
		await apiGet(sim, '/unknown');
		await controlPost(sim, '/clock/advance', { seconds: 1 });
		expect(sim.requests).toEqual([
			{ method: 'GET', path: '/v1/me', query: { apiKey: KEY }, at: expect.any(Number) },
			{
				method: 'POST',
				path: '/v1/send',
				query: {},
				body: { apiKey: KEY, phoneNumbers: '0612345678', message: 'x' },
				contentType: 'application/json',
				at: expect.any(Number),
			},
			{ method: 'GET', path: '/v1/unknown', query: {}, at: expect.any(Number) },
		]);
		expect(sim.requests[0].at).toBeGreaterThanOrEqual(START.getTime());
	});

	it('keeps a body that is not JSON as text', async () => {
		await apiPost(sim, '/send', 'apiKey=abc', { contentType: 'text/plain' });
		expect(sim.requests[0].body).toBe('apiKey=abc');
	});

	it('is served over HTTP', async () => {
		await apiGet(sim, '/me', { apiKey: KEY });
		const reply = await fetch(`http://127.0.0.1:${sim.port}/__simulator/requests`);
		expect(await reply.json()).toEqual([expect.objectContaining({ path: '/v1/me' })]);
	});

	it('tells how many requests it holds, without the requests', async () => {
		const count = async () =>
			(await fetch(`http://127.0.0.1:${sim.port}/__simulator/request-count`)).json();
		expect(await count()).toEqual({ count: 0 });
		await apiGet(sim, '/me', { apiKey: KEY });
		await apiGet(sim, '/unknown');
		expect(await count()).toEqual({ count: 2 });
	});
});

describe('control API', () => {
	it('advances the clock', async () => {
		const reply = await controlPost(sim, '/clock/advance', { seconds: 3600 });
		const now = Date.parse(reply.body.now);
		expect(now - START.getTime()).toBeGreaterThanOrEqual(3600_000);
		expect(now - START.getTime()).toBeLessThan(3660_000);
	});

	it('changes settings, and refuses bad ones without changing anything', async () => {
		const bad = await controlPost(sim, '/config', { errorStatus: 'always-200', tagPageSize: -1 });
		expect(bad.status).toBe(400);
		expect((await apiGet(sim, '/me')).status).toBe(401);

		const good = await controlPost(sim, '/config', { errorStatus: 'always-200' });
		expect(good.body).toMatchObject({ errorStatus: 'always-200', tagPageSize: 100 });
		expect((await apiGet(sim, '/me')).status).toBe(200);
		sim.configure({ errorStatus: 'mirror' });
	});

	it('resets messages, credits, ids, the log and the clock', async () => {
		await apiPost(sim, '/send', { apiKey: KEY, phoneNumbers: '0612345678', message: 'x' });
		sim.clock.advance(86_400);
		expect((await controlPost(sim, '/reset', {})).status).toBe(200);
		expect(sim.requests).toEqual([]);
		expect(sim.clock.now() - START.getTime()).toBeLessThan(60_000);
		const me = await apiGet(sim, '/me', { apiKey: KEY });
		expect(me.body.credits.balance).toBe('100.000');
		const again = await apiPost(sim, '/send', {
			apiKey: KEY,
			phoneNumbers: '0612345678',
			message: 'x',
		});
		expect(again.body.message_id).toBe(1001);
	});

	it('puts a number on the STOP list', async () => {
		await controlPost(sim, '/stop-numbers', { phoneNumber: '0612345678' });
		const reply = await apiPost(sim, '/send', {
			apiKey: KEY,
			phoneNumbers: '+33612345678',
			message: 'x',
		});
		expect(reply.body.code).toBe(14);
		sim.reset();
		const afterReset = await apiPost(sim, '/send', {
			apiKey: KEY,
			phoneNumbers: '+33612345678',
			message: 'x',
		});
		expect(afterReset.body.code).toBe(200);
	});
});
