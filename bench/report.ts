import { CONTENDER_LABELS, type ContenderName } from './scenarios';
import { WHY_MISSED } from './analysis';

/** Starts the line on which a contender process reports its measurement. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

/** What one contender process measured. Sizes in bytes, times in milliseconds. */
export interface Measurement {
	/** Wall time of the run alone (seeding excluded). */
	wallMs: number;
	/** Requests the simulator received during the run. */
	requests: number;
	/** Items (or rows, for the raw client) the run ended with. */
	items: number;
	/** Size of those items' JSON. */
	itemsBytes: number;
	rssBeforeRun: number;
	/** Peak resident memory of the whole process. */
	peakRss: number;
	/**
	 * Share of the wall time during which the simulator's event loop was busy: near 1, the simulator
	 * is what limits the run.
	 */
	simulatorBusy: number;
}

/** What the contender's process measures itself; the parent adds the simulator's side. */
export type ChildMeasurement = Omit<Measurement, 'simulatorBusy'>;

/** Sent by the contender's process to the parent around the timed run. */
export type RunPhase = 'start' | 'end';

/** One (scenario, contender) of a bench run: the median of its repeats, or why it failed. */
export interface ResultRow {
	scenario: number;
	contender: ContenderName;
	/** Requests in flight at most. */
	concurrency: string;
	measurement?: Measurement;
	error?: string;
}

