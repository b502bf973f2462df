import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiGet, apiPost } from './http';

const KEY = DEFAULT_API_KEY;

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ startTime: new Date('2025-03-01T08:00:00Z') });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const vnSend = (fields: Record<string, unknown> = {}) =>
	apiPost(sim, '/vn/send', {
		apiKey: KEY,
		to: '0612345678',
		from: '33700000001',
		message: 'Bonjour',
		...fields,
	});
const statuses = async (tag: string) =>
	(await apiGet(sim, '/bulk-status-by-tag', { apiKey: KEY, tag })).body;

describe('POST /vn/send', () => {
	it('answers like /send and stores the recipients for the status endpoints', async () => {
		const reply = await vnSend({
			to: '0612345678,33712345678',
			tag: 'vn',
			message: 'a'.repeat(161),
		});
		expect(reply.body).toEqual({
			success: true,
			code: 200,
			message_id: 1001,
			nb_sms: 4,
			cost: 0.18,
			currency: 'EUR',
		});
		expect(
			(await statuses('vn')).StatutResponse_List.map((s: { phoneNumber: string }) => s.phoneNumber),
		).toEqual(['+33612345678', '+33712345678']);
	});

	it('charges nothing in sandbox', async () => {
		expect((await vnSend({ sandbox: 1 })).body).toMatchObject({ success: true, cost: 0 });
		const me = await apiGet(sim, '/me', { apiKey: KEY });
		expect(me.body.credits.balance).toBe('100.000');
	});

	it.each([
		[2, 'no recipient', { to: '' }],
		[43, 'no text', { message: undefined }],
		[50, '501 recipients', { to: Array(501).fill('0612345678').join(',') }],
		[52, 'a text over 10 SMS', { message: 'a'.repeat(1531) }],
	])('refuses with code %d for %s', async (code, _case, fields) => {
		expect((await vnSend(fields)).body).toMatchObject({ success: false, code });
	});

	it.each([
		['no from', { from: undefined }, 'Le numéro virtuel est requis'],
		[
			'a from with a plus',
			{ from: '+33700000001' },
			'Le numéro virtuel doit être au format international sans + (+33700000001)',
		],
	])('refuses %s with a code 9 on from', async (_case, fields, message) => {
		expect((await vnSend(fields)).body).toEqual({
			success: false,
			code: 9,
			error: [{ elementId: 'children[from].data', message }],
		});
	});

	it('refuses an invalid recipient with a code 9 on to', async () => {
		const reply = await vnSend({ to: '0612345678,12' });
		expect(reply.body.error).toEqual([
			{ elementId: 'children[to].data', message: "Ce numéro de téléphone n'est pas valide (12)" },
		]);
	});

	it('refuses a recipient on the STOP list (14)', async () => {
		sim.addStopNumber('0612345678');
		expect((await vnSend()).body).toMatchObject({ success: false, code: 14 });
	});

	it('answers in XML like /send', async () => {
		const reply = await vnSend({ _format: 'xml' });
		expect(reply.text).toBe(
			"<?xml version='1.0' encoding='UTF-8'?>\n<result><entry>true</entry><entry>200</entry><entry>1001</entry><entry>1</entry><entry>0.045</entry><entry><![CDATA[EUR]]></entry></result>\n",
		);
	});
});
