import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiGet, apiPost, unixSeconds } from './http';

const KEY = DEFAULT_API_KEY;
const POOR_KEY = 'sim-poor-key-0002';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({
		startTime: new Date('2025-03-01T08:00:00Z'),
		accounts: [{ apiKey: KEY }, { apiKey: POOR_KEY, creditEur: 0.05 }],
	});
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const TWO = [
	{ phoneNumber: '0612345678', message: 'Bonjour Anne' },
	{ phoneNumber: '+33712345678', message: 'b'.repeat(200) },
];

const bulk = (fields: Record<string, unknown> = {}, apiKey = KEY) =>
	apiPost(sim, '/bulk-send', { apiKey, SMSList: TWO, ...fields });
const balance = async () =>
	(await apiGet(sim, '/me', { apiKey: KEY })).body.credits.balance as string;
const statuses = async (tag: string) =>
	(await apiGet(sim, '/bulk-status-by-tag', { apiKey: KEY, tag })).body;

describe('POST /bulk-send', () => {
	it('sends each text to its number: one message_id, one result per entry, total cost', async () => {
		const reply = await bulk({ tag: 'lot' });
		expect(reply.status).toBe(200);
		// The documented key order, which the keyless XML form depends on.
		expect(Object.keys(reply.body)).toEqual([
			'success',
			'code',
			'message_id',
			'currency',
			'cost',
			'nbSMS',
			'SMSResponse_List',
		]);
		expect(reply.body).toEqual({
			success: true,
			code: 200,
			message_id: 1001,
			currency: 'EUR',
			cost: 0.135,
			nbSMS: 3,
			SMSResponse_List: [
				{ success: true, code: 200, nbSms: 1, cost: 0.045, phoneNumber: '+33612345678' },
				{ success: true, code: 200, nbSms: 2, cost: 0.09, phoneNumber: '+33712345678' },
			],
		});
		expect(await balance()).toBe('99.865');
		expect((await statuses('lot')).StatutResponse_List).toEqual([
			expect.objectContaining({ phoneNumber: '+33612345678', status: 'Waiting' }),
			expect.objectContaining({ phoneNumber: '+33712345678', status: 'Waiting' }),
		]);
	});

	it('answers an invalid number inside a successful answer, without billing it', async () => {
		const reply = await bulk({
			SMSList: [...TWO, { phoneNumber: '922264', message: 'x' }, { message: 'y' }],
		});
		expect(reply.body).toMatchObject({ success: true, cost: 0.135, nbSMS: 3 });
		expect(reply.body.SMSResponse_List.slice(2)).toEqual([
			{
				success: false,
				code: 9,
				nbSms: 0,
				cost: 0,
				phoneNumber: '922264',
				message: "Ce numéro de téléphone n'est pas valide (922264)",
			},
			{
				success: false,
				code: 9,
				nbSms: 0,
				cost: 0,
				phoneNumber: '',
				message: "Ce numéro de téléphone n'est pas valide ()",
			},
		]);
		expect(await balance()).toBe('99.865');
	});

	it('sends a scheduled batch in Paris time; it can be cancelled like a /send', async () => {
		const reply = await bulk({
			tag: 'later',
			scheduledDeliveryDate: '02/03/2025',
			time: 9,
			minute: 30,
		});
		expect(reply.body.success).toBe(true);
		expect((await statuses('later')).StatutResponse_List[0].date).toBe(
			unixSeconds('2025-03-02T08:30:00Z'),
		);
		const cancel = await apiGet(sim, '/message-cancel', { apiKey: KEY, messageId: 1001 });
		expect(cancel.body.success).toBe(true);
		expect(await balance()).toBe('100.000');
	});

	it('charges nothing in sandbox', async () => {
		const reply = await bulk({ sandbox: 1 });
		expect(reply.body).toMatchObject({ success: true, cost: 0, nbSMS: 3 });
		expect(reply.body.SMSResponse_List.map((r: { cost: number }) => r.cost)).toEqual([0, 0]);
		expect(await balance()).toBe('100.000');
	});

	it('bills the Low Cost range and counts Unicode at 70 characters', async () => {
		expect((await bulk({ gamme: 2, SMSList: [TWO[0]] })).body).toMatchObject({ cost: 0.03 });
		const unicode = await bulk({ isUnicode: 1, SMSList: [{ ...TWO[0], message: 'é'.repeat(71) }] });
		expect(unicode.body).toMatchObject({ nbSMS: 2, cost: 0.09 });
	});

	it.each([
		[2, 'no SMSList', { SMSList: undefined }],
		[2, 'an empty SMSList', { SMSList: [] }],
		[43, 'an entry without text', { SMSList: [{ phoneNumber: '0612345678' }] }],
		[50, '501 entries', { SMSList: Array(501).fill(TWO[0]) }],
		[55, 'no valid number', { SMSList: [{ phoneNumber: '123', message: 'x' }] }],
		[52, 'a text over 10 SMS', { SMSList: [{ ...TWO[0], message: 'a'.repeat(1531) }] }],
		[
			42,
			'a Low Cost text over 160',
			{ gamme: 2, SMSList: [{ ...TWO[0], message: 'a'.repeat(161) }] },
		],
		[44, 'a sender with symbols', { sender: 'ab!' }],
		[48, 'a minute off the grid', { scheduledDeliveryDate: '02/03/2025', time: 9, minute: 7 }],
	])('refuses with code %d %s, storing nothing', async (code, _case, fields) => {
		const reply = await bulk({ tag: 'refused', ...fields });
		expect(reply.body).toMatchObject({ success: false, code });
		expect(reply.status).toBe(400);
		expect((await statuses('refused')).code).toBe(4);
		expect(await balance()).toBe('100.000');
	});

	it('lists every form violation at once as code 9', async () => {
		const reply = await bulk({
			sender: 'a'.repeat(12),
			tag: 'Avec Espace',
			scheduledDeliveryDate: '01/03/2025',
			time: 8,
			minute: 0,
		});
		expect(reply.body.code).toBe(9);
		expect(reply.body.error.map((e: { elementId: string }) => e.elementId)).toEqual([
			'children[scheduledDeliveryDate].data',
			'children[sender].data',
			'children[tag].data',
		]);
	});

	it('refuses the whole batch when a number is on the STOP list (14)', async () => {
		sim.addStopNumber('+33712345678');
		const reply = await bulk({ tag: 'stop' });
		expect(reply.body).toEqual({
			success: false,
			code: 14,
			message: 'Le numéro est dans la liste STOP SMS',
		});
		expect((await statuses('stop')).code).toBe(4);
	});

	it('refuses a batch the balance cannot pay (11), keeping the balance', async () => {
		const reply = await bulk({}, POOR_KEY);
		expect(reply.body).toMatchObject({ success: false, code: 11 });
		expect(reply.status).toBe(402);
		const poor = await apiGet(sim, '/me', { apiKey: POOR_KEY });
		expect(poor.body.credits.balance).toBe('0.050');
	});

	it('answers in XML with the documented layout', async () => {
		const reply = await bulk({ _format: 'xml' });
		expect(reply.text).toBe(
			"<?xml version='1.0' encoding='UTF-8'?>\n<result><entry>true</entry><entry>200</entry><entry>1001</entry><entry><![CDATA[EUR]]></entry><entry>0.135</entry><entry>3</entry><entry><entry><entry>true</entry><entry>200</entry><entry>1</entry><entry>0.045</entry><entry><![CDATA[+33612345678]]></entry></entry><entry><entry>true</entry><entry>200</entry><entry>2</entry><entry>0.09</entry><entry><![CDATA[+33712345678]]></entry></entry></entry></result>\n",
		);
	});
});
