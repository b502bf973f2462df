import { ENGINE_LOG_FILE, restoreEngineLogSettings } from './engine-debug-logs';

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as wait } from 'node:timers/promises';

import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	IPairedItemData,
} from 'n8n-workflow';

import { SmsPartner } from '../../nodes/SmsPartner/SmsPartner.node';
import {
	FAULT_KINDS,
	startSimulator,
	type FaultRule,
	type RecordedRequest,
	type Simulator,
} from '../../simulator';
import { apiGet } from '../simulator/http';
import { runNode, START, type NodeRun, type OnError } from './helpers';
import { OPERATIONS, type CatalogueOperation } from './operation-catalogue';

/** Distinctive, so that any trace of it in a run or in the engine's log is found. */
const API_KEY = 'fault-suite-key-Qz81Wx7r';

let sim: Simulator;

beforeAll(async () => {
	rmSync(ENGINE_LOG_FILE, { force: true });
	sim = await startSimulator({ startTime: START, accounts: [{ apiKey: API_KEY }] });
});

afterAll(async () => {
	await sim.close();
	restoreEngineLogSettings();
	rmSync(ENGINE_LOG_FILE, { force: true });
});

beforeEach(() => sim.reset());

interface FaultCase {
	label: string;
	rule: Pick<FaultRule, 'fault' | 'retryAfter'>;
	/** How the error message of the faulted item starts. */
	message: RegExp;
	/** Whether SMS Partner may have acted on the request all the same: its answer was lost. */
	answerLost: boolean;
	/** The answer format the fault needs, when not JSON. */
	responseFormat?: 'xml';
	/** Request Options > Timeout, for a fault that never answers. */
	timeoutMs?: number;
}

const HTTP_500 = /^SMS Partner error 500: /;
const UNREADABLE = /^SMS Partner sent an answer that could not be read \(HTTP 200\)\. /;
const RATE_LIMITED = /^SMS Partner (HTTP )?error 429: /;

const FAULTS: FaultCase[] = [
	{ label: 'http-500', rule: { fault: 'http-500' }, message: HTTP_500, answerLost: true },
	{
		label: 'http-502-html',
		rule: { fault: 'http-502-html' },
		message: /^SMS Partner HTTP error 502: SMS Partner is unavailable or failed\. /,
		answerLost: true,
	},
	{ label: 'http-429', rule: { fault: 'http-429' }, message: RATE_LIMITED, answerLost: false },
	{
		label: 'http-429 with Retry-After: 0',
		rule: { fault: 'http-429', retryAfter: 0 },
		message: RATE_LIMITED,
		answerLost: false,
	},
	{ label: 'cut-body', rule: { fault: 'cut-body' }, message: UNREADABLE, answerLost: true },
	{ label: 'not-json', rule: { fault: 'not-json' }, message: UNREADABLE, answerLost: true },
	{
		label: 'broken-xml',
		rule: { fault: 'broken-xml' },
		message: UNREADABLE,
		answerLost: true,
		responseFormat: 'xml',
	},
	{
		label: 'reset',
		rule: { fault: 'reset' },
		message: /^Could not reach SMS Partner: the connection was closed before an answer arrived\. /,
		answerLost: true,
	},
	{
		label: 'hang',
		rule: { fault: 'hang' },
		message: /^Could not reach SMS Partner: no answer came in time\. /,
		answerLost: true,
		// Short, so that the suite stays fast; the simulator answers in a few ms otherwise.
		timeoutMs: 300,
	},
	{ label: 'echo-key-500', rule: { fault: 'echo-key-500' }, message: HTTP_500, answerLost: true },
];

/** What a changing operation says when its answer was lost, instead of advising to retry. */
const MAY_HAVE_HAPPENED =
	/ may have been .+ all the same: it was not retried, so that it does not happen twice\. Check .+ before running this item again\.$/;

const isRetried = (operation: CatalogueOperation, fault: FaultCase) =>
	operation.retry === 'any-temporary-failure' || !fault.answerLost;