export function median(values: readonly number[]): number {
	if (values.length === 0) throw new Error('median of nothing');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of each field over repeated runs. */
export function medianMeasurement(runs: readonly Measurement[]): Measurement {
	const of = (field: keyof Measurement) => median(runs.map((run) => run[field]));
	return {
		wallMs: of('wallMs'),
		requests: of('requests'),
		items: of('items'),
		itemsBytes: of('itemsBytes'),
		rssBeforeRun: of('rssBeforeRun'),
		peakRss: of('peakRss'),
		simulatorBusy: of('simulatorBusy'),
	};
}

function rssGrowth(measurement: Measurement): number {
	return measurement.peakRss - measurement.rssBeforeRun;
}

function measured(
	rows: readonly ResultRow[],
	scenario: number,
	contender: ContenderName,
): Measurement | undefined {
	return rows.find((row) => row.scenario === scenario && row.contender === contender)?.measurement;
}

/** Wall time of `row` over that of `reference` in the same scenario; undefined if either is missing. */
function wallRatio(
	rows: readonly ResultRow[],
	row: ResultRow,
	reference: ContenderName,
): number | undefined {
	const base = measured(rows, row.scenario, reference);
	if (!row.measurement || !base) return undefined;
	return row.measurement.wallMs / base.wallMs;
}

/** Where the API takes many numbers or pairs per request, so batching should pay. */
const BATCHING_SCENARIOS: readonly number[] = [2, 4];
const MEMORY_SCENARIO = 3;

const LIMITS = {
	/** SMS Partner node time over HTTP Request node time, at most. */
	versusHttpRequest: 1,
	/** HTTP Request node time over SMS Partner node time where the API batches, at least. */
	batchingSpeedup: 20,
	/** SMS Partner node time over raw client time, at most. */
	versusRaw: 1.5,
	/** RSS growth of the node's run over its items' JSON size, at most. */
	memoryPerItemByte: 2,
};

export type TargetKind = 'versusHttpRequest' | 'batchingSpeedup' | 'versusRaw' | 'memory';

export interface Target {
	scenario: number;
	kind: TargetKind;
	/** The quantity, e.g. 'SMS Partner node time / raw client time'. */
	quantity: string;
	bound: 'atMost' | 'atLeast';
	limit: number;
	/** Undefined when a run it needs failed or was not run. */
	value?: number;
}

type TargetOutcome =
	| { status: 'met' }
	| { status: 'missed'; /** How far beyond the limit, as a fraction of it. */ by: number }
	| { status: 'not measured' };

export function outcomeOf({ bound, limit, value }: Target): TargetOutcome {
	if (value === undefined || !Number.isFinite(value)) return { status: 'not measured' };
	const met = bound === 'atMost' ? value <= limit : value >= limit;
	if (met) return { status: 'met' };
	return { status: 'missed', by: bound === 'atMost' ? value / limit - 1 : 1 - value / limit };
}

const NODE = CONTENDER_LABELS.node;
const HTTP = CONTENDER_LABELS.httpRequest;
const RAW = CONTENDER_LABELS.raw;

/** The targets for every scenario that has rows, in scenario order. */
export function targetsOf(rows: readonly ResultRow[]): Target[] {
	const scenarios = [...new Set(rows.map((row) => row.scenario))].sort((a, b) => a - b);
	return scenarios.flatMap((scenario) => {
		const node = measured(rows, scenario, 'node');
		const http = measured(rows, scenario, 'httpRequest');
		const raw = measured(rows, scenario, 'raw');
		const over = (a?: Measurement, b?: Measurement) => (a && b ? a.wallMs / b.wallMs : undefined);
		const targets: Target[] = [
			{
				scenario,
				kind: 'versusHttpRequest',
				quantity: `${NODE} time / ${HTTP} time`,
				bound: 'atMost',
				limit: LIMITS.versusHttpRequest,
				value: over(node, http),
			},
		];
		if (BATCHING_SCENARIOS.includes(scenario)) {
			targets.push({
				scenario,
				kind: 'batchingSpeedup',
				quantity: `${HTTP} time / ${NODE} time`,
				bound: 'atLeast',
				limit: LIMITS.batchingSpeedup,
				value: over(http, node),
			});
		}
		targets.push({
			scenario,
			kind: 'versusRaw',
			quantity: `${NODE} time / ${RAW} time`,
			bound: 'atMost',
			limit: LIMITS.versusRaw,
			value: over(node, raw),
		});
		if (scenario === MEMORY_SCENARIO) {
			targets.push({
				scenario,
				kind: 'memory',
				quantity: `${NODE} RSS growth / its items' JSON size`,
				bound: 'atMost',
				limit: LIMITS.memoryPerItemByte,
				value: node ? rssGrowth(node) / node.itemsBytes : undefined,
			});
		}
		return targets;
	});
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
	return integer.format(value);
}

export function formatMs(ms: number): string {
	return ms < 1000 ? `${integer.format(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function formatMb(bytes: number): string {
	return `${integer.format(bytes / 2 ** 20)} MB`;
}

/** Three significant digits: 0.0312, 1.00, 35.2, 412. */
export function formatRatio(value: number | undefined): string {
	if (value === undefined) return '–';
	return value >= 1000 ? integer.format(value) : value.toPrecision(3);
}

function formatPercent(fraction: number): string {
	return `${integer.format(fraction * 100)} %`;
}

/**
 * A Markdown table whose columns line up in plain text too, laid out as Prettier lays it out;
 * `right` columns align right.
 */
export function formatTable(
	header: readonly string[],
	body: readonly (readonly string[])[],
	right: readonly boolean[] = [],
): string {
	const widths = header.map((title, column) =>
		Math.max(3, title.length, ...body.map((cells) => cells[column].length)),
	);
	const line = (cells: readonly string[]) =>
		`| ${cells
			.map((cell, column) =>
				right[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
			)
			.join(' | ')} |`;
	const rule = line(
		widths.map((width, column) =>
			right[column] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
		),
	);
	return [line(header), rule, ...body.map(line)].join('\n');
}

const COLUMNS = [
	['Scenario', false],
	['Contender', false],
	['Concurrency', false],
	['Items', true],
	['Requests', true],
	['Wall time', true],
	['× raw client', true],
	['× HTTP Request', true],
	['Peak RSS', true],
	['RSS growth', true],
	['Simulator busy', true],
] as const;

export function resultsTable(rows: readonly ResultRow[]): string {
	const body = rows.map((row) => {
		const lead = [String(row.scenario), CONTENDER_LABELS[row.contender], row.concurrency];
		const m = row.measurement;
		if (!m) return [...lead, '', '', 'failed', '', '', '', '', ''];
		return [
			...lead,
			formatCount(m.items),
			formatCount(m.requests),
			formatMs(m.wallMs),
			formatRatio(wallRatio(rows, row, 'raw')),
			formatRatio(wallRatio(rows, row, 'httpRequest')),
			formatMb(m.peakRss),
			formatMb(rssGrowth(m)),
			formatPercent(m.simulatorBusy),
		];
	});
	return formatTable(
		COLUMNS.map(([title]) => title),
		body,
		COLUMNS.map(([, right]) => right),
	);
}

/** What a missed target without a written cause (in `analysis.ts`) says. */
export const NOT_ANALYSED = '(not analysed)';

export function targetLine(target: Target): string {
	const outcome = outcomeOf(target);
	const wanted = `${target.bound === 'atMost' ? '≤' : '≥'} ${formatRatio(target.limit)}`;
	const head = `Scenario ${target.scenario}: ${target.quantity} ${wanted}`;
	if (outcome.status === 'not measured') return `- **not measured**: ${head}`;
	const got = `${head}: ${formatRatio(target.value)}`;
	if (outcome.status === 'met') return `- met: ${got}`;
	const why = WHY_MISSED[`${target.scenario}.${target.kind}`] ?? NOT_ANALYSED;
	return `- **missed** by ${formatPercent(outcome.by)}: ${got}\n  - Why: ${why}`;
}

export interface Throughput {
	requests: number;
	wallMs: number;
	/** What was measured, e.g. '5,000 GET /message-status, 10 at a time'. */
	what: string;
}

export function throughputLine({ requests, wallMs, what }: Throughput): string {
	const perSecond = formatCount((requests / wallMs) * 1000);
	return `${perSecond} requests/s: ${what}, from the raw client in a process of its own, in ${formatMs(wallMs)}`;
}

export interface Report {
	date: Date;
	command: string;
	/** Label → value, e.g. ['CPU', 'AMD EPYC, 2 cores']. */
	machine: readonly (readonly [string, string])[];
	throughput?: Throughput;
	rows: readonly ResultRow[];
	/** What each scenario is, by id. */
	scenarios: readonly { id: number; title: string }[];
}

/** The whole results file, in Markdown. */
export function resultsMarkdown(report: Report): string {
	const failures = report.rows.filter((row) => row.error !== undefined);
	return [
		'# Benchmark results',
		'',
		`${report.date.toISOString()}, \`${report.command}\`. Every contender runs against the SMS Partner simulator on 127.0.0.1, in a process of its own; the simulator runs in the parent process. Timings vary from run to run and with other load on the machine: compare the ratios of one run.`,
		'',
		'## Machine',
		'',
		...report.machine.map(([label, value]) => `- ${label}: ${value}`),
		'',
		'## Simulator throughput',
		'',
		report.throughput ? throughputLine(report.throughput) : 'not measured',
		'',
		'## Scenarios',
		'',
		...report.scenarios.map(({ id, title }) => `${id}. ${title}`),
		'',
		resultsTable(report.rows),
		'',
		`Wall time is the run alone: seeding the simulator is not timed. Concurrency: requests in flight at most. × raw client and × HTTP Request: wall time over theirs in the same scenario. Peak RSS: the contender's process; RSS growth: peak RSS minus RSS just before the run. Simulator busy: share of the wall time during which the simulator's event loop was busy; near 100 %, the simulator limits the run and the ratios say little.`,
		...(failures.length === 0
			? []
			: [
					'',
					'Failed runs:',
					'',
					...failures.map(
						(row) => `- Scenario ${row.scenario}, ${CONTENDER_LABELS[row.contender]}: ${row.error}`,
					),
				]),
		'',
		'## Targets',
		'',
		...targetsOf(report.rows).map(targetLine),
		'',
	].join('\n');
}
