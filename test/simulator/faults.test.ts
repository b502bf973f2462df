import { request } from 'node:http';

import {
	DEFAULT_API_KEY,
	startSimulator,
	type FaultRule,
	type RequestOutcome,
	type Simulator,
} from '../../simulator';
import { apiGet, apiPost, controlPost } from './http';

const KEY = DEFAULT_API_KEY;
const SEND = { apiKey: KEY, phoneNumbers: '0612345678', message: 'Bonjour' };

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ startTime: new Date('2025-06-02T08:00:00Z') });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

interface RawReply {
	status: number;
	contentType: string | null;
	retryAfter: string | null;
	text: string;
}

/** Whatever the body, even one that claims JSON and is not. */
async function rawFetch(url: string, init?: RequestInit): Promise<RawReply> {
	const response = await fetch(url, init);
	return {
		status: response.status,
		contentType: response.headers.get('content-type'),
		retryAfter: response.headers.get('retry-after'),
		text: await response.text(),
	};
}

const getMe = () => rawFetch(`${sim.baseUrl}/me?apiKey=${KEY}`);
const postSend = (body: object = SEND) =>
	rawFetch(`${sim.baseUrl}/send`, { method: 'POST', body: JSON.stringify(body) });
const balance = async () => (await apiGet(sim, '/me', { apiKey: KEY })).body.credits.balance;

/** node:http, whose errors carry the socket's code. */
function httpGet(url: string, signal?: AbortSignal): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(url, { signal }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.end();
	});
}

const isJson = (text: string) => {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
};

describe('each fault answers as it says', () => {
	it('http-500: a JSON error', async () => {
		sim.addFault({ fault: 'http-500' });
		const reply = await getMe();
		expect(reply).toMatchObject({ status: 500, contentType: 'application/json', retryAfter: null });
		expect(JSON.parse(reply.text)).toEqual({
			success: false,
			code: 500,
			message: 'Erreur interne',
		});
	});

	it("http-502-html: a proxy's HTML page", async () => {
		sim.addFault({ fault: 'http-502-html' });
		const reply = await getMe();
		expect(reply).toMatchObject({ status: 502, contentType: 'text/html' });
		expect(reply.text).toMatch(/^<html>.*502 Bad Gateway.*<\/html>$/);
	});

	it('http-429: rate limited in both errorStatus modes, Retry-After only when asked', async () => {
		const tooMany = { success: false, code: 429, message: 'Too many requests' };
		sim.addFault({ fault: 'http-429', times: 1 });
		const plain = await getMe();
		expect(plain).toMatchObject({ status: 429, contentType: 'application/json', retryAfter: null });
		expect(JSON.parse(plain.text)).toEqual(tooMany);

		sim.configure({ errorStatus: 'always-200' });
		sim.addFault({ fault: 'http-429', times: 1, retryAfter: 30 });
		const inSeconds = await getMe();
		expect(inSeconds).toMatchObject({ status: 429, retryAfter: '30' });
		expect(JSON.parse(inSeconds.text)).toEqual(tooMany);

		const date = 'Mon, 02 Jun 2025 08:01:00 GMT';
		sim.addFault({ fault: 'http-429', times: 1, retryAfter: date });
		expect(await getMe()).toMatchObject({ status: 429, retryAfter: date });
		sim.configure({ errorStatus: 'mirror' });
	});

	it('cut-body: HTTP 200 and JSON cut in the middle, in a complete response', async () => {
		sim.addFault({ fault: 'cut-body' });
		const reply = await getMe();
		expect(reply).toMatchObject({ status: 200, contentType: 'application/json' });
		expect(reply.text.startsWith('{"success":true')).toBe(true);
		expect(isJson(reply.text)).toBe(false);
	});

	it('not-json: HTTP 200 and a text that is neither JSON nor XML', async () => {
		sim.addFault({ fault: 'not-json' });
		const reply = await getMe();
		expect(reply.status).toBe(200);
		expect(reply.contentType).toMatch(/^text\/plain/);
		expect(reply.text).toBe('Service maintenance');
	});

	it('broken-xml: HTTP 200 and an XML document left unclosed', async () => {
		sim.addFault({ fault: 'broken-xml' });
		const reply = await getMe();
		expect(reply).toMatchObject({ status: 200, contentType: 'application/xml' });
		expect(reply.text).toMatch(/^<\?xml .*\?><result><entry>true<\/entry><entry>200$/);
	});

	it('reset: the client sees the connection reset, and the next request is answered', async () => {
		sim.addFault({ fault: 'reset', times: 1 });
		await expect(httpGet(`${sim.baseUrl}/me?apiKey=${KEY}`)).rejects.toMatchObject({
			code: 'ECONNRESET',
		});
		await expect(getMe()).resolves.toMatchObject({ status: 200 });
	});

	it('echo-key-500: the full URL with its query, and the raw body, API key included', async () => {
		sim.addFault({ fault: 'echo-key-500' });
		const get = await rawFetch(`${sim.baseUrl}/message-cancel?apiKey=${KEY}&messageId=7`);
		expect(get).toMatchObject({ status: 500, contentType: 'application/json' });
		expect(JSON.parse(get.text)).toMatchObject({
			success: false,
			code: 500,
			request: {
				method: 'GET',
				url: `http://127.0.0.1:${sim.port}/v1/message-cancel?apiKey=${KEY}&messageId=7`,
				body: '',
			},
		});

		const post = await postSend();
		expect(JSON.parse(post.text).request).toEqual({
			method: 'POST',
			url: `http://127.0.0.1:${sim.port}/v1/send`,
			body: JSON.stringify(SEND),
		});
	});
});

