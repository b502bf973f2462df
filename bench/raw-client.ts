import http from 'node:http';

/** A parsed JSON answer of the API. */
export type JsonAnswer = Record<string, unknown>;

/**
 * The fastest plain client of the API: node:http over kept-alive connections, JSON in and out,
 * nothing else; it rejects any answer that is not a success. It is the limit the contenders are
 * measured against.
 */
export class RawClient {
	// Callers bound the requests in flight (`inPool`); the agent only keeps connections open.
	private readonly agent = new http.Agent({ keepAlive: true });

	constructor(
		/** 'http://127.0.0.1:<port>/v1' */
		readonly baseUrl: string,
	) {}

	get(path: string, query: Record<string, string | number>): Promise<JsonAnswer> {
		const search = new URLSearchParams();
		for (const [key, value] of Object.entries(query)) search.set(key, String(value));
		return this.send('GET', `${path}?${search}`);
	}

	post(path: string, body: unknown): Promise<JsonAnswer> {
		return this.send('POST', path, JSON.stringify(body));
	}

	close(): void {
		this.agent.destroy();
	}

	private send(method: string, path: string, payload?: string): Promise<JsonAnswer> {
		const headers: http.OutgoingHttpHeaders =
			payload === undefined
				? {}
				: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
		return new Promise((resolve, reject) => {
			const request = http.request(
				`${this.baseUrl}${path}`,
				{ method, headers, agent: this.agent },
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						try {
							resolve(successful(JSON.parse(text) as JsonAnswer));
						} catch {
							const where = `${method} ${path.split('?')[0]}`;
							reject(
								new Error(`${where} failed (HTTP ${response.statusCode}): ${text.slice(0, 300)}`),
							);
						}
					});
					response.on('error', reject);
				},
			);
			request.on('error', reject);
			request.end(payload);
		});
	}
}

/** A benchmark measures work done: an answer that is not a success stops it. */
function successful(answer: JsonAnswer): JsonAnswer {
	if (answer.success !== true) throw new Error('not a success');
	return answer;
}

/** Runs `work` on every task, at most `concurrency` at a time; results keep the tasks' order. */
export async function inPool<T, R>(
	tasks: readonly T[],
	concurrency: number,
	work: (task: T) => Promise<R>,
): Promise<R[]> {
	const results: R[] = new Array(tasks.length);
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const index = next++;
			results[index] = await work(tasks[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
	return results;
}