const mayHaveHappened = (operation: CatalogueOperation, fault: FaultCase) =>
	operation.retry === 'only-untouched' && fault.answerLost;

const REFS = ['A', 'B', 'C'];

/** The operation's setup, and input items that each carry a field of their own (`ref`). */
async function inputItems(operation: CatalogueOperation, count: number): Promise<IDataObject[]> {
	const inputs = await operation.inputs({ sim, apiKey: API_KEY }, count);
	return inputs.map((input, index) => ({ ...input, ref: REFS[index] }));
}

function parametersOf(
	operation: CatalogueOperation,
	fault: FaultCase,
	options: INodeParameters,
): INodeParameters {
	const format = fault.responseFormat ? { responseFormat: fault.responseFormat } : {};
	return {
		resource: operation.resource,
		operation: operation.operation,
		...operation.parameters,
		options: { ...options, ...format },
		...(fault.timeoutMs ? { requestOptions: { timeout: fault.timeoutMs } } : {}),
	};
}

/** Everything a run leaves behind: its items, error, descriptions, and the saved run data. */
function traceOf({ run }: NodeRun): string {
	const error = run.data.resultData.error;
	return JSON.stringify([run, error?.message, error?.description, error?.stack]);
}

/**
 * Runs the operation over `inputs` with the fault armed, and checks what must hold whatever
 * happened: the key stays out of the run, and out of the URL of every POST and DELETE.
 */
async function runFaulted(
	operation: CatalogueOperation,
	fault: FaultCase,
	inputs: IDataObject[],
	options: INodeParameters,
	onError: OnError,
	times?: number,
): Promise<{ run: NodeRun; requests: RecordedRequest[] }> {
	const before = sim.requests.length;
	sim.addFault({ ...fault.rule, path: operation.path, times });
	const run = await runNode(sim, parametersOf(operation, fault, options), inputs, {
		onError,
		apiKey: API_KEY,
	});
	const requests = sim.requests
		.slice(before)
		.filter((request) => request.path === `/v1${operation.path}`);

	expect(requests.length).toBeGreaterThan(0);
	expect(requests.every((request) => request.method === operation.method)).toBe(true);
	expect(traceOf(run)).not.toContain(API_KEY);
	if (operation.method !== 'GET') {
		for (const request of requests) {
			expect(request.query).not.toHaveProperty('apiKey');
			expect(request.body).toMatchObject({ apiKey: API_KEY });
		}
	}
	return { run, requests };
}

function expectClearMessage(
	message: unknown,
	operation: CatalogueOperation,
	fault: FaultCase,
): void {
	expect(message).toMatch(fault.message);
	if (mayHaveHappened(operation, fault)) expect(message).toMatch(MAY_HAVE_HAPPENED);
	else expect(message).not.toMatch(/may have been/);
}

/** The output items in input order, after checking that each input item has exactly one. */
function oneResultPerInput(items: INodeExecutionData[], count: number): INodeExecutionData[] {
	const inputIndexes = items.map((item) => (item.pairedItem as IPairedItemData).item);
	const expected = Array.from({ length: count }, (_, index) => index);
	expect([...inputIndexes].sort((a, b) => a - b)).toEqual(expected);
	return expected.map((index) => items[inputIndexes.indexOf(index)]);
}

const operationLabel = (operation: CatalogueOperation) =>
	`${operation.resource} > ${operation.operation} (${operation.method} ${operation.path})`;

