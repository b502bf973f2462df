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
