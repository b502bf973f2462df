import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	DEFAULT_API_KEY,
	startSimulator,
	type CallbackRecord,
	type Simulator,
} from '../../simulator';
import { apiGet, apiPost, controlPost } from './http';

const KEY = DEFAULT_API_KEY;
/** 10:00 in Paris. */
const START = new Date('2025-06-02T08:00:00Z');
/** A send at 10:05 Paris time, so that its delivery time is exact: 10:05:20. */
const AT_10_05 = { scheduledDeliveryDate: '02/06/2025', time: 10, minute: 5 };
const DELIVERED_AT_10_05 = '2025-06-02 10:05:20';

interface Received {
	path: string;
	contentType?: string;
	body: string;
}

/** An application receiving callbacks: 500 on /fail, 200 elsewhere. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
	const received: Received[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body });
			res.writeHead(req.url === '/fail' ? 500 : 200).end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

let sim: Simulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
	sim = await startSimulator({ startTime: START });
	receiver = await startReceiver();
});
afterAll(async () => {
	await sim.close();
	await new Promise((resolve) => receiver.server.close(resolve));
});
beforeEach(() => {
	sim.reset();
	sim.configure({ callbackEncoding: 'json', dlrStatusStyle: 'api', deliveryDelaySeconds: 20 });
	receiver.received.length = 0;
});

const at = (path: string) => `${receiver.url}${path}`;
const bodies = (records: CallbackRecord[]) => records.map((record) => JSON.parse(record.body));
const send = async (fields: Record<string, unknown>) => {
	const reply = await apiPost(sim, '/send', { apiKey: KEY, message: 'Bonjour', ...fields });
	expect(reply.body).toMatchObject({ success: true });
	return reply.body.message_id as number;
};
const vnSend = async (fields: Record<string, unknown>) => {
	const reply = await apiPost(sim, '/vn/send', {
		apiKey: KEY,
		from: '33700000001',
		message: 'Bonjour',
		...fields,
	});
	expect(reply.body).toMatchObject({ success: true });
	return reply.body.message_id as number;
};
const controlGet = async (path: string) =>
	(await fetch(`http://127.0.0.1:${sim.port}/__simulator${path}`)).json();

describe('delivery reports', () => {
	it('posts one per recipient once its status is final, with the status and date', async () => {
		const messageId = await send({
			phoneNumbers: '0612345678,+33612345699',
			urlDlr: at('/dlr'),
			...AT_10_05,
		});

		sim.clock.advance(5 * 60 + 10);
		expect(sim.callbacks).toEqual([]);

		sim.clock.advance(15);
		const records = await sim.waitForCallbacks(2, { kind: 'deliveryReport' });
		expect(bodies(records)).toEqual([
			{
				message_id: messageId,
				phone_number: '+33612345678',
				status: 'Delivered',
				date: DELIVERED_AT_10_05,
			},
			{
				message_id: messageId,
				phone_number: '+33612345699',
				status: 'Not delivered',
				date: DELIVERED_AT_10_05,
			},
		]);
		for (const record of records) {
			expect(record).toMatchObject({
				kind: 'deliveryReport',
				url: at('/dlr'),
				contentType: 'application/json',
				status: 200,
			});
			expect(record.at).toBeGreaterThanOrEqual(Date.parse('2025-06-02T08:05:20Z'));
		}
		const arrived = receiver.received.map((request) => JSON.parse(request.body));
		expect(arrived).toEqual(expect.arrayContaining(bodies(records)));
		expect(receiver.received[0]).toMatchObject({ path: '/dlr', contentType: 'application/json' });

		sim.clock.advance(3600);
		expect(sim.callbacks).toHaveLength(2);
	});

	it('posts none for sandbox sends, cancelled sends or sends without urlDlr', async () => {
		await send({ phoneNumbers: '0612345678', urlDlr: at('/sandbox'), sandbox: 1 });
		await send({ phoneNumbers: '0612345678' });
		const cancelled = await send({
			phoneNumbers: '0612345678',
			urlDlr: at('/cancelled'),
			...AT_10_05,
			minute: 30,
		});
		const cancel = await apiGet(sim, '/message-cancel', { apiKey: KEY, messageId: cancelled });
		expect(cancel.body).toMatchObject({ success: true });
		await send({ phoneNumbers: '0612345678', urlDlr: at('/dlr') });

		sim.clock.advance(3600);
		await sim.waitForCallbacks(1);
		expect(sim.callbacks.map((record) => record.url)).toEqual([at('/dlr')]);
	});

	it("uses the operators' status words in the 'operator' style", async () => {
		sim.configure({ dlrStatusStyle: 'operator' });
		await send({ phoneNumbers: '0612345678,0612345699', urlDlr: at('/dlr') });
		sim.clock.advance(20);
		const records = await sim.waitForCallbacks(2);
		expect(bodies(records).map((body) => body.status)).toEqual(['DELIVRD', 'UNDELIV']);
	});

	it('posts a form with every value a string in the form encoding', async () => {
		sim.configure({ callbackEncoding: 'form' });
		const messageId = await send({ phoneNumbers: '0612345678', urlDlr: at('/dlr'), ...AT_10_05 });
		sim.clock.advance(3600);
		const [record] = await sim.waitForCallbacks(1);

		expect(record.contentType).toBe('application/x-www-form-urlencoded');
		expect(receiver.received).toEqual([
			{ path: '/dlr', contentType: 'application/x-www-form-urlencoded', body: record.body },
		]);
		expect(Object.fromEntries(new URLSearchParams(record.body))).toEqual({
			message_id: String(messageId),
			phone_number: '+33612345678',
			status: 'Delivered',
			date: DELIVERED_AT_10_05,
		});
	});

	it('posts one per sent entry of a bulk send, none for a refused entry', async () => {
		const reply = await apiPost(sim, '/bulk-send', {
			apiKey: KEY,
			urlDlr: at('/dlr'),
			...AT_10_05,
			SMSList: [
				{ phoneNumber: '0612345678', message: 'A' },
				{ phoneNumber: '12', message: 'B' },
				{ phoneNumber: '+33612345699', message: 'C' },
			],
		});
		sim.clock.advance(3600);
		const records = await sim.waitForCallbacks(2);

		expect(sim.callbacks).toHaveLength(2);
		expect(bodies(records)).toEqual([
			expect.objectContaining({
				message_id: reply.body.message_id,
				phone_number: '+33612345678',
				status: 'Delivered',
			}),
			expect.objectContaining({ phone_number: '+33612345699', status: 'Not delivered' }),
		]);
	});

	it('posts one per recipient of a long-number send', async () => {
		const messageId = await vnSend({ to: '0612345678,33612345699', urlDlr: at('/dlr') });
		sim.clock.advance(20);
		const records = await sim.waitForCallbacks(2);
		expect(bodies(records)).toEqual([
			{
				message_id: messageId,
				phone_number: '+33612345678',
				status: 'Delivered',
				date: expect.stringMatching(/^2025-06-02 10:00:[2-5]\d$/),
			},
			expect.objectContaining({ phone_number: '+33612345699', status: 'Not delivered' }),
		]);
	});
});

describe('replies to a short-number send', () => {
	it('posts the reply from the first recipient, or the one given, to urlResponse', async () => {
		const messageId = await send({
			phoneNumbers: '0612345678,0698765432',
			urlResponse: at('/replies'),
		});

		const [first] = await sim.reply({ messageId, text: 'Oui' });
		const [second] = await sim.reply({ messageId, text: 'Non', phoneNumber: '+33698765432' });

		expect(first).toEqual({
			kind: 'reply',
			url: at('/replies'),
			contentType: 'application/json',
			body: expect.any(String),
			at: expect.any(Number),
			status: 200,
		});
		expect(bodies([first, second])).toEqual([
			{ type: 'response', phone_number: '+33612345678', text: 'Oui', message_id: messageId },
			{ type: 'response', phone_number: '+33698765432', text: 'Non', message_id: messageId },
		]);
		expect(receiver.received.map((request) => request.body)).toEqual([first.body, second.body]);
	});

	it('posts to the url given, for a send without urlResponse', async () => {
		const messageId = await send({ phoneNumbers: '0612345678' });
		await sim.reply({ messageId, text: 'Oui', url: at('/elsewhere') });
		expect(receiver.received.map((request) => request.path)).toEqual(['/elsewhere']);
	});

	it('posts a STOP as type stop and puts the number on the STOP list', async () => {
		const messageId = await send({ phoneNumbers: '0612345678', urlResponse: at('/replies') });

		const [record] = await sim.reply({ messageId, text: ' Stop ' });

		expect(record.kind).toBe('stop');
		expect(JSON.parse(record.body)).toEqual({
			type: 'stop',
			phone_number: '+33612345678',
			text: ' Stop ',
			message_id: messageId,
		});
		const again = await apiPost(sim, '/send', {
			apiKey: KEY,
			phoneNumbers: '+33612345678',
			message: 'x',
		});
		expect(again.body).toMatchObject({ success: false, code: 14 });
	});
});

describe('replies to a long-number send', () => {
	it('posts a reply over one SMS in parts of 153 characters with the concat fields', async () => {
		const messageId = await vnSend({ to: '0612345678', urlResponse: at('/vn') });
		const text = `oui ${'abcdefghij'.repeat(40)}`;

		const records = await sim.reply({ messageId, text });

		expect(records.map((record) => record.status)).toEqual([200, 200, 200]);
		const parts = bodies(records);
		expect(parts).toEqual(
			['1', '2', '3'].map((part) => ({
				msisdn: '33612345678',
				to: '33700000001',
				messageId: expect.stringMatching(/^[0-9a-f]{16}$/),
				text: expect.any(String),
				type: 'text',
				keyword: 'OUI',
				'message-timestamp': expect.stringMatching(/^2025-06-02 10:0\d:\d\d$/),
				concat: 'true',
				'concat-ref': parts[0]['concat-ref'],
				'concat-total': '3',
				'concat-part': part,
			})),
		);
		expect(parts.map((part) => part.text)).toEqual([
			text.slice(0, 153),
			text.slice(153, 306),
			text.slice(306),
		]);
		expect(new Set(parts.map((part) => part.messageId)).size).toBe(3);
		const arrived = receiver.received.map((request) => JSON.parse(request.body)['concat-part']);
		expect(arrived).toEqual(['1', '2', '3']);
	});

	it('posts a reply of one SMS once, without concat fields', async () => {
		const messageId = await vnSend({ to: '0612345678', urlResponse: at('/vn') });
		const records = await sim.reply({ messageId, text: 'rappel demain' });
		expect(bodies(records)).toEqual([
			{
				msisdn: '33612345678',
				to: '33700000001',
				messageId: expect.stringMatching(/^[0-9a-f]{16}$/),
				text: 'rappel demain',
				type: 'text',
				keyword: 'RAPPEL',
				'message-timestamp': expect.any(String),
			},
		]);
	});
});

describe('number check results', () => {
	it('posts one result per number after /hlr/notify, an unknown subscriber for 99', async () => {
		const answer = await apiPost(sim, '/hlr/notify', {
			apiKey: KEY,
			phoneNumbers: '+33612345678,+33612345699',
			notifyUrl: at('/hlr'),
		});
		expect(answer.body.campaign_id).toBe('HLR000001');

		const records = await sim.waitForCallbacks(2, { kind: 'numberCheck' });

		const date = expect.stringMatching(/^2025-06-02T08:0\d:\d\d\.\d{3}\+0000$/);
		expect(bodies(records)).toEqual([
			{
				phone: '33612345678',
				messageId: 'HLR000001-1',
				mccMnc: '20801',
				ported: 0,
				errorGrpId: 0,
				errorName: 'NO_ERROR',
				errorDesc: 'No error',
				date,
			},
			{
				phone: '33612345699',
				messageId: 'HLR000001-2',
				mccMnc: '20801',
				ported: 0,
				errorGrpId: 1,
				errorName: 'UNKNOWN_SUBSCRIBER',
				errorDesc: 'Unknown subscriber',
				date,
			},
		]);
		expect(records.map((record) => record.url)).toEqual([at('/hlr'), at('/hlr')]);
	});
});

describe('posting', () => {
	it.each([
		['a remote host', 'http://192.0.2.1:8080/dlr', 'not a loopback address'],
		['https', 'https://127.0.0.1/dlr', 'only http://'],
		['a text that is no URL', 'not a url', 'not a valid URL'],
	])('never contacts %s, and records why', async (_case, urlDlr, reason) => {
		await send({ phoneNumbers: '0612345678', urlDlr });
		sim.clock.advance(20);
		// Settled as soon as the post began: nothing was attempted.
		expect(sim.callbacks).toEqual([
			{
				kind: 'deliveryReport',
				url: urlDlr,
				contentType: 'application/json',
				body: expect.stringContaining('"phone_number":"+33612345678"'),
				at: expect.any(Number),
				skipped: expect.stringContaining(reason),
			},
		]);
	});

	it('records the status of a receiver answering 500, and the error of one not listening', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const unused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/dlr`;
		await new Promise((resolve) => closed.close(resolve));

		await send({ phoneNumbers: '0612345678', urlDlr: at('/fail') });
		await send({ phoneNumbers: '0612345678', urlDlr: unused });
		sim.clock.advance(20);
		const [failed, refused] = await sim.waitForCallbacks(2);

		expect(failed).toMatchObject({ url: at('/fail'), status: 500 });
		expect(refused).toMatchObject({ url: unused, error: expect.stringContaining('ECONNREFUSED') });
		expect(refused.status).toBeUndefined();
	});

	it('rejects a wait that is not met in time', async () => {
		await expect(sim.waitForCallbacks(1, { timeoutMs: 50 })).rejects.toThrow(
			'0 of 1 callback posts settled within 50 ms',
		);
	});
});

describe('control API and reset', () => {
	it('posts a reply through POST /replies and serves the log on GET /callbacks', async () => {
		const messageId = await send({ phoneNumbers: '0612345678', urlResponse: at('/replies') });

		const reply = await controlPost(sim, '/replies', { messageId: String(messageId), text: 'Oui' });

		expect(reply.status).toBe(200);
		expect(reply.body).toEqual([
			expect.objectContaining({ kind: 'reply', url: at('/replies'), status: 200 }),
		]);
		expect(receiver.received).toHaveLength(1);
		expect(await controlGet('/callbacks')).toEqual(reply.body);
	});

	it.each([
		['no messageId', { text: 'Oui' }, 'messageId must be a message ID'],
		['an unknown message', { messageId: 9999, text: 'Oui' }, 'unknown message ID 9999'],
		['no text', { messageId: 1001 }, 'text must be a non-empty string'],
		[
			'a number the message did not go to',
			{ messageId: 1001, text: 'Oui', phoneNumber: '0700000000' },
			'"0700000000" is not a recipient of message 1001',
		],
		['no URL to post to', { messageId: 1002, text: 'Oui' }, 'sent without urlResponse'],
	])('answers 400 for %s, posting nothing', async (_case, body, error) => {
		await send({ phoneNumbers: '0612345678', urlResponse: at('/replies') });
		await send({ phoneNumbers: '0612345678' });

		const reply = await controlPost(sim, '/replies', body);

		expect(reply.status).toBe(400);
		expect(reply.body.error).toContain(error);
		expect(sim.callbacks).toEqual([]);
	});

	it('reset() clears the log and the delivery reports still to come', async () => {
		const messageId = await send({
			phoneNumbers: '0612345678',
			urlDlr: at('/dlr'),
			urlResponse: at('/replies'),
		});
		await sim.reply({ messageId, text: 'Oui' });
		expect(sim.callbacks).toHaveLength(1);

		sim.reset();
		expect(sim.callbacks).toEqual([]);
		expect(await controlGet('/callbacks')).toEqual([]);
		sim.clock.advance(3600);
		expect(sim.callbacks).toEqual([]);
	});
});
