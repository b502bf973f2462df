import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { minutesFromNow, runNode, sendSms, visible, START } from './helpers';

const STOP_NUMBER = '+33611111111';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ startTime: START });
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	sim.reset();
	sim.configure({ errorStatus: 'mirror', tagPageSize: 100, tagTotal: 'items', pageParam: 'page' });
});

function byTag(tag: string, extra: Record<string, unknown> = {}) {
	return { resource: 'sms', operation: 'getStatusByTag', tag, ...extra };
}

/** Sends `count` SMS now to distinct numbers with the tag; returns the numbers in send order. */
async function sendMany(tag: string, count: number): Promise<string[]> {
	const numbers = Array.from(
		{ length: count },
		(_, index) => `+336${String(10000000 + index).padStart(8, '0')}`,
	);
	await sendSms(sim, { phoneNumbers: numbers, tag });
	return numbers;
}

const statusRequests = () =>
	sim.requests.filter((request) => request.path.endsWith('/bulk-status-by-tag'));

describe('Get Status by Tag', () => {
	it('gives one item per recipient with tag, number, status, STOP flag and ISO date', async () => {
		const sentAt = sim.clock.now();
		await sendSms(sim, { phoneNumbers: ['0612345678', '0612345699', STOP_NUMBER], tag: 'rdv' });
		const later = minutesFromNow(sim, 60 * 24);
		await sendSms(sim, { phoneNumbers: ['0698765432'], tag: 'rdv', at: later });
		await sendSms(sim, { phoneNumbers: ['0600000000'], tag: 'other' });
		// The recipient answers STOP after receiving the SMS.
		sim.addStopNumber(STOP_NUMBER);
		sim.clock.advance(60);

		const run = await runNode(sim, byTag('rdv', { returnAll: true }));

		expect(run.failure).toBeUndefined();
		const rows = run.items.map((item) => item.json);
		expect(
			rows.map(({ phoneNumber, status, stopSms, tag }) => ({ phoneNumber, status, stopSms, tag })),
		).toEqual([
			{ phoneNumber: '+33612345678', status: 'Delivered', stopSms: false, tag: 'rdv' },
			{ phoneNumber: '+33612345699', status: 'Not delivered', stopSms: false, tag: 'rdv' },
			{ phoneNumber: STOP_NUMBER, status: 'Delivered', stopSms: true, tag: 'rdv' },
			{ phoneNumber: '+33698765432', status: 'Waiting', stopSms: false, tag: 'rdv' },
		]);
		for (const row of rows) {
			expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
		}
		// Delivered rows are dated within the minute after the send; the waiting one at its send time.
		expect(Date.parse(String(rows[0].date)) - sentAt).toBeLessThanOrEqual(60_000);
		expect(rows[3].date).toBe(later.toISOString());
		expect(run.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	it('moves a status from Waiting to Delivered as time passes', async () => {
		await sendSms(sim, { phoneNumbers: ['0612345678'], tag: 'rdv' });
		const before = await runNode(sim, byTag('rdv'));
		sim.clock.advance(3600);
		const after = await runNode(sim, byTag('rdv'));
		expect(before.items[0].json.status).toBe('Waiting');
		expect(after.items[0].json.status).toBe('Delivered');
	});

	it('with Return All follows every page (page size 3, 8 statuses) and stops on the short page', async () => {
		sim.configure({ tagPageSize: 3 });
		const numbers = await sendMany('campaign', 8);
		const run = await runNode(sim, byTag('campaign', { returnAll: true }));

		expect(run.items.map((item) => item.json.phoneNumber)).toEqual(numbers);
		expect(statusRequests().map((request) => request.query.page)).toEqual(['1', '2', '3']);
	});

	it('with Return All stops on the empty page when the last page is full', async () => {
		sim.configure({ tagPageSize: 3 });
		const numbers = await sendMany('campaign', 6);
		const run = await runNode(sim, byTag('campaign', { returnAll: true }));

		expect(run.items.map((item) => item.json.phoneNumber)).toEqual(numbers);
		expect(statusRequests().map((request) => request.query.page)).toEqual(['1', '2', '3']);
	});

	it('reads the same statuses whether total counts items or pages', async () => {
		sim.configure({ tagPageSize: 3, tagTotal: 'pages' });
		const numbers = await sendMany('campaign', 7);
		const run = await runNode(sim, byTag('campaign', { returnAll: true }));
		expect(run.items.map((item) => item.json.phoneNumber)).toEqual(numbers);
	});

	it('does not repeat page 1 when the API ignores the page parameter', async () => {
		sim.configure({ tagPageSize: 3, pageParam: 'p' });
		const numbers = await sendMany('campaign', 7);
		const run = await runNode(sim, byTag('campaign', { returnAll: true }));
		expect(run.items.map((item) => item.json.phoneNumber)).toEqual(numbers.slice(0, 3));
		expect(statusRequests()).toHaveLength(2);
	});

	it('with Limit returns at most that many and asks only the pages it needs', async () => {
		sim.configure({ tagPageSize: 3 });
		const numbers = await sendMany('campaign', 8);
		const run = await runNode(sim, byTag('campaign', { returnAll: false, limit: 4 }));
		expect(run.items.map((item) => item.json.phoneNumber)).toEqual(numbers.slice(0, 4));
		expect(statusRequests()).toHaveLength(2);
	});

	it('gives the same items in XML as in JSON, over several pages', async () => {
		sim.configure({ tagPageSize: 2 });
		await sendSms(sim, { phoneNumbers: ['0612345678', STOP_NUMBER, '0612345699'], tag: 'rdv' });
		await sendSms(sim, { phoneNumbers: ['0698765432'], tag: 'rdv', at: minutesFromNow(sim, 600) });
		sim.addStopNumber(STOP_NUMBER);
		sim.clock.advance(60);
		const viaJson = await runNode(
			sim,
			byTag('rdv', { returnAll: true, options: { responseFormat: 'json' } }),
		);
		const viaXml = await runNode(
			sim,
			byTag('rdv', { returnAll: true, options: { responseFormat: 'xml' } }),
		);

		expect(statusRequests().at(-1)?.query._format).toBe('xml');
		expect(viaXml.items).toHaveLength(4);
		expect(visible(viaXml.items)).toEqual(visible(viaJson.items));
	});

	it('links each status to the input item that asked for its tag', async () => {
		await sendSms(sim, { phoneNumbers: ['0612345678', '0612345679'], tag: 'first' });
		await sendSms(sim, { phoneNumbers: ['0698765432'], tag: 'second' });
		const run = await runNode(sim, byTag('={{ $json.tag }}', { returnAll: true }), [
			{ tag: 'first' },
			{ tag: 'second' },
		]);
		expect(run.items.map((item) => [item.json.tag, item.pairedItem])).toEqual([
			['first', { item: 0 }],
			['first', { item: 0 }],
			['second', { item: 1 }],
		]);
	});

	describe.each(['mirror', 'always-200'] as const)(
		'failures with errorStatus %s',
		(errorStatus) => {
			beforeEach(() => sim.configure({ errorStatus }));

			it('code 4: a tag that no SMS carries', async () => {
				const run = await runNode(sim, byTag('nothing-here'));
				expect(run.failure?.message).toMatch(
					/^SMS Partner error 4: No SMS sent with this tag was found/,
				);
			});

			it('code 10: a wrong API key', async () => {
				const run = await runNode(sim, byTag('rdv'), [{}], { apiKey: 'wrong-key-000' });
				expect(run.failure?.message).toMatch(
					/^SMS Partner error 10: SMS Partner does not recognise this API key/,
				);
			});

			it('code 1: no API key', async () => {
				const run = await runNode(sim, byTag('rdv'), [{}], { apiKey: '' });
				expect(run.failure?.message).toMatch(/^SMS Partner error 1: /);
			});
		},
	);

	it.each([
		[
			'a tag over 20 characters',
			'a'.repeat(21),
			/^Tag "a{21}" has 21 characters; SMS Partner allows at most 20\./,
		],
		['a tag with a space', 'rappel rdv', /^Tag "rappel rdv" contains a space\./],
		['an empty tag from an expression', '', /^Tag is empty\./],
		[
			'a limit below 1 from an expression',
			'rdv',
			/^Limit "?0"? is not a whole number of at least 1\./,
		],
	])('refuses %s before any request', async (_case, tag, message) => {
		const limit = _case.startsWith('a limit') ? '={{ 0 }}' : 5;
		const run = await runNode(sim, byTag('={{ $json.tag }}', { limit }), [{ tag }], {
			onError: 'continueRegularOutput',
		});
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json.error).toMatch(message);
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
		expect(sim.requests).toEqual([]);
	});

	it('keeps good items when a tag in the batch fails, in both continue modes', async () => {
		await sendSms(sim, { phoneNumbers: ['0612345678'], tag: 'good' });
		const input = [{ tag: 'good' }, { tag: 'unknown' }, { tag: 'bad tag' }];
		const regular = await runNode(sim, byTag('={{ $json.tag }}'), input, {
			onError: 'continueRegularOutput',
		});
		expect(
			regular.items.map((item) => [
				item.pairedItem,
				item.json.phoneNumber ?? String(item.json.error).slice(0, 20),
			]),
		).toEqual([
			[{ item: 0 }, '+33612345678'],
			[{ item: 1 }, 'SMS Partner error 4:'],
			[{ item: 2 }, 'Tag "bad tag" contai'],
		]);

		const split = await runNode(sim, byTag('={{ $json.tag }}'), input, {
			onError: 'continueErrorOutput',
		});
		expect(split.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(split.errorItems.map((item) => [item.pairedItem, item.json.tag])).toEqual([
			[{ item: 1 }, 'unknown'],
			[{ item: 2 }, 'bad tag'],
		]);
		expect(JSON.stringify([regular.run, split.run])).not.toContain(DEFAULT_API_KEY);
	});
});
