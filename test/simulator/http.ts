import { request } from 'node:http';

import type { Simulator } from '../../simulator';

export interface Reply {
	status: number;
	contentType: string | null;
	text: string;
	/** The parsed body when it is JSON. */
	body: any;
}

async function toReply(response: Response): Promise<Reply> {
	const text = await response.text();
	const contentType = response.headers.get('content-type');
	const body = contentType?.startsWith('application/json') ? JSON.parse(text) : undefined;
	return { status: response.status, contentType, text, body };
}

export async function apiGet(
	sim: Simulator,
	path: string,
	query: Record<string, string | number> = {},
): Promise<Reply> {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) params.set(key, String(value));
	return toReply(await fetch(`${sim.baseUrl}${path}?${params}`));
}

export async function apiPost(
	sim: Simulator,
	path: string,
	body: unknown,
	options: { query?: string; contentType?: string } = {},
): Promise<Reply> {
	const url = `${sim.baseUrl}${path}${options.query ? `?${options.query}` : ''}`;
	return toReply(
		await fetch(url, {
			method: 'POST',
			headers: { 'content-type': options.contentType ?? 'application/json' },
			body: typeof body === 'string' ? body : JSON.stringify(body),
		}),
	);
}

export async function controlPost(sim: Simulator, path: string, body: unknown): Promise<Reply> {
	return toReply(
		await fetch(`http://127.0.0.1:${sim.port}/__simulator${path}`, {
			method: 'POST',
			body: JSON.stringify(body),
		}),
	);
}

/** fetch refuses a body on GET; a client library might still send one. */
export function getWithBody(sim: Simulator, path: string, body: unknown): Promise<Reply> {
	const payload = JSON.stringify(body);
	return new Promise((resolve, reject) => {
		const req = request(
			`${sim.baseUrl}${path}`,
			{
				method: 'GET',
				// Without a length, Node sends no framing for a GET body and the server never sees it.
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(payload),
				},
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('error', reject);
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					const contentType = res.headers['content-type'] ?? null;
					const isJson = contentType?.startsWith('application/json');
					resolve({
						status: res.statusCode ?? 0,
						contentType,
						text,
						body: isJson ? JSON.parse(text) : undefined,
					});
				});
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}

/** The epoch second of a UTC time, as the API's status `date` strings. */
export function unixSeconds(isoUtc: string): string {
	return String(Date.parse(isoUtc) / 1000);
}
