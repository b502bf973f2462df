import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { answerApiRequest, API_PREFIX, type ApiRequest, type HttpReply } from './api';
import {
	CallbackPoster,
	type CallbackRecord,
	type SimulatedReply,
	type WaitForCallbacksOptions,
} from './callbacks';
import { SimulatorClock } from './clock';
import type { EndpointContext } from './endpoints';
import {
	faultAnswer,
	FaultRules,
	jsonReply,
	type FaultAnswer,
	type FaultedRequest,
	type FaultRule,
} from './faults';
import {
	DEFAULT_API_KEY,
	initialSettings,
	updateSettings,
	type RecordedRequest,
	type RuntimeSettings,
	type SimulatorOptions,
} from './options';
import { SimulatorState } from './state';

const CONTROL_PREFIX = '/__simulator';

export interface Simulator {
	/** 'http://127.0.0.1:<port>/v1' */
	baseUrl: string;
	port: number;
	/** Jumping the clock posts the delivery reports that became due at once. */
	clock: { now(): number; advance(seconds: number): void; set(date: Date): void };
	/** Every request to /v1, in order of arrival. */
	requests: RecordedRequest[];
	/**
	 * Every callback (delivery report, reply, STOP, number check), in the order its post began;
	 * a record gets its `status`, `error` or `skipped` once settled.
	 */
	callbacks: CallbackRecord[];
	/**
	 * Posts a reply from a recipient of a send to its urlResponse (or `url`), one post per SMS
	 * part for a long-number send. A STOP to a short number puts the number on the STOP list.
	 * Rejects on an unknown message ID, a number the message did not go to, or no URL.
	 */
	reply(reply: SimulatedReply): Promise<CallbackRecord[]>;
	/**
	 * Resolves with the first `count` callbacks (of `kind`, when given) once each has been
	 * answered, has failed or was skipped; rejects after `timeoutMs` (default 10 s).
	 */
	waitForCallbacks(count: number, options?: WaitForCallbacksOptions): Promise<CallbackRecord[]>;
	configure(options: Partial<RuntimeSettings>): void;
	/** As if `phoneNumber` had answered STOP to the account (default: DEFAULT_API_KEY). */
	addStopNumber(phoneNumber: string, apiKey?: string): void;
	/** Makes matching /v1 requests fail; see FaultRule. */
	addFault(rule: FaultRule): void;
	clearFaults(): void;
	/**
	 * Clears messages, the request log, the callback log, pending callbacks and the faults;
	 * restores credits, STOP lists, ids and the clock.
	 */
	reset(): void;
	close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const settings = initialSettings(options);
	const clock = new SimulatorClock(options.startTime);
	const state = new SimulatorState(
		options.accounts ?? [{ apiKey: DEFAULT_API_KEY }],
		clock,
		settings,
		options.messageIdStart ?? 1001,
	);
	const callbacks = new CallbackPoster(state, settings, clock);
	const context: EndpointContext = { state, settings, clock, callbacks };
	const requests: RecordedRequest[] = [];
	const faults = new FaultRules();
	for (const rule of options.faults ?? []) faults.add(rule);

	const jumpingClock: Simulator['clock'] = {
		now: () => clock.now(),
		advance: (seconds) => {
			clock.advance(seconds);
			callbacks.tick();
		},
		set: (date) => {
			clock.set(date);
			callbacks.tick();
		},
	};
	const control = {
		configure: (changes: Record<string, unknown>) => updateSettings(settings, changes),
		addStopNumber: (phoneNumber: string, apiKey = DEFAULT_API_KEY) =>
			state.addStopNumber(apiKey, phoneNumber),
		addFault: (rule: unknown) => faults.add(rule),
		reset: () => {
			state.reset();
			requests.length = 0;
			faults.clear();
			clock.reset();
			callbacks.reset();
		},
	};

