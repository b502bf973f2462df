import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiGet, apiPost, unixSeconds } from './http';

const KEY = DEFAULT_API_KEY;
const OTHER_KEY = 'other-key';
/** 10:00 in Paris. */
const START = '2025-06-02T08:00:00Z';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({
		startTime: new Date(START),
		accounts: [{ apiKey: KEY }, { apiKey: OTHER_KEY }],
	});
});
afterAll(() => sim.close());
beforeEach(() => {
	sim.configure({ errorStatus: 'mirror', deliveryDelaySeconds: 20 });
	sim.reset();
});

async function send(phoneNumbers: string[], apiKey = KEY): Promise<number> {
	const reply = await apiPost(sim, '/send', {
		apiKey,
		phoneNumbers: phoneNumbers.join(','),
		message: 'Rappel',
	});
	return reply.body.message_id;
}

const messageStatus = (query: Record<string, string | number>) =>
	apiGet(sim, '/message-status', { apiKey: KEY, ...query });
const bulkStatus = (query: Record<string, string | number>) =>
	apiGet(sim, '/bulk-status', { apiKey: KEY, ...query });
const multiStatus = (list: unknown, apiKey = KEY) =>
	apiPost(sim, '/multi-status', { apiKey, SMSStatut_List: list });

describe('GET /message-status', () => {
	it('answers the documented fields, Waiting then Delivered once the delay has passed', async () => {
		const id = await send(['0612345678', '+32470123456']);
		const waiting = await messageStatus({ messageId: id, phoneNumber: '0612345678' });
		expect(waiting.status).toBe(200);
		expect(waiting.body).toEqual({
			success: true,
			code: 200,
			number: '+33612345678',
			messageId: String(id),
			stopSms: false,
			date: unixSeconds(START),
			statut: 'Waiting',
			cost: 0.045,
			countryCode: 'FR',
			currency: 'EUR',
		});

		sim.clock.advance(21);
		const delivered = await messageStatus({ messageId: id, phoneNumber: '+32470123456' });
		expect(delivered.body).toMatchObject({
			number: '+32470123456',
			statut: 'Delivered',
			countryCode: 'BE',
			date: unixSeconds('2025-06-02T08:00:20Z'),
		});
	});

	it('flags a recipient that has since answered STOP', async () => {
		const id = await send(['0612345678']);
		sim.addStopNumber('+33612345678');
		const reply = await messageStatus({ messageId: id, phoneNumber: '+33612345678' });
		expect(reply.body.stopSms).toBe(true);
	});

	it('needs a message ID (3) and a phone number (2)', async () => {
		const id = await send(['0612345678']);
		const noId = await messageStatus({ phoneNumber: '0612345678' });
		expect([noId.status, noId.body]).toEqual([
			400,
			{ success: false, code: 3, message: "L'ID du message est requis" },
		]);
		const noNumber = await messageStatus({ messageId: id });
		expect([noNumber.status, noNumber.body.code]).toEqual([400, 2]);
	});

	it("answers 4 for an unknown message, another account's, or a number it was not sent to", async () => {
		const mine = await send(['0612345678']);
		const theirs = await send(['0612345678'], OTHER_KEY);
		for (const query of [
			{ messageId: 999999, phoneNumber: '0612345678' },
			{ messageId: theirs, phoneNumber: '0612345678' },
			{ messageId: mine, phoneNumber: '0699999999' },
			{ messageId: 'abc', phoneNumber: '0612345678' },
		]) {
			const reply = await messageStatus(query);
			expect([reply.status, reply.body.success, reply.body.code]).toEqual([404, false, 4]);
		}
	});

	it('answers in XML with the values in the documented order', async () => {
		const id = await send(['0612345678']);
		const reply = await messageStatus({ messageId: id, phoneNumber: '0612345678', _format: 'xml' });
		expect(reply.text).toContain(
			`<result><entry>true</entry><entry>200</entry><entry><![CDATA[+33612345678]]></entry><entry><![CDATA[${id}]]></entry><entry>false</entry><entry><![CDATA[${unixSeconds(START)}]]></entry><entry><![CDATA[Waiting]]></entry><entry>0.045</entry><entry><![CDATA[FR]]></entry><entry><![CDATA[EUR]]></entry></result>`,
		);
	});
});

