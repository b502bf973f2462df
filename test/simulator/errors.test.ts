import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiGet, apiPost, getWithBody, type Reply } from './http';

const KEY = DEFAULT_API_KEY;
const POOR_KEY = 'poor-key';
const STOP_KEY = 'stop-key';
// 10:00 in Paris.
const START = new Date('2025-06-02T08:00:00Z');

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({
		startTime: START,
		accounts: [
			{ apiKey: KEY },
			{ apiKey: POOR_KEY, creditEur: 0.04 },
			{ apiKey: STOP_KEY, stopNumbers: ['0611111111'] },
		],
	});
});
afterAll(() => sim.close());
beforeEach(() => {
	sim.configure({ errorStatus: 'mirror', validationErrorKey: 'error' });
	sim.reset();
});

const send = (fields: Record<string, unknown>) =>
	apiPost(sim, '/send', { apiKey: KEY, phoneNumbers: '0612345678', message: 'Bonjour', ...fields });
const cancel = (messageId: unknown) =>
	apiGet(sim, '/message-cancel', { apiKey: KEY, messageId: String(messageId) });
const scheduleAt = (time: number, minute: number) =>
	send({ scheduledDeliveryDate: '02/06/2025', time, minute });

interface Case {
	code: number;
	mirrorStatus: number;
	why: string;
	request: () => Promise<Reply>;
	message?: string;
}

const cases: Case[] = [
	{
		code: 1,
		mirrorStatus: 401,
		why: 'no key',
		request: () => apiGet(sim, '/me'),
		message: 'La Clé API est requise',
	},
	{
		code: 10,
		mirrorStatus: 401,
		why: 'an unknown key',
		request: () => apiGet(sim, '/me', { apiKey: 'nope' }),
		message: 'Clé API incorrecte',
	},
	{ code: 2, mirrorStatus: 400, why: 'no phoneNumbers', request: () => send({ phoneNumbers: '' }) },
	{ code: 43, mirrorStatus: 400, why: 'no message', request: () => send({ message: undefined }) },
	{
		code: 50,
		mirrorStatus: 400,
		why: '501 recipients',
		request: () => send({ phoneNumbers: Array(501).fill('0612345678').join(',') }),
	},
	{
		code: 44,
		mirrorStatus: 400,
		why: 'a 2-character sender',
		request: () => send({ sender: 'ab' }),
	},
	{
		code: 44,
		mirrorStatus: 400,
		why: 'a sender with punctuation',
		request: () => send({ sender: 'shop!' }),
	},
	{
		code: 42,
		mirrorStatus: 400,
		why: 'a low-cost text over 160 characters',
		request: () => send({ gamme: 2, message: 'a'.repeat(161) }),
	},
	{
		code: 52,
		mirrorStatus: 400,
		why: 'more than 10 parts',
		request: () => send({ message: 'a'.repeat(1531) }),
	},
	{
		code: 46,
		mirrorStatus: 400,
		why: 'a date without time',
		request: () => send({ scheduledDeliveryDate: '03/06/2025', minute: 0 }),
	},
	{
		code: 47,
		mirrorStatus: 400,
		why: 'a date without minute',
		request: () => send({ scheduledDeliveryDate: '03/06/2025', time: 9 }),
	},
	{
		code: 48,
		mirrorStatus: 400,
		why: 'a minute off the 5-minute grid',
		request: () => send({ scheduledDeliveryDate: '03/06/2025', time: 9, minute: 7 }),
	},
	{
		code: 49,
		mirrorStatus: 400,
		why: 'a date that does not exist',
		request: () => send({ scheduledDeliveryDate: '31/02/2026', time: 9, minute: 0 }),
	},
	{
		code: 49,
		mirrorStatus: 400,
		why: 'an ISO date',
		request: () => send({ scheduledDeliveryDate: '2026-02-01', time: 9, minute: 0 }),
	},
	{
		code: 11,
		mirrorStatus: 402,
		why: 'a balance below the cost',
		request: () =>
			apiPost(sim, '/send', { apiKey: POOR_KEY, phoneNumbers: '0612345678', message: 'x' }),
	},
	{
		code: 14,
		mirrorStatus: 400,
		why: 'a number on the STOP list',
		request: () =>
			apiPost(sim, '/send', {
				apiKey: STOP_KEY,
				phoneNumbers: '0612345678,+33611111111',
				message: 'x',
			}),
	},
	{
		code: 90,
		mirrorStatus: 400,
		why: 'malformed JSON',
		request: () => apiPost(sim, '/send', '{"apiKey": "x",'),
	},
	{
		code: 3,
		mirrorStatus: 400,
		why: 'a cancel without messageId',
		request: () => apiGet(sim, '/message-cancel', { apiKey: KEY }),
		message: "L'ID du message est requis",
	},
	{
		code: 4,
		mirrorStatus: 404,
		why: 'a cancel of an unknown message',
		request: () => cancel(999999),
		message: 'Message introuvable',
	},
	{
		code: 5,
		mirrorStatus: 400,
		why: 'a second cancel',
		request: async () => {
			const { body } = await scheduleAt(11, 0);
			await cancel(body.message_id);
			return cancel(body.message_id);
		},
		message: "L'envoi du SMS a déjà été annulé",
	},
	{
		code: 6,
		mirrorStatus: 400,
		why: 'a cancel 4 minutes before the send',
		request: async () => {
			const { body } = await scheduleAt(10, 10);
			sim.clock.advance(6 * 60);
			return cancel(body.message_id);
		},
		message: "Vous ne pouvez pas annuler l'envoi d'un SMS moins de 5 minutes avant son envoi",
	},
	{
		code: 7,
		mirrorStatus: 400,
		why: 'a cancel of an immediate send',
		request: async () => cancel((await send({})).body.message_id),
		message: 'Vous ne pouvez pas annuler un SMS déjà envoyé',
	},
];