	/** Records a /v1 request and answers it through the endpoint, a fault, or both in turn. */
	const handleApi = (req: IncomingMessage, url: URL, rawBody: string): FaultAnswer => {
		const query = Object.fromEntries(url.searchParams);
		const request: RecordedRequest = {
			method: req.method ?? '',
			path: url.pathname,
			query,
			body: parseLoggedBody(rawBody),
			contentType: req.headers['content-type'],
			at: clock.now(),
		};
		requests.push(request);
		const apiRequest: ApiRequest = {
			method: request.method,
			path: url.pathname.slice(API_PREFIX.length),
			query,
			rawBody,
		};
		const faulted: FaultedRequest = {
			method: request.method,
			apiPath: apiRequest.path,
			rawUrl: req.url ?? '',
			host: req.headers.host,
			rawBody,
		};
		const fault = faults.take(faulted);
		if (fault === undefined) {
			const response = answerApiRequest(apiRequest, context);
			options.onRequest?.({ request, status: response.status, code: response.code });
			return response;
		}

		request.fault = fault.fault;
		const processed = fault.afterProcessing ? answerApiRequest(apiRequest, context) : undefined;
		const answer = faultAnswer(fault, faulted);
		const status = typeof answer === 'string' ? undefined : answer.status;
		options.onRequest?.({ request, status, code: processed?.code });
		return answer;
	};

	const handleControl = async (
		method: string,
		path: string,
		rawBody: string,
	): Promise<HttpReply> => {
		try {
			const body = rawBody.trim() === '' ? {} : JSON.parse(rawBody);
			const route = `${method} ${path.slice(CONTROL_PREFIX.length)}`;
			switch (route) {
				case 'POST /clock/advance':
					jumpingClock.advance(body.seconds);
					return jsonReply(200, { now: new Date(clock.now()).toISOString() });
				case 'POST /reset':
					control.reset();
					return jsonReply(200, { ok: true });
				case 'GET /requests':
					return jsonReply(200, requests);
				// The log itself can be megabytes; a benchmark needs only its length.
				case 'GET /request-count':
					return jsonReply(200, { count: requests.length });
				case 'POST /config':
					control.configure(body);
					return jsonReply(200, settings);
				case 'POST /stop-numbers':
					control.addStopNumber(body.phoneNumber, body.apiKey);
					return jsonReply(200, { ok: true });
				case 'POST /faults':
					control.addFault(body);
					return jsonReply(200, faults.list());
				case 'DELETE /faults':
					faults.clear();
					return jsonReply(200, faults.list());
				case 'GET /faults':
					return jsonReply(200, faults.list());
				case 'POST /replies':
					return jsonReply(200, await callbacks.reply(body));
				case 'GET /callbacks':
					return jsonReply(200, callbacks.log);
				default:
					return jsonReply(404, { error: `no control route ${route}` });
			}
		} catch (error) {
			return jsonReply(400, { error: error instanceof Error ? error.message : String(error) });
		}
	};

	const server = createServer((req, res) => {
		readBody(req)
			.then(async (rawBody) => {
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const method = req.method ?? '';
				if (url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
					send(res, await handleControl(method, url.pathname, rawBody));
					return;
				}
				const isApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
				// Outside /v1 there is nothing, not even the API's error envelope.
				if (isApi) deliver(req, res, handleApi(req, url, rawBody));
				else send(res, jsonReply(404, { error: 'not found' }));
			})
			.catch(() => res.destroy());
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const port = (server.address() as AddressInfo).port;

	return {
		baseUrl: `http://127.0.0.1:${port}${API_PREFIX}`,
		port,
		clock: jumpingClock,
		requests,
		callbacks: callbacks.log,
		reply: (reply) => callbacks.reply(reply),
		waitForCallbacks: (count, options) => callbacks.waitFor(count, options),
		configure: control.configure,
		addStopNumber: control.addStopNumber,
		addFault: control.addFault,
		clearFaults: () => faults.clear(),
		reset: control.reset,
		close: () =>
			new Promise<void>((resolve, reject) => {
				callbacks.close();
				server.close((error) => (error ? reject(error) : resolve()));
				// Keep-alive sockets of clients, and requests a 'hang' fault never answers, would
				// otherwise hold the server open.
				server.closeAllConnections();
			}),
	};
}

/**
 * A 'reset' drops the connection at once; a 'hang' leaves it open until the client or close()
 * ends it.
 */
function deliver(req: IncomingMessage, res: ServerResponse, answer: FaultAnswer): void {
	if (answer === 'reset') req.socket.resetAndDestroy();
	else if (answer !== 'hang') send(res, answer);
}

function send(res: ServerResponse, response: HttpReply): void {
	res.writeHead(response.status, response.headers);
	res.end(response.text);
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseLoggedBody(rawBody: string): unknown {
	if (rawBody === '') return undefined;
	try {
		return JSON.parse(rawBody);
	} catch {
		return rawBody;
	}
}
