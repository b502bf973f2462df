import { WHY_MISSED } from '../../bench/analysis';
import {
	formatRatio,
	formatTable,
	median,
	medianMeasurement,
	NOT_ANALYSED,
	outcomeOf,
	resultsMarkdown,
	resultsTable,
	targetLine,
	targetsOf,
	type Measurement,
	type ResultRow,
} from '../../bench/report';
import type { ContenderName } from '../../bench/scenarios';

const MB = 2 ** 20;

function measurement(wallMs: number, extra: Partial<Measurement> = {}): Measurement {
	return {
		wallMs,
		requests: 20,
		items: 10_000,
		itemsBytes: 10 * MB,
		rssBeforeRun: 200 * MB,
		peakRss: 210 * MB,
		simulatorBusy: 0.25,
		...extra,
	};
}

function row(scenario: number, contender: ContenderName, m?: Measurement): ResultRow {
	return {
		scenario,
		contender,
		concurrency: '10',
		...(m ? { measurement: m } : { error: 'Error: the workflow failed' }),
	};
}

/** The wall times of raw client, HTTP Request node and SMS Partner node in one scenario. */
function scenarioRows(scenario: number, raw: number, http: number, node?: number): ResultRow[] {
	return [
		row(scenario, 'raw', measurement(raw)),
		row(scenario, 'httpRequest', measurement(http)),
		row(scenario, 'node', node === undefined ? undefined : measurement(node)),
	];
}

describe('median of repeated runs', () => {
	it('takes the middle value, or the mean of the two middle ones', () => {
		expect(median([30, 10, 20])).toBe(20);
		expect(median([40, 10, 30, 20])).toBe(25);
		expect(() => median([])).toThrow();
	});

	it('takes the median of each field on its own', () => {
		const runs = [
			measurement(300, { peakRss: 100 }),
			measurement(100, { peakRss: 300 }),
			measurement(200, { peakRss: 200 }),
		];
		expect(medianMeasurement(runs)).toMatchObject({ wallMs: 200, peakRss: 200 });
	});
});

describe('targets', () => {
	it('says by how much a target is missed, above an upper bound or below a lower one', () => {
		const base = { scenario: 1, kind: 'versusRaw', quantity: 'q' } as const;
		expect(outcomeOf({ ...base, bound: 'atMost', limit: 1.5, value: 1.5 })).toEqual({
			status: 'met',
		});
		expect(outcomeOf({ ...base, bound: 'atMost', limit: 1.5, value: 3 })).toEqual({
			status: 'missed',
			by: 1,
		});
		expect(outcomeOf({ ...base, bound: 'atLeast', limit: 20, value: 15 })).toEqual({
			status: 'missed',
			by: 0.25,
		});
		expect(outcomeOf({ ...base, bound: 'atLeast', limit: 20, value: undefined })).toEqual({
			status: 'not measured',
		});
	});

	it('holds the node to the HTTP Request node and the raw client, and to 20 times where the API batches', () => {
		const rows = [...scenarioRows(1, 400, 3000, 2000), ...scenarioRows(2, 200, 20_000, 250)];
		const targets = targetsOf(rows).map(({ scenario, bound, limit, value }) => ({
			scenario,
			bound,
			limit,
			value,
		}));
		expect(targets).toEqual([
			{ scenario: 1, bound: 'atMost', limit: 1, value: 2000 / 3000 },
			{ scenario: 1, bound: 'atMost', limit: 1.5, value: 2000 / 400 },
			{ scenario: 2, bound: 'atMost', limit: 1, value: 250 / 20_000 },
			{ scenario: 2, bound: 'atLeast', limit: 20, value: 20_000 / 250 },
			{ scenario: 2, bound: 'atMost', limit: 1.5, value: 250 / 200 },
		]);
	});

	it("compares the node's memory growth in scenario 3 with its items' size", () => {
		const rows = [
			row(3, 'raw', measurement(1000)),
			row(3, 'httpRequest', measurement(1000)),
			row(3, 'node', measurement(1000, { itemsBytes: 20 * MB, peakRss: 260 * MB })),
		];
		const memory = targetsOf(rows).find((target) => target.quantity.includes('RSS'));
		expect(memory).toMatchObject({ limit: 2, bound: 'atMost', value: 3 });
	});

	it('reports a target as not measured when the node failed', () => {
		const lines = targetsOf(scenarioRows(4, 200, 20_000)).map(targetLine);
		expect(lines).toHaveLength(3);
		for (const line of lines) expect(line).toMatch(/^- \*\*not measured\*\*: Scenario 4/);
	});

	it('gives the written cause of a miss, a marked place where none is written, nothing for a target met', () => {
		const [versusHttp, versusRaw] = targetsOf(scenarioRows(1, 400, 3000, 2000)).map(targetLine);
		expect(versusHttp).toBe(
			'- met: Scenario 1: SMS Partner node time / HTTP Request node time ≤ 1.00: 0.667',
		);
		expect(versusRaw).toBe(
			`- **missed** by 233 %: Scenario 1: SMS Partner node time / raw client time ≤ 1.50: 5.00\n  - Why: ${WHY_MISSED['1.versusRaw']}`,
		);
		const [, unexplained] = targetsOf(scenarioRows(9, 400, 3000, 2000)).map(targetLine);
		expect(unexplained.endsWith(`- Why: ${NOT_ANALYSED}`)).toBe(true);
	});
});