describe('POST /multi-status', () => {
	it('answers every pair in one list, an unknown pair failing alone with code 4', async () => {
		const first = await send(['+33612345678', '+33612345699']);
		const theirs = await send(['+33600000001'], OTHER_KEY);
		sim.addStopNumber('+33612345678');
		sim.clock.advance(30);

		const reply = await multiStatus([
			{ phoneNumber: '+33612345678', messageId: first },
			{ phoneNumber: '+33612345699', messageId: String(first) },
			{ phoneNumber: '+33600000001', messageId: theirs },
			{ phoneNumber: '+33600000002', messageId: first },
		]);
		const delivered = unixSeconds('2025-06-02T08:00:20Z');
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({
			success: true,
			code: 200,
			StatutResponse_List: [
				{
					success: true,
					code: 200,
					phoneNumber: '+33612345678',
					messageId: first,
					status: 'Delivered',
					date: delivered,
					stopSms: '1',
					isSpam: '0',
				},
				{
					success: true,
					code: 200,
					phoneNumber: '+33612345699',
					messageId: first,
					status: 'Not delivered',
					date: delivered,
					stopSms: '0',
					isSpam: '0',
				},
				{
					success: false,
					code: 4,
					phoneNumber: '+33600000001',
					messageId: theirs,
					status: 'Numéro introuvable',
				},
				{
					success: false,
					code: 4,
					phoneNumber: '+33600000002',
					messageId: first,
					status: 'Numéro introuvable',
				},
			],
		});
	});

	it('reads the key from the body only', async () => {
		const reply = await apiPost(
			sim,
			'/multi-status',
			{ SMSStatut_List: [] },
			{ query: `apiKey=${KEY}` },
		);
		expect([reply.status, reply.body.code]).toEqual([401, 1]);
	});

	it('refuses an empty list (5), more than 500 pairs (50), a malformed pair (6)', async () => {
		const id = await send(['+33612345678']);
		const pair = { phoneNumber: '+33612345678', messageId: id };
		expect((await multiStatus([])).body.code).toBe(5);
		expect((await multiStatus(undefined)).body.code).toBe(5);
		expect((await multiStatus(Array(501).fill(pair))).body.code).toBe(50);
		expect((await multiStatus(Array(500).fill(pair))).body.StatutResponse_List).toHaveLength(500);
		expect((await multiStatus([pair, { phoneNumber: '+33612345678' }])).body.code).toBe(6);
		expect((await multiStatus(['+33612345678'])).body.code).toBe(6);
	});

	it('refuses national numbers with a code 9 naming the pair', async () => {
		const id = await send(['+33612345678']);
		const reply = await multiStatus([
			{ phoneNumber: '+33612345678', messageId: id },
			{ phoneNumber: '0612345678', messageId: id },
		]);
		expect([reply.status, reply.body]).toEqual([
			400,
			{
				success: false,
				code: 9,
				error: [
					{
						elementId: 'children[SMSStatut_List][1][phoneNumber].data',
						message: "Ce numéro n'est pas un numéro de mobile valide (0612345678)",
					},
				],
			},
		]);
	});

	it('answers errors with HTTP 200 in always-200 mode', async () => {
		sim.configure({ errorStatus: 'always-200' });
		const reply = await multiStatus([]);
		expect([reply.status, reply.body.success, reply.body.code]).toEqual([200, false, 5]);
	});
});

describe('GET /bulk-status', () => {
	it('lists every recipient of the message with its status, STOP flag and date', async () => {
		const id = await send(['0612345678', '0612345699', '0698765432']);
		await send(['0600000000']);
		sim.addStopNumber('0698765432');
		sim.clock.advance(20);
		const delivered = unixSeconds('2025-06-02T08:00:20Z');
		const reply = await bulkStatus({ messageId: id });
		expect(reply.body).toEqual({
			success: true,
			code: 200,
			message_id: String(id),
			StatutResponse_List: [
				{ phoneNumber: '+33612345678', status: 'Delivered', stopSMS: false, date: delivered },
				{ phoneNumber: '+33612345699', status: 'Not delivered', stopSMS: false, date: delivered },
				{ phoneNumber: '+33698765432', status: 'Delivered', stopSMS: true, date: delivered },
			],
		});
	});

	it('needs a message ID (3) of this account (4)', async () => {
		const theirs = await send(['0612345678'], OTHER_KEY);
		expect((await bulkStatus({})).body.code).toBe(3);
		expect((await bulkStatus({ messageId: theirs })).body.code).toBe(4);
		expect((await bulkStatus({ messageId: 424242 })).body.code).toBe(4);
	});
});
