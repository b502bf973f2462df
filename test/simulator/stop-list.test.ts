import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiGet, apiPost } from './http';

const KEY = DEFAULT_API_KEY;
const OTHER_KEY = 'other-key';
// 10:00 in Paris (summer time).
const START = new Date('2025-06-02T08:00:00Z');

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({
		startTime: START,
		accounts: [{ apiKey: KEY }, { apiKey: OTHER_KEY, stopNumbers: ['0699999999'] }],
	});
});
afterAll(() => sim.close());
beforeEach(() => {
	sim.configure({ errorStatus: 'mirror' });
	sim.reset();
});

const list = (apiKey = KEY, query: Record<string, string> = {}) =>
	apiGet(sim, '/stop-sms/list', { apiKey, ...query });
const add = (phoneNumber: unknown, apiKey = KEY) =>
	apiPost(sim, '/stop-sms/add', { apiKey, phoneNumber });
const remove = (id: number | string, apiKey = KEY) =>
	apiGet(sim, '/stop-sms/delete', { apiKey, id });

describe('GET /stop-sms/list', () => {
	it('lists the entries of the account only, with Paris creation times', async () => {
		expect((await list()).body).toEqual({ success: true, code: 200, nbData: 0, data: [] });
		// The other account's configured number was entry 1.
		expect((await list(OTHER_KEY)).body).toEqual({
			success: true,
			code: 200,
			nbData: 1,
			data: [{ id: 1, phoneNumber: '+33699999999', createdAt: '2025-06-02 10:00:00' }],
		});
	});

	it('answers in XML with the entries as keyless lists', async () => {
		const reply = await list(OTHER_KEY, { _format: 'xml' });
		expect(reply.text).toBe(
			"<?xml version='1.0' encoding='UTF-8'?>\n<result><entry>true</entry><entry>200</entry><entry>1</entry>" +
				'<entry><entry><entry>1</entry><entry><![CDATA[+33699999999]]></entry><entry><![CDATA[2025-06-02 10:00:00]]></entry></entry></entry></result>\n',
		);
	});

	it.each([
		[1, '', 401],
		[10, 'wrong-key', 401],
	])('refuses with code %d for the key %p', async (code, apiKey, status) => {
		const reply = await list(apiKey);
		expect(reply.status).toBe(status);
		expect(reply.body).toMatchObject({ success: false, code });
	});
});

describe('POST /stop-sms/add', () => {
	it('adds a national number in international form and returns its id', async () => {
		sim.clock.advance(90);
		const reply = await add('0612345678');
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ success: true, code: 200, stopId: 2 });
		expect((await list()).body.data).toEqual([
			{ id: 2, phoneNumber: '+33612345678', createdAt: '2025-06-02 10:01:30' },
		]);
	});

	it('blocks sends to the number: /send then fails with code 14', async () => {
		await add('+33612345678');
		const send = await apiPost(sim, '/send', {
			apiKey: KEY,
			phoneNumbers: '0612345678',
			message: 'Bonjour',
		});
		expect(send.body).toMatchObject({ success: false, code: 14 });
	});

	it('refuses a number already in the list with code 15, in national or international form', async () => {
		await add('0612345678');
		const reply = await add('+33612345678');
		expect(reply.status).toBe(400);
		expect(reply.body).toEqual({
			success: false,
			code: 15,
			message: 'Le numéro est déjà dans la liste STOP SMS',
		});
		expect((await list()).body.nbData).toBe(1);
	});

	it('refuses a missing number (2) and an invalid one (9)', async () => {
		expect((await add(undefined)).body).toEqual({
			success: false,
			code: 2,
			message: 'Le numéro de téléphone est requis',
		});
		const invalid = await add('12345');
		expect(invalid.status).toBe(400);
		expect(invalid.body).toEqual({
			success: false,
			code: 9,
			error: [
				{ elementId: 'children[phoneNumber].data', message: 'Le numéro de téléphone est invalide' },
			],
		});
		expect((await list()).body.nbData).toBe(0);
	});

	it('also reads phoneNumbers, the field of the official Python sample', async () => {
		const reply = await apiPost(sim, '/stop-sms/add', { apiKey: KEY, phoneNumbers: '0712345678' });
		expect(reply.body.success).toBe(true);
		expect((await list()).body.data[0].phoneNumber).toBe('+33712345678');
	});

	it('answers 200 for errors in always-200 mode', async () => {
		sim.configure({ errorStatus: 'always-200' });
		await add('0612345678');
		const reply = await add('0612345678');
		expect(reply.status).toBe(200);
		expect(reply.body.code).toBe(15);
	});
});

describe('GET /stop-sms/delete', () => {
	it('removes the entry by id; the number can receive SMS again', async () => {
		const { stopId } = (await add('0612345678')).body;
		const reply = await remove(stopId);
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ success: true, code: 200 });
		expect((await list()).body.data).toEqual([]);
		const send = await apiPost(sim, '/send', {
			apiKey: KEY,
			phoneNumbers: '0612345678',
			message: 'Bonjour',
		});
		expect(send.body.success).toBe(true);
	});

	it('answers 3 without an id and 4 for an unknown, removed, foreign or non-numeric id', async () => {
		expect((await apiGet(sim, '/stop-sms/delete', { apiKey: KEY })).body).toEqual({
			success: false,
			code: 3,
			message: 'L’ID du numéro est requis',
		});
		const { stopId } = (await add('0612345678')).body;
		await remove(stopId);
		for (const id of [stopId, 999, 1, 'abc']) {
			const reply = await remove(id);
			expect(reply.status).toBe(404);
			expect(reply.body).toEqual({
				success: false,
				code: 4,
				message: 'L’ID du numéro introuvable',
			});
		}
		// Entry 1 belongs to the other account and is still there.
		expect((await list(OTHER_KEY)).body.nbData).toBe(1);
	});
});
