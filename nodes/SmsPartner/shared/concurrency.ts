export const DEFAULT_MAX_CONCURRENT_REQUESTS = 10;

/**
 * A counting semaphore: at most `limit` holders at once, served in order of arrival. n8n starts
 * every item's request at the same moment, so without it a run over 10,000 items would open
 * 10,000 connections to SMS Partner.
 */
export class RequestSlots {
	private inUse = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(readonly limit: number) {}

	async acquire(): Promise<void> {
		if (this.inUse < this.limit) {
			this.inUse++;
			return;
		}
		// The releasing holder hands its slot over, so inUse stays as it is.
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	release(): void {
		const next = this.waiting.shift();
		if (next) next();
		else this.inUse--;
	}

	async run<T>(task: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			return await task();
		} finally {
			this.release();
		}
	}
}

/** What the items of one node run share. */
export interface NodeRun {
	readonly slots: RequestSlots;
	/** Items carried out so far. */
	itemsDone: number;
	/** The failure that stops the workflow, once an item has failed without "continue". */
	stoppedBy?: RunStop;
}

export interface RunStop {
	message: string;
	itemIndex: number;
}

/** n8n gives all items of a node run the same execute-data object, and a new one next run. */
const runs = new WeakMap<object, NodeRun>();

/** The state of the node run `run` belongs to; the first caller sets the concurrency limit. */
export function nodeRunOf(run: object, limit: number): NodeRun {
	let state = runs.get(run);
	if (!state) {
		state = { slots: new RequestSlots(limit), itemsDone: 0 };
		runs.set(run, state);
	}
	return state;
}
