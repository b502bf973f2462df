import http from 'node:http';
import type { Socket } from 'node:net';

import { runWorkflow } from '../../runner';
import { singleNodeWorkflow, startStubApi, type StubApi } from './helpers';

const API_KEY = 'fault-test-key-123456';

/**
 * A server that fails in the ways a real API or a proxy in front of it can; the message ID of
 * the cancel request picks the fault.
 */
const FAULTS: Record<string, (res: http.ServerResponse, socket: Socket) => void> = {
	'1': (res) => {
		res.writeHead(502, { 'content-type': 'text/html' });
		res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
	},
	'2': (res) => {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end('{"success":true,"code":2');
	},
	'3': (_res, socket) => socket.destroy(),
	'4': () => {
		// Never answers: the node's request timeout must end the wait.
	},
	'5': (res) => {
		res.writeHead(200, { 'content-type': 'application/xml' });
		res.end(
			"<?xml version='1.0'?><result><entry>true</entry><entry>200</entry><entry><![CDATA[ok]]>",
		);
	},
	'6': (res) => {
		res.writeHead(500, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ error: `internal error for /v1/message-cancel?apiKey=${API_KEY}` }));
	},
	'7': (res) => {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ success: true, code: 200, message: "L'envoi du SMS a été annulé." }));
	},
};

let stub: StubApi;

beforeAll(async () => {
	stub = await startStubApi((req, res) => {
		const id = new URL(req.url ?? '/', 'http://localhost').searchParams.get('messageId') ?? '';
		FAULTS[id]?.(res, req.socket);
	});
});

afterAll(() => stub.close());

describe('Faults between the node and SMS Partner', () => {
	it('fail only their own item with a clear error, under continue (regular output)', async () => {
		const parameters = {
			resource: 'sms',
			operation: 'cancel',
			messageId: '={{ $json.fault }}',
			// One quick retry: cancels are retried, and each fault here persists.
			options: { maxRetries: 1, retryDelay: 1 },
			// Long enough for every answer on a busy machine, short enough for the one that never comes.
			requestOptions: { timeout: 3000 },
		};
		const { run, output } = await runWorkflow(
			singleNodeWorkflow(parameters, 'continueRegularOutput'),
			{
				credentials: { smsPartnerApi: { apiKey: API_KEY, baseUrl: stub.baseUrl } },
				pinData: { Trigger: Object.keys(FAULTS).map((fault) => ({ json: { fault } })) },
			},
		);

		const items = output('SMS Partner');
		expect(items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4, 5, 6].map((item) => ({ item })),
		);
		const errors = items.map((item) => item.json.error);
		expect(errors[0]).toBe(
			'SMS Partner HTTP error 502: SMS Partner is unavailable or failed. Try again later.',
		);
		expect(items[0].json.details).toMatchObject({
			httpStatus: 502,
			description: expect.stringMatching(/502 Bad Gateway.*\nTried 2 times\.$/),
		});
		expect(errors[1]).toMatch(/^SMS Partner sent an answer that could not be read \(HTTP 200\)/);
		expect(errors[2]).toMatch(
			/^Could not reach SMS Partner: the connection was closed before an answer arrived\./,
		);
		expect(errors[3]).toMatch(/^Could not reach SMS Partner: no answer came in time\./);
		expect(errors[4]).toMatch(/^SMS Partner sent an answer that could not be read \(HTTP 200\)/);
		expect(errors[5]).toMatch(/^SMS Partner HTTP error 500:/);
		expect(items[6].json).toEqual({
			success: true,
			code: 200,
			messageId: '7',
			message: "L'envoi du SMS a été annulé.",
		});
		// The 500 body echoed the key: it must not reach the items or the saved run.
		expect(JSON.stringify(run)).not.toContain(API_KEY);
	});

	it('stop the workflow with a NodeApiError when nothing continues', async () => {
		const parameters = {
			resource: 'sms',
			operation: 'cancel',
			messageId: '1',
			options: { retryDelay: 1 },
		};
		const { run } = await runWorkflow(singleNodeWorkflow(parameters), {
			credentials: { smsPartnerApi: { apiKey: API_KEY, baseUrl: stub.baseUrl } },
		});
		expect(run.status).toBe('error');
		expect(run.data.resultData.error).toMatchObject({
			name: 'NodeApiError',
			message: 'SMS Partner HTTP error 502: SMS Partner is unavailable or failed. Try again later.',
		});
	});
});