describe('The premises of this suite', () => {
	it('the faults cover every fault kind of the simulator', () => {
		expect(new Set(FAULTS.map((fault) => fault.rule.fault))).toEqual(new Set(FAULT_KINDS));
	});

	it('the catalogue lists every operation of the node, with the method and path it calls', () => {
		const { properties } = new SmsPartner().description;
		const inNode = properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) =>
				(property.options as Array<{ value: string; routing?: { request?: IDataObject } }>).map(
					(option) => ({
						resource: String(property.displayOptions?.show?.resource?.[0]),
						operation: option.value,
						method: option.routing?.request?.method,
						path: option.routing?.request?.url,
					}),
				),
			);
		const inCatalogue = OPERATIONS.map(({ resource, operation, method, path }) => ({
			resource,
			operation,
			method,
			path,
		}));
		expect(inCatalogue).toHaveLength(inNode.length);
		expect(inCatalogue).toEqual(expect.arrayContaining(inNode));
	});

	it('an echo-key-500 answer carries the API key, so a leak of it would show below', async () => {
		sim.addFault({ fault: 'echo-key-500' });
		const answer = await apiGet(sim, '/me', { apiKey: API_KEY });
		expect(answer.status).toBe(500);
		expect(answer.text).toContain(API_KEY);
	});
});

describe.each(OPERATIONS.map((operation) => [operationLabel(operation), operation] as const))(
	'%s',
	(_label, operation) => {
		describe.each(FAULTS.map((fault) => [fault.label, fault] as const))(
			'meeting %s',
			(_fault, fault) => {
				it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
					'under %s, gives the first of 3 items a clear error and the others their result',
					async (onError) => {
						const inputs = await inputItems(operation, 3);
						// One request at a time, in item order: the fault meets the first item's.
						const oneByOne = { maxConcurrentRequests: 1, maxRetries: 0 };
						const { run, requests } = await runFaulted(
							operation,
							fault,
							inputs,
							oneByOne,
							onError,
							1,
						);

						expect(run.failure).toBeUndefined();
						const [failed, ...unharmed] = oneResultPerInput(
							[...run.items, ...run.errorItems],
							inputs.length,
						);
						expectClearMessage(failed.json.error, operation, fault);
						unharmed.forEach((item, offset) => {
							expect(item.json).not.toHaveProperty('error');
							expect(item.json).toMatchObject(operation.result(inputs[offset + 1]));
						});
						if (onError === 'continueErrorOutput') {
							expect(run.errorItems).toEqual([failed]);
							expect(failed.json).toMatchObject(inputs[0]);
						} else {
							expect(run.errorItems).toEqual([]);
						}
						expect(requests.map((request) => request.fault)).toEqual([
							fault.rule.fault,
							undefined,
							undefined,
						]);
					},
				);

				const attempts = isRetried(operation, fault) ? 3 : 1;
				it(`under stopWorkflow, with 2 retries, tries ${attempts} time(s) and fails with a NodeApiError`, async () => {
					const inputs = await inputItems(operation, 1);
					const retries = { maxRetries: 2, retryDelay: 1 };
					const { run, requests } = await runFaulted(
						operation,
						fault,
						inputs,
						retries,
						'stopWorkflow',
					);

					expect(run.run.status).toBe('error');
					const error = run.run.data.resultData.error;
					expect(error?.name).toBe('NodeApiError');
					expectClearMessage(error?.message, operation, fault);
					expect(requests.map((request) => request.fault)).toEqual(
						Array(attempts).fill(fault.rule.fault),
					);
					if (attempts > 1) expect(error?.description).toMatch(/\nTried 3 times\.$/);
					else expect(error?.description).not.toMatch(/Tried/);
				});
			},
		);
	},
);

/** The log is written asynchronously: wait (at most 5 s) until `text` is in it. */
async function engineLogWith(text: string): Promise<string> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const log = existsSync(ENGINE_LOG_FILE) ? readFileSync(ENGINE_LOG_FILE, 'utf8') : '';
		if (log.includes(text)) return log;
		await wait(100);
	}
	throw new Error(`The engine log never showed ${text}`);
}

it('the API key appears in no line of the engine log, after every run above', async () => {
	const sentinel = 'log-sentinel-contact';
	await runNode(sim, { resource: 'contact', operation: 'get', contactId: sentinel }, [{}], {
		apiKey: API_KEY,
	});
	// The sentinel run came last: once it is logged, every earlier line is in the file too.
	const log = await engineLogWith(sentinel);
	expect(log).toMatch(/SMS Partner error 500/);
	expect(log).not.toContain(API_KEY);
});