describe.each(['mirror', 'always-200'] as const)('errors with errorStatus %s', (mode) => {
	beforeEach(() => sim.configure({ errorStatus: mode }));

	it.each(cases)('code $code for $why', async ({ code, mirrorStatus, request, message }) => {
		const reply = await request();
		expect(reply.status).toBe(mode === 'mirror' ? mirrorStatus : 200);
		expect(reply.contentType).toBe('application/json');
		expect(reply.body).toEqual({
			success: false,
			code,
			message: message ?? expect.stringMatching(/\S/),
		});
	});

	it('code 9 lists each violation under the configured key', async () => {
		sim.configure({ validationErrorKey: 'errors' });
		const reply = await send({
			phoneNumbers: '0612345678,12345,0512345678',
			sender: 'ABCDEFGHIJKL',
			tag: 'Promo Juin',
		});
		expect(reply.status).toBe(mode === 'mirror' ? 400 : 200);
		expect(reply.body).toEqual({
			success: false,
			code: 9,
			errors: [
				{
					elementId: 'children[phoneNumbers].data',
					message: "Ce numéro de téléphone n'est pas valide (12345)",
				},
				{
					elementId: 'children[phoneNumbers].data',
					message: "Ce numéro de téléphone n'est pas valide (0512345678)",
				},
				{
					elementId: 'children[sender].data',
					message: "L'émetteur ne peut pas être plus long que 11 caractères",
				},
				{ elementId: 'children[tag].data', message: expect.any(String) },
			],
		});
	});

	it('an unknown path is a 404 and a wrong method a 405 in any mode', async () => {
		const unknown = await apiGet(sim, '/sms/list', { apiKey: KEY });
		expect(unknown.status).toBe(404);
		expect(unknown.body).toMatchObject({ success: false, code: 404 });
		const wrongMethod = await apiPost(sim, '/message-cancel', { apiKey: KEY, messageId: 1 });
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.body).toMatchObject({ success: false, code: 405 });
	});
});

describe('validation key', () => {
	it("is 'error' by default", async () => {
		const reply = await send({ tag: 'UPPER' });
		expect(reply.body.error).toEqual([
			{ elementId: 'children[tag].data', message: expect.any(String) },
		]);
		expect(reply.body).not.toHaveProperty('errors');
	});
});

describe('where the API key is read', () => {
	it('GET takes it from the query string only', async () => {
		const inBody = await getWithBody(sim, '/me', { apiKey: KEY });
		expect(inBody.status).toBe(401);
		expect(inBody.body).toMatchObject({ success: false, code: 1 });
		expect((await apiGet(sim, '/me', { apiKey: KEY })).body.success).toBe(true);
	});

	it('POST takes it from the JSON body only', async () => {
		const inQuery = await apiPost(
			sim,
			'/send',
			{ phoneNumbers: '0612345678', message: 'x' },
			{ query: `apiKey=${KEY}` },
		);
		expect(inQuery.status).toBe(401);
		expect(inQuery.body).toMatchObject({ success: false, code: 1 });
	});

	it('POST bodies are JSON whatever the Content-Type says', async () => {
		const reply = await apiPost(
			sim,
			'/send',
			{ apiKey: KEY, phoneNumbers: '0612345678', message: 'x' },
			{ contentType: 'application/x-www-form-urlencoded' },
		);
		expect(reply.body).toMatchObject({ success: true, code: 200 });
	});
});
