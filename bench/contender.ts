/**
 * One measured run, in a process of its own (so that its peak memory is its own and it does not
 * share a core with the simulator): resets the simulator, seeds it, runs one contender of one
 * scenario (timed), and prints one line `RESULT_PREFIX{…ChildMeasurement}`.
 *
 *   node --import tsx bench/contender.ts <scenario id | probe> <contender> <simulator port> <api key>
 */
import { performance } from 'node:perf_hooks';

import { runWorkflow } from '../runner';
import { loadN8nNodes } from './n8n-nodes';
import { RawClient } from './raw-client';
import { RESULT_PREFIX, type ChildMeasurement, type RunPhase } from './report';
import {
	CONTENDERS,
	prepareThroughputProbe,
	SCENARIOS,
	type Api,
	type Contender,
	type ContenderName,
} from './scenarios';
import { TRIGGER } from './workflow';

async function control(port: number, method: string, route: string): Promise<unknown> {
	const response = await fetch(`http://127.0.0.1:${port}/__simulator${route}`, { method });
	if (!response.ok) throw new Error(`${method} /__simulator${route}: HTTP ${response.status}`);
	return response.json();
}

/** Tells the parent, which runs the simulator, when the timed run starts and ends. */
function signal(phase: RunPhase): Promise<void> {
	return new Promise((resolve) =>
		process.send ? process.send(phase, () => resolve()) : resolve(),
	);
}

async function requestCount(port: number): Promise<number> {
	return ((await control(port, 'GET', '/request-count')) as { count: number }).count;
}

async function contenderOf(api: Api, scenarioId: string, name: string): Promise<Contender> {
	if (scenarioId === 'probe') return { kind: 'raw', run: await prepareThroughputProbe(api) };
	const scenario = SCENARIOS.find((candidate) => String(candidate.id) === scenarioId);
	if (!scenario) throw new Error(`no scenario ${scenarioId}`);
	if (!CONTENDERS.includes(name as ContenderName)) throw new Error(`no contender ${name}`);
	return (await scenario.prepare(api))[name as ContenderName]();
}

/** Runs the contender; resolves with the JSON of the items it ends with. */
function runner(api: Api, contender: Contender): () => Promise<unknown[]> {
	if (contender.kind === 'raw') return contender.run;
	const { workflow, input, outputNode } = contender;
	// Loaded before the measure starts, so that module loading is not counted as the run's memory.
	const extraNodeTypes = loadN8nNodes();
	return async () => {
		const { run, output } = await runWorkflow(workflow, {
			credentials: { smsPartnerApi: { apiKey: api.apiKey, baseUrl: api.baseUrl } },
			pinData: { [TRIGGER]: input.map((json) => ({ json })) },
			extraNodeTypes,
		});
		const error = run.data.resultData.error;
		if (error) throw new Error(`the workflow failed: ${error.message} ${error.description ?? ''}`);
		return output(outputNode).map((item) => item.json);
	};
}

async function measure(
	scenarioId: string,
	contenderName: string,
	port: number,
	apiKey: string,
): Promise<ChildMeasurement> {
	const baseUrl = `http://127.0.0.1:${port}/v1`;
	const api: Api = { baseUrl, apiKey, client: new RawClient(baseUrl) };
	await control(port, 'POST', '/reset');
	const run = runner(api, await contenderOf(api, scenarioId, contenderName));
	const requestsBefore = await requestCount(port);
	const rssBeforeRun = process.memoryUsage().rss;

	await signal('start');
	const started = performance.now();
	const items = await run();
	const wallMs = performance.now() - started;
	await signal('end');

	// maxRSS is in kilobytes.
	const peakRss = process.resourceUsage().maxRSS * 1024;
	const requests = (await requestCount(port)) - requestsBefore;
	api.client.close();
	return {
		wallMs,
		requests,
		items: items.length,
		itemsBytes: Buffer.byteLength(JSON.stringify(items)),
		rssBeforeRun,
		peakRss,
	};
}

const [scenarioId, contenderName, port, apiKey] = process.argv.slice(2);
measure(scenarioId, contenderName, Number(port), apiKey).then(
	(measurement) => {
		process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(measurement)}\n`);
		process.exit(0);
	},
	(error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
