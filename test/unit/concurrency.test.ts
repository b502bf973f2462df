import { RequestSlots } from '../../nodes/SmsPartner/shared/concurrency';

/** A task that stays in flight until `finish()` is called. */
function pendingTask() {
	let finish!: () => void;
	const done = new Promise<void>((resolve) => (finish = resolve));
	return { finish, run: async () => await done };
}

const settle = async () => await new Promise((resolve) => setImmediate(resolve));

describe('RequestSlots', () => {
	it('never lets more than its limit run, and starts waiting tasks in order of arrival', async () => {
		const slots = new RequestSlots(2);
		const tasks = Array.from({ length: 5 }, pendingTask);
		const started: number[] = [];
		let running = 0;
		let peak = 0;
		const all = tasks.map(async (task, index) =>
			slots.run(async () => {
				started.push(index);
				peak = Math.max(peak, ++running);
				await task.run();
				running--;
			}),
		);
		await settle();
		expect(started).toEqual([0, 1]);
		tasks[1].finish();
		await settle();
		expect(started).toEqual([0, 1, 2]);
		for (const task of tasks) task.finish();
		await Promise.all(all);
		expect(started).toEqual([0, 1, 2, 3, 4]);
		expect(peak).toBe(2);
	});

	it('gives the slot back when a task fails', async () => {
		const slots = new RequestSlots(1);
		await expect(slots.run(async () => await Promise.reject(new Error('boom')))).rejects.toThrow(
			'boom',
		);
		await expect(slots.run(async () => await Promise.resolve('next'))).resolves.toBe('next');
	});
});
