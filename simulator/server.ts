import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { answerApiRequest, API_PREFIX, type ApiResponse, type HttpReply } from './api';
import { SimulatorClock } from './clock';
import type { EndpointContext } from './endpoints';
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
	clock: { now(): number; advance(seconds: number): void; set(date: Date): void };
	/** Every request to /v1, in order of arrival. */
	requests: RecordedRequest[];
	configure(options: Partial<RuntimeSettings>): void;
	/** As if `phoneNumber` had answered STOP to the account (default: DEFAULT_API_KEY). */
	addStopNumber(phoneNumber: string, apiKey?: string): void;
	/** Clears messages and the request log; restores credits, STOP lists, ids and the clock. */
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
	const context: EndpointContext = { state, settings, clock };
	const requests: RecordedRequest[] = [];

	const control = {
		configure: (changes: Record<string, unknown>) => updateSettings(settings, changes),
		addStopNumber: (phoneNumber: string, apiKey = DEFAULT_API_KEY) =>
			state.addStopNumber(apiKey, phoneNumber),
		reset: () => {
			state.reset();
			requests.length = 0;
			clock.reset();
		},
	};

	const handleApi = (req: IncomingMessage, url: URL, rawBody: string): ApiResponse => {
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
		const response = answerApiRequest(
			{
				method: request.method,
				path: url.pathname.slice(API_PREFIX.length),
				query,
				rawBody,
			},
			context,
		);
		options.onRequest?.({ request, status: response.status, code: response.code });
		return response;
	};

	const handleControl = (method: string, path: string, rawBody: string): HttpReply => {
		try {
			const body = rawBody.trim() === '' ? {} : JSON.parse(rawBody);
			const route = `${method} ${path.slice(CONTROL_PREFIX.length)}`;
			switch (route) {
				case 'POST /clock/advance':
					clock.advance(body.seconds);
					return jsonReply(200, { now: new Date(clock.now()).toISOString() });
				case 'POST /reset':
					control.reset();
					return jsonReply(200, { ok: true });
				case 'GET /requests':
					return jsonReply(200, requests);
				case 'POST /config':
					control.configure(body);
					return jsonReply(200, settings);
				case 'POST /stop-numbers':
					control.addStopNumber(body.phoneNumber, body.apiKey);
					return jsonReply(200, { ok: true });
				default:
					return jsonReply(404, { error: `no control route ${route}` });
			}
		} catch (error) {
			return jsonReply(400, { error: error instanceof Error ? error.message : String(error) });
		}
	};

	const server = createServer((req, res) => {
		readBody(req)
			.then((rawBody) => {
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const method = req.method ?? '';
				if (url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
					return send(res, handleControl(method, url.pathname, rawBody));
				}
				const isApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
				// Outside /v1 there is nothing, not even the API's error envelope.
				send(res, isApi ? handleApi(req, url, rawBody) : jsonReply(404, { error: 'not found' }));
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
		clock,
		requests,
		configure: control.configure,
		addStopNumber: control.addStopNumber,
		reset: control.reset,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				// Keep-alive sockets of clients would otherwise hold the server open.
				server.closeAllConnections();
			}),
	};
}

function jsonReply(status: number, value: unknown): HttpReply {
	return {
		status,
		headers: { 'content-type': 'application/json' },
		text: JSON.stringify(value),
	};
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