describe('hang', () => {
	let own: Simulator;
	let faulted: Promise<RequestOutcome>;
	beforeEach(async () => {
		let report: (outcome: RequestOutcome) => void;
		faulted = new Promise((resolve) => (report = resolve));
		own = await startSimulator({ faults: [{ fault: 'hang' }], onRequest: (o) => report(o) });
	});

	it("never answers: the client's own timeout ends the wait, and close() still returns", async () => {
		const waited = fetch(`${own.baseUrl}/me?apiKey=${KEY}`, { signal: AbortSignal.timeout(300) });
		await expect(waited).rejects.toMatchObject({ name: 'TimeoutError' });
		await own.close();
	});

	it('close() ends a request still waiting for its answer', async () => {
		const waiting = httpGet(`${own.baseUrl}/me?apiKey=${KEY}`);
		expect(await faulted).toMatchObject({ request: { fault: 'hang' }, status: undefined });
		await own.close();
		await expect(waiting).rejects.toMatchObject({ code: 'ECONNRESET' });
	});
});

describe('which requests a rule faults', () => {
	it('a rule with times faults that many matching requests, then the API answers', async () => {
		sim.addFault({ fault: 'http-500', times: 2 });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await getMe()).status);
		expect(statuses).toEqual([500, 500, 200]);
	});

	it('path selects the endpoint', async () => {
		sim.addFault({ fault: 'http-500', path: '/send' });
		expect((await getMe()).status).toBe(200);
		expect((await postSend()).status).toBe(500);
	});

	it('match selects on the raw URL or the raw body', async () => {
		sim.addFault({ fault: 'http-502-html', match: 'messageId=2' });
		sim.addFault({ fault: 'http-500', match: '0699' });
		const cancel = (messageId: number) =>
			apiGet(sim, '/message-cancel', { apiKey: KEY, messageId });
		expect((await cancel(1)).body.code).toBe(4);
		expect((await cancel(2)).status).toBe(502);
		expect((await postSend()).status).toBe(200);
		expect((await postSend({ ...SEND, phoneNumbers: '0699999999' })).status).toBe(500);
	});

	it('the first rule that matches and has times left applies', async () => {
		sim.addFault({ fault: 'http-429', path: '/me', times: 1 });
		sim.addFault({ fault: 'http-500' });
		expect((await getMe()).status).toBe(429);
		expect((await getMe()).status).toBe(500);
		expect((await postSend()).status).toBe(500);
	});

	it('faults only /v1 requests', async () => {
		sim.addFault({ fault: 'http-500' });
		expect((await controlPost(sim, '/clock/advance', { seconds: 1 })).status).toBe(200);
		expect((await rawFetch(`http://127.0.0.1:${sim.port}/elsewhere`)).status).toBe(404);
	});
});

