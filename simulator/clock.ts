/**
 * Simulated time: it runs with real time from a chosen start, and tests can jump it forward so
 * that schedules and delivery delays pass without waiting.
 */
export class SimulatorClock {
	private offsetMs: number;

	constructor(private readonly start?: Date) {
		this.offsetMs = this.offsetFor(start);
	}

	now(): number {
		return Date.now() + this.offsetMs;
	}

	advance(seconds: number): void {
		if (!Number.isFinite(seconds)) throw new Error('seconds must be a finite number');
		this.offsetMs += seconds * 1000;
	}

	set(date: Date): void {
		this.offsetMs = this.offsetFor(date);
	}

	/** Back to the start time given at creation, or to real time when there was none. */
	reset(): void {
		this.offsetMs = this.offsetFor(this.start);
	}

	private offsetFor(date: Date | undefined): number {
		if (date === undefined) return 0;
		const target = date.getTime();
		if (Number.isNaN(target)) throw new Error('invalid date');
		return target - Date.now();
	}
}
