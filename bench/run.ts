/**
 * `npm run bench [-- --only 1,3] [--repeat N] [--profile]`: the SMS Partner node against n8n's HTTP
 * Request node and a raw HTTP client, against the simulator; prints the table and writes
 * bench/results.md. Each run is a process of its own (bench/contender.ts).
 */
import { fork } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { DEFAULT_API_KEY, startSimulator } from '../simulator';
import { ensureN8n, PROJECT_ROOT } from '../scripts/n8n/install';
import { describeMachine } from './machine';
import {
	formatCount,
	formatMs,
	medianMeasurement,
	resultsMarkdown,
	resultsTable,
	RESULT_PREFIX,
	targetLine,
	targetsOf,
	throughputLine,
	type ChildMeasurement,
	type Measurement,
	type ResultRow,
	type RunPhase,
	type Throughput,
} from './report';
import {
	CONTENDER_LABELS,
	CONTENDERS,
	NODE_CONCURRENCY,
	PROBE_REQUESTS,
	SCENARIOS,
	type ContenderName,
	type Scenario,
} from './scenarios';

const BENCH_DIR = path.join(PROJECT_ROOT, 'bench');
const RESULTS_FILE = path.join(BENCH_DIR, 'results.md');
const PROFILES_DIR = path.join(BENCH_DIR, 'profiles');
const CONTENDER_SCRIPT = path.join(BENCH_DIR, 'contender.ts');

interface Options {
	scenarios: readonly Scenario[];
	repeat: number;
	profile: boolean;
}

function readOptions(args: string[]): Options {
	const { values } = parseArgs({
		args,
		options: {
			only: { type: 'string' },
			repeat: { type: 'string', default: '1' },
			profile: { type: 'boolean', default: false },
		},
	});
	const repeat = Number(values.repeat);
	if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat takes a whole number ≥ 1');
	const wanted = values.only?.split(',').map((id) => Number(id.trim()));
	const unknown = wanted?.filter((id) => !SCENARIOS.some((scenario) => scenario.id === id));
	if (unknown?.length) throw new Error(`--only: no scenario ${unknown.join(', ')}`);
	const scenarios = SCENARIOS.filter((scenario) => !wanted || wanted.includes(scenario.id));
	return { scenarios, repeat, profile: values.profile };
}

interface ChildRun {
	scenario: string;
	contender: string;
	port: number;
	/** Node options of the child, e.g. --cpu-prof. */
	nodeOptions?: string[];
}

/**
 * Runs bench/contender.ts in a new process; resolves with what it measured, and with how busy
 * this process's event loop (the simulator) was during the timed run.
 */
function measureInChild({
	scenario,
	contender,
	port,
	nodeOptions = [],
}: ChildRun): Promise<Measurement> {
	return new Promise((resolve, reject) => {
		const child = fork(CONTENDER_SCRIPT, [scenario, contender, String(port), DEFAULT_API_KEY], {
			cwd: PROJECT_ROOT,
			execArgv: [...nodeOptions, '--import', 'tsx'],
			stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
		});
		let stdout = '';
		let stderr = '';
		let runStart: EventLoopUtilization | undefined;
		let simulatorBusy = NaN;
		child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr?.on(
			'data',
			(chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)),
		);
		child.on('message', (phase: RunPhase) => {
			if (phase === 'start') runStart = performance.eventLoopUtilization();
			else simulatorBusy = performance.eventLoopUtilization(runStart).utilization;
		});
		child.on('error', reject);
		child.on('close', (code) => {
			const line = stdout.split('\n').find((text) => text.startsWith(RESULT_PREFIX));
			if (code !== 0 || !line) {
				reject(new Error(stderr.trim().split('\n')[0] || `exited with code ${code}`));
				return;
			}
			const measured = JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildMeasurement;
			resolve({ ...measured, simulatorBusy });
		});
	});
}

/**
 * A folder per run, emptied first: tsx's loader thread writes a profile of its own beside the main
 * thread's, which Node names `CPU.<date>.<time>.<pid>.0.<n>.cpuprofile`.
 */
function profileOptions(scenario: Scenario, repeat: number): string[] {
	const folder = path.join(PROFILES_DIR, `scenario-${scenario.id}-node-${repeat + 1}`);
	rmSync(folder, { recursive: true, force: true });
	return ['--cpu-prof', '--cpu-prof-dir', folder];
}

async function measureRow(
	scenario: Scenario,
	contender: ContenderName,
	port: number,
	options: Options,
): Promise<ResultRow> {
	const row: ResultRow = {
		scenario: scenario.id,
		contender,
		concurrency: scenario.concurrency[contender],
	};
	const runs: Measurement[] = [];
	try {
		for (let repeat = 0; repeat < options.repeat; repeat++) {
			const profiled = options.profile && contender === 'node';
			const nodeOptions = profiled ? profileOptions(scenario, repeat) : [];
			const run = await measureInChild({
				scenario: String(scenario.id),
				contender,
				port,
				nodeOptions,
			});
			runs.push(run);
			console.log(
				`  ${CONTENDER_LABELS[contender]}: ${formatMs(run.wallMs)}, ${formatCount(run.requests)} requests, ${formatCount(run.items)} items`,
			);
		}
		row.measurement = medianMeasurement(runs);
	} catch (error) {
		row.error = (error as Error).message;
		console.log(`  ${CONTENDER_LABELS[contender]}: failed: ${row.error}`);
	}
	return row;
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const options = readOptions(args);
	await ensureN8n();
	// Sends must never run out of credit, however many runs.
	const sim = await startSimulator({ accounts: [{ apiKey: DEFAULT_API_KEY, creditEur: 1e9 }] });
	try {
		const probe = await measureInChild({ scenario: 'probe', contender: 'raw', port: sim.port });
		const throughput: Throughput = {
			requests: probe.requests,
			wallMs: probe.wallMs,
			what: `${formatCount(PROBE_REQUESTS)} GET /message-status, ${NODE_CONCURRENCY} at a time`,
		};
		console.log(`Simulator: ${throughputLine(throughput)}\n`);

		const rows: ResultRow[] = [];
		for (const scenario of options.scenarios) {
			console.log(`Scenario ${scenario.id}: ${scenario.title}`);
			for (const contender of CONTENDERS) {
				rows.push(await measureRow(scenario, contender, sim.port, options));
			}
		}

		console.log(`\n${resultsTable(rows)}\n\n${targetsOf(rows).map(targetLine).join('\n')}`);
		const command = ['npm run bench', ...(args.length ? ['--', ...args] : [])].join(' ');
		writeFileSync(
			RESULTS_FILE,
			resultsMarkdown({
				date: new Date(),
				command,
				machine: describeMachine(),
				throughput,
				rows,
				scenarios: options.scenarios,
			}),
		);
		console.log(`\nWritten to ${path.relative(PROJECT_ROOT, RESULTS_FILE)}`);
		if (options.profile)
			console.log(`CPU profiles in ${path.relative(PROJECT_ROOT, PROFILES_DIR)}/`);
	} finally {
		await sim.close();
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});