describe('what a faulted request does', () => {
	it('is recorded with its fault, so attempts can be counted', async () => {
		sim.addFault({ fault: 'http-500', times: 1 });
		await getMe();
		await getMe();
		expect(sim.requests.map((request) => [request.path, request.fault])).toEqual([
			['/v1/me', 'http-500'],
			['/v1/me', undefined],
		]);
		const logged = await rawFetch(`http://127.0.0.1:${sim.port}/__simulator/requests`);
		expect(JSON.parse(logged.text)[0]).toMatchObject({ path: '/v1/me', fault: 'http-500' });
	});

	it('never reaches the endpoint: a faulted send sends and bills nothing', async () => {
		sim.addFault({ fault: 'reset', path: '/send', times: 1 });
		await expect(postSend()).rejects.toThrow();
		expect(await balance()).toBe('100.000');
		expect((await apiPost(sim, '/send', SEND)).body.message_id).toBe(1001);
	});

	it('with afterProcessing, the send goes through and only its answer is lost', async () => {
		sim.addFault({ fault: 'reset', path: '/send', afterProcessing: true });
		await expect(postSend()).rejects.toThrow();
		const status = await apiGet(sim, '/message-status', {
			apiKey: KEY,
			messageId: 1001,
			phoneNumber: '0612345678',
		});
		expect(status.body).toMatchObject({ code: 200, messageId: '1001', statut: 'Waiting' });
		expect(await balance()).toBe('99.955');
	});

	it('with afterProcessing, an answering fault replaces the answer of the endpoint', async () => {
		sim.addFault({ fault: 'cut-body', path: '/send', afterProcessing: true, times: 1 });
		const lost = await postSend();
		expect(lost.status).toBe(200);
		expect(isJson(lost.text)).toBe(false);
		expect((await apiPost(sim, '/send', SEND)).body.message_id).toBe(1002);
	});

	it('is reported to onRequest: the status sent, and the code only when the endpoint ran', async () => {
		const outcomes: RequestOutcome[] = [];
		const own = await startSimulator({
			faults: [
				{ fault: 'reset', path: '/send', afterProcessing: true },
				{ fault: 'http-502-html', path: '/me' },
			],
			onRequest: (outcome) => outcomes.push(outcome),
		});
		try {
			await expect(
				fetch(`${own.baseUrl}/send`, { method: 'POST', body: JSON.stringify(SEND) }),
			).rejects.toThrow();
			await fetch(`${own.baseUrl}/me?apiKey=${KEY}`);
		} finally {
			await own.close();
		}
		expect(outcomes.map(({ request, status, code }) => [request.fault, status, code])).toEqual([
			['reset', undefined, 200],
			['http-502-html', 502, undefined],
		]);
	});
});

describe('control of the faults', () => {
	const faultsUrl = () => `http://127.0.0.1:${sim.port}/__simulator/faults`;
	const listed = async () => JSON.parse((await rawFetch(faultsUrl())).text);

	it('adds, lists with the times left, and clears over HTTP', async () => {
		const rule: FaultRule = { fault: 'http-429', path: '/me', times: 2, retryAfter: 5 };
		const added = await controlPost(sim, '/faults', rule);
		expect(added.status).toBe(200);
		expect(added.body).toEqual([rule]);
		expect((await controlPost(sim, '/faults', { fault: 'reset' })).body).toEqual([
			rule,
			{ fault: 'reset' },
		]);

		await getMe();
		expect(await listed()).toEqual([{ ...rule, times: 1 }, { fault: 'reset' }]);
		await getMe();
		expect(await listed()).toEqual([{ fault: 'reset' }]);

		const cleared = await rawFetch(faultsUrl(), { method: 'DELETE' });
		expect(JSON.parse(cleared.text)).toEqual([]);
		expect((await getMe()).status).toBe(200);
	});

	it.each([
		[[], 'a fault rule must be an object'],
		[{}, "a fault rule needs 'fault'"],
		[{ fault: 'boom' }, `invalid 'fault': "boom" (expected one of http-500,`],
		[{ fault: 'reset', delay: 5 }, "unknown fault rule key 'delay'"],
		[{ fault: 'reset', path: '/v1/send' }, "invalid 'path'"],
		[{ fault: 'reset', path: 'send' }, "invalid 'path'"],
		[{ fault: 'reset', match: '' }, "invalid 'match'"],
		[{ fault: 'reset', times: 0 }, "invalid 'times': 0 (expected a positive integer)"],
		[{ fault: 'reset', times: 1.5 }, "invalid 'times'"],
		[{ fault: 'http-429', retryAfter: -1 }, "invalid 'retryAfter'"],
		[{ fault: 'http-429', retryAfter: 'a\nb' }, "invalid 'retryAfter'"],
		[{ fault: 'hang', retryAfter: 5 }, "'retryAfter' needs an answer to carry it"],
		[{ fault: 'reset', afterProcessing: 'yes' }, "invalid 'afterProcessing'"],
	])('refuses %j with a clear message, adding nothing', async (rule, message) => {
		const reply = await controlPost(sim, '/faults', rule);
		expect(reply.status).toBe(400);
		expect(reply.body.error).toContain(message);
		expect(await listed()).toEqual([]);
		expect(() => sim.addFault(rule as FaultRule)).toThrow(message);
	});

	it('clearFaults() and reset() both remove every rule', async () => {
		sim.addFault({ fault: 'http-500' });
		sim.clearFaults();
		expect((await getMe()).status).toBe(200);
		sim.addFault({ fault: 'http-500' });
		sim.reset();
		expect((await getMe()).status).toBe(200);
		expect(await listed()).toEqual([]);
	});
});