describe('table', () => {
	it('lines up the columns, numbers on the right', () => {
		const table = formatTable(
			['Name', 'Time'],
			[
				['raw client', '5 ms'],
				['node', '12.50 s'],
			],
			[false, true],
		);
		expect(table.split('\n')).toEqual([
			'| Name       |    Time |',
			'| ---------- | ------: |',
			'| raw client |    5 ms |',
			'| node       | 12.50 s |',
		]);
	});

	it('gives ratios three significant digits', () => {
		expect([0.03125, 1, 35.24, 412.6, 1234.5, undefined].map(formatRatio)).toEqual([
			'0.0313',
			'1.00',
			'35.2',
			'413',
			'1,235',
			'–',
		]);
	});

	it('shows each run against the raw client and the HTTP Request node, and a failed run as failed', () => {
		const lines = resultsTable(scenarioRows(2, 200, 20_000)).split('\n');
		const cells = (line: string) => line.split('|').map((cell) => cell.trim());
		expect(cells(lines[0])).toContain('× raw client');
		expect(cells(lines[2])).toEqual([
			'',
			'2',
			'raw client',
			'10',
			'10,000',
			'20',
			'200 ms',
			'1.00',
			'0.0100',
			'210 MB',
			'10 MB',
			'25 %',
			'',
		]);
		expect(cells(lines[3]).slice(5, 9)).toEqual(['20', '20.00 s', '100', '1.00']);
		expect(cells(lines[4])).toContain('failed');
	});
});

describe('results file', () => {
	it('says when, on what machine, how fast the simulator is, what failed and each target', () => {
		const text = resultsMarkdown({
			date: new Date('2026-11-24T08:00:00Z'),
			command: 'npm run bench -- --only 2',
			machine: [
				['CPU', 'Some CPU, 2 cores'],
				['Node.js', 'v20.19.0'],
			],
			throughput: { requests: 5000, wallMs: 2000, what: '5,000 GET /message-status' },
			rows: scenarioRows(2, 200, 20_000),
			scenarios: [{ id: 2, title: 'statuses of 10,000 pairs' }],
		});
		expect(text).toContain('2026-11-24T08:00:00.000Z, `npm run bench -- --only 2`');
		expect(text).toContain('- CPU: Some CPU, 2 cores');
		expect(text).toContain('2,500 requests/s');
		expect(text).toContain('2. statuses of 10,000 pairs');
		expect(text).toContain('- Scenario 2, SMS Partner node: Error: the workflow failed');
		expect(text).toContain('- **not measured**: Scenario 2: HTTP Request node time / SMS Partner');
	});
});
