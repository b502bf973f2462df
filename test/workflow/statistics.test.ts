import { DEFAULT_API_KEY } from '../../simulator';
import { runNode, sendSms, visible, useSimulator } from './helpers';

// 11:00 in Paris on 15 March 2026.
const START = new Date('2026-03-15T10:00:00Z');

const sim = useSimulator({ startTime: START });

const summary = (parameters: Record<string, unknown>) => ({
	resource: 'statistics',
	operation: 'getCostSummary',
	...parameters,
});

/** An SMS to `count` recipients that went out at `at`. */
async function sentAt(at: string, count = 1) {
	sim.clock.set(new Date(at));
	const phoneNumbers = Array.from({ length: count }, (_, index) => `+3361234567${index}`);
	await sendSms(sim, { phoneNumbers });
	sim.clock.set(START);
}

const costRequests = () =>
	sim.requests.filter((request) => request.path.endsWith('/statistics/cost-resume'));

const FEBRUARY = {
	month: 'february',
	year: 2026,
	monthNumber: 2,
	date: '2026-01-31T23:00:00.000Z',
	type: 'month',
	cost: 0.135,
	smsSent: 3,
};

describe('Get Cost Summary', () => {
	it('gives the previous month as one item with numbers and an ISO date (Last Month)', async () => {
		await sentAt('2026-02-03T09:00:00Z', 2);
		await sentAt('2026-02-27T09:00:00Z');
		await sentAt('2026-03-02T09:00:00Z');
		const run = await runNode(sim, summary({ interval: 'lastMonth' }));
		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual([{ json: FEBRUARY, pairedItem: { item: 0 } }]);
		expect(costRequests().map((request) => request.query)).toEqual([
			{ apiKey: DEFAULT_API_KEY, interval: 'last_month' },
		]);
	});

	it('gives one item per month over the last 12 months', async () => {
		await sentAt('2026-02-03T09:00:00Z', 3);
		const run = await runNode(sim, summary({ interval: 'lastTwelveMonths' }));
		expect(run.items.map((item) => `${item.json.year}-${item.json.monthNumber}`)).toEqual([
			'2025-4',
			'2025-5',
			'2025-6',
			'2025-7',
			'2025-8',
			'2025-9',
			'2025-10',
			'2025-11',
			'2025-12',
			'2026-1',
			'2026-2',
			'2026-3',
		]);
		expect(run.items[10].json).toEqual(FEBRUARY);
		expect(run.items[0].json).toMatchObject({ month: 'april', cost: 0, smsSent: 0 });
	});

	it('sends the days of a custom period as DD-MM-YYYY, whatever the time given', async () => {
		await sentAt('2026-01-20T09:00:00Z');
		await sentAt('2026-02-03T09:00:00Z', 3);
		const run = await runNode(
			sim,
			summary({ interval: 'custom', from: '2026-01-10T00:00:00', to: '={{ $json.to }}' }),
			[{ to: '2026-02-05T18:30:00.000+01:00' }],
		);
		expect(run.failure).toBeUndefined();
		expect(costRequests()[0].query).toMatchObject({
			interval: 'custom',
			from: '10-01-2026',
			to: '05-02-2026',
		});
		expect(run.items.map((item) => [item.json.month, item.json.smsSent, item.json.cost])).toEqual([
			['january', 1, 0.045],
			['february', 3, 0.135],
		]);
	});

	it('gives the same items whether SMS Partner answers in JSON or XML', async () => {
		await sentAt('2026-02-03T09:00:00Z', 3);
		const viaJson = await runNode(sim, summary({ interval: 'lastTwelveMonths' }));
		const viaXml = await runNode(
			sim,
			summary({ interval: 'lastTwelveMonths', options: { responseFormat: 'xml' } }),
		);
		expect(costRequests().at(-1)?.query._format).toBe('xml');
		expect(viaXml.items).toHaveLength(12);
		expect(visible(viaXml.items)).toEqual(visible(viaJson.items));
	});

	it.each([
		[{ from: '2026-02-10', to: '2026-02-01' }, /^From \(2026-02-10\) is after To \(2026-02-01\)\./],
		[{ from: '', to: '2026-02-01' }, /^From is empty\./],
		[{ from: '2026-02-30', to: '2026-03-01' }, /^From "2026-02-30" is not a date\./],
		[{ from: '2026-02-01', to: 'next week' }, /^To "next week" is not a date\./],
	])('refuses the custom period %p before any request', async (dates, message) => {
		const run = await runNode(
			sim,
			summary({ interval: 'custom', from: '={{ $json.from }}', to: '={{ $json.to }}' }),
			[dates],
		);
		expect(run.failure?.message).toMatch(message);
		expect(run.failure?.description).toMatch(/no request was sent/);
		expect(sim.requests).toEqual([]);
	});

	it('refuses an interval that is not one of the choices before any request', async () => {
		// With an expression, the editor cannot tell which fields show, so all are filled in.
		const run = await runNode(
			sim,
			summary({ interval: '={{ "yesterday" }}', from: '2026-01-01', to: '2026-01-31' }),
		);
		expect(run.failure?.message).toMatch(/^Interval "yesterday" is not one of the choices\./);
		expect(sim.requests).toEqual([]);
	});

	describe.each(['mirror', 'always-200'] as const)(
		'failures with errorStatus %s',
		(errorStatus) => {
			beforeEach(() => sim.configure({ errorStatus }));

			it.each([
				[1, ''],
				[10, 'wrong-key'],
			])('code %d fails the item with a plain-English NodeApiError', async (code, apiKey) => {
				const run = await runNode(sim, summary({ interval: 'lastMonth' }), [{}], { apiKey });
				expect(run.failure?.message).toMatch(new RegExp(`^SMS Partner error ${code}: [A-Z]`));
				expect(run.run.data.resultData.error?.name).toBe('NodeApiError');
			});

			it('the 6th summary within a minute fails with code 429 after its retries, and says to wait', async () => {
				const run = await runNode(
					sim,
					// Retries come within the same simulated minute, so they meet the limit again.
					summary({ interval: 'lastMonth', options: { retryDelay: 1 } }),
					Array.from({ length: 6 }, (_, index) => ({ index })),
					{ onError: 'continueRegularOutput' },
				);
				expect(run.items.map((item) => item.pairedItem)).toEqual(
					[0, 1, 2, 3, 4, 5].map((item) => ({ item })),
				);
				expect(run.items.slice(0, 5).every((item) => item.json.month === 'february')).toBe(true);
				expect(run.items[5].json).toEqual({
					error:
						'SMS Partner error 429: SMS Partner allows 5 cost summaries per minute and this request went over the limit. Wait a minute before asking again; in a loop, add a Wait node of at least 12 seconds between requests.',
					details: {
						code: 429,
						httpStatus: 429,
						description:
							'SMS Partner said: "Trop de requêtes en une minute"\n(HTTP 429)\nTried 4 times.',
					},
				});
				expect(sim.requests).toHaveLength(5 + 4);
				sim.clock.advance(61);
				const later = await runNode(sim, summary({ interval: 'lastMonth' }));
				expect(later.items[0].json.month).toBe('february');
			});
		},
	);

	it('with "continue (error output)" keeps good items, links each, and keeps the input fields on errors', async () => {
		const input = [
			{ report: 'R1', from: '2026-01-01', to: '2026-01-31' },
			{ report: 'R2', from: '2026-02-01', to: '2026-01-01' },
			{ report: 'R3', from: '2026-02-01', to: '2026-02-28' },
		];
		const run = await runNode(
			sim,
			summary({ interval: 'custom', from: '={{ $json.from }}', to: '={{ $json.to }}' }),
			input,
			{ onError: 'continueErrorOutput' },
		);
		expect(run.items.map((item) => [item.pairedItem, item.json.month])).toEqual([
			[{ item: 0 }, 'january'],
			[{ item: 2 }, 'february'],
		]);
		expect(
			run.errorItems.map((item) => [item.pairedItem, item.json.report, String(item.json.error)]),
		).toEqual([
			[
				{ item: 1 },
				'R2',
				'From (2026-02-01) is after To (2026-01-01). Set From to the first day of the period and To to the last one.',
			],
		]);
		expect(costRequests()).toHaveLength(2);
	});

	it('keeps the API key out of the saved run', async () => {
		for (const onError of [
			'continueRegularOutput',
			'continueErrorOutput',
			'stopWorkflow',
		] as const) {
			sim.clock.advance(61);
			const run = await runNode(
				sim,
				summary({ interval: 'custom', from: '={{ $json.from }}', to: '2026-02-01' }),
				[{ from: '2026-01-01' }, { from: '2026-03-01' }],
				{ onError },
			);
			expect(JSON.stringify(run.run)).not.toContain(DEFAULT_API_KEY);
		}
	});
});
