import http from 'node:http';

import fc from 'fast-check';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import {
	DEFAULT_API_KEY,
	startSimulator,
	type RecordedRequest,
	type RequestOutcome,
	type Simulator,
} from '../../simulator';
import { minutesFromNow, runNode, sendSms, startStubApi, type StubApi } from './helpers';
import { NASTY_VALUES, nastyValues, unlabelled, type ValueKind } from './nasty-values';

/** What every run starts from: one of each thing an operation can name. */
export interface Fixture {
	messageId: number;
	groupId: number;
	contactId: number;
	subAccountToken: string;
	stopEntryId: number;
}

/** A parameter fed bad values, and how the user knows it in the editor. */
export interface FuzzedParameter {
	/** Where the value goes in the node's parameters, e.g. 'additionalFields.sender'. */
	path: string;
	kind: ValueKind;
	/** A refusal must name one of these: the display name, or the entry of a list. */
	names: string[];
	/** Values that must be refused before sending, when the API would take them but misread them. */
	refuses?: (value: unknown) => boolean;
}

export const isEmptyInput = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A switch takes true or false (also as text), or nothing for off. */
export const notABoolean = (value: unknown) =>
	!(
		typeof value === 'boolean' ||
		isEmptyInput(value) ||
		(typeof value === 'string' && /^\s*(true|false)\s*$/i.test(value))
	);

/** A list of choices takes one of its values. */
export const notOneOf =
	(...choices: string[]) =>
	(value: unknown) =>
		!choices.includes(value as string);

/** One operation: valid parameters, the one request it may send, and what to fuzz. */
export interface OperationCase {
	resource: string;
	operation: string;
	/** A variant of the same operation, e.g. 'pairs from fields'. */
	variant?: string;
	parameters: (fixture: Fixture) => INodeParameters;
	method: 'GET' | 'POST' | 'DELETE';
	path: string;
	/** Query keys on GET, body keys on POST and DELETE, besides apiKey and _format. */
	keys: string[];
	/** Keys allowed in the objects under a body key, or in the objects of its list. */
	nestedKeys?: Record<string, string[]>;
	/** Codes by which the API refuses a value, for this endpoint, besides ALWAYS_REFUSED. */
	refusedCodes: number[];
	/** Paginated or sent in parts (more than 500 pairs): an item may send several requests. */
	pages?: boolean;
	/** The endpoint's rate limit allows no more requests per run. */
	maxItems?: number;
	fuzz: FuzzedParameter[];
}

/** Missing key, wrong key, broken JSON, wrong method, a crash of the simulator. */
const ALWAYS_REFUSED = [1, 10, 90, 405, 500];
const MAX_ITEMS = 20;
/** Generated runs per parameter; BAD_INPUT_RUNS=200 searches longer. */
const RUNS_PER_PARAMETER = Number(process.env.BAD_INPUT_RUNS ?? 3);
const MAX_MESSAGE_LENGTH = 1000;
const CRASH =
	/Cannot read propert|is not a function|is not iterable|Maximum call stack|\[object Object\]|The SMS Partner node failed/;
/** What a valid value looks like: an example, or the rule with its numbers. */
const EXAMPLE = /e\.g\.|such as|for example|\d|"[^"]+"/;
const CHECKED_BEFORE_SENDING =
	/^Parameter "(.+)" was checked before sending; no request was sent\.$/;

interface RawRequest {
	url: string;
	body: string;
}

/**
 * Passes requests on to the simulator and keeps them as sent: the simulator's record parses the
 * query and the body, where a repeated key would collapse into one.
 */
async function startRawRecorder(sim: Simulator): Promise<StubApi & { requests: RawRequest[] }> {
	const requests: RawRequest[] = [];
	const stub = await startStubApi((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			requests.push({ url: req.url ?? '', body });
			const forward = http.request(
				{
					host: '127.0.0.1',
					port: sim.port,
					method: req.method,
					path: req.url,
					headers: req.headers,
				},
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			forward.on('error', () => res.destroy());
			forward.end(body);
		});
	});
	return { ...stub, requests };
}

/** A POST to the simulator as an application would send it, to set up a run. */
async function post(sim: Simulator, path: string, params: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${sim.baseUrl}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ ...params, apiKey: DEFAULT_API_KEY }),
	});
	const answer = (await response.json()) as IDataObject;
	if (answer.success !== true) throw new Error(`seeding ${path} failed: ${JSON.stringify(answer)}`);
	return answer;
}

async function seed(sim: Simulator): Promise<Fixture> {
	const messageId = await sendSms(sim, {
		phoneNumbers: ['+33612345678'],
		tag: 'rdv',
		at: minutesFromNow(sim, 120),
	});
	const group = await post(sim, '/group/add', { name: 'Clients' });
	const contact = await post(sim, '/contact/add', {
		groupId: group.groupId,
		contact: { phoneNumber: '+33612345678', firstname: 'Ann' },
	});
	const subAccount = await post(sim, '/subaccount/create', {
		type: 'simple',
		parameters: { email: 'shop@example.com', isBuyer: 0, creditToAttribute: 10 },
	});
	sim.addStopNumber('+33698765432');
	return {
		messageId,
		groupId: Number(group.groupId),
		contactId: Number((contact.contact as IDataObject).contactId),
		subAccountToken: String((subAccount.subaccount as IDataObject).token),
		// reset() starts the STOP entry IDs again at 1.
		stopEntryId: 1,
	};
}

/** A copy of `parameters` with `value` at `path` (dots; digits index lists). */
function withValueAt(parameters: INodeParameters, path: string, value: string): INodeParameters {
	const copy = structuredClone(parameters) as Record<string, unknown>;
	const keys = path.split('.');
	let target = copy;
	keys.slice(0, -1).forEach((key, index) => {
		target[key] ??= /^\d+$/.test(keys[index + 1]) ? [] : {};
		target = target[key] as Record<string, unknown>;
	});
	target[keys[keys.length - 1]] = value;
	return copy as INodeParameters;
}

/** A value in a failure report: as JSON (numbers as written, NaN included), cut short. */
function preview(value: unknown): string {
	const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
	return text.length > 80 ? `${text.slice(0, 80)}… (${text.length} characters)` : text;
}

/** Whether a refusal may call a value empty: nothing, spaces, or a list or object of nothing. */
function mayBeCalledEmpty(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	// Separators alone, or the JSON text of an empty list, are empty lists.
	if (typeof value === 'string') return /^[\s,;]*(\[\s*\])?[\s,;]*$/.test(value);
	if (Array.isArray(value)) return value.every(mayBeCalledEmpty);
	return typeof value === 'object' && Object.keys(value).length === 0;
}

const namesOne = (message: string, names: string[]) =>
	names.some((name) =>
		new RegExp(`(^|[^\\w])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`).test(message),
	);

/** What is wrong with the output of one input item; nothing when all is well. */
function itemProblems(
	value: unknown,
	outputs: INodeExecutionData[],
	parameter: FuzzedParameter,
): { problems: string[]; refusedBeforeSending: boolean } {
	const problems: string[] = [];
	if (outputs.length === 0) problems.push('no output item');
	const errors = outputs.filter((item) => typeof item.json.error === 'string');
	if (errors.length > 0 && outputs.length !== 1)
		problems.push(`${outputs.length} items with an error`);
	const [error] = errors;
	if (error === undefined) return { problems, refusedBeforeSending: false };

	const message = error.json.error as string;
	const description = String((error.json.details as IDataObject | undefined)?.description ?? '');
	const checked = CHECKED_BEFORE_SENDING.exec(description);
	if (CRASH.test(message)) problems.push(`a crash: ${message}`);
	if (message.length > MAX_MESSAGE_LENGTH)
		problems.push(`a message of ${message.length} characters`);
	if (checked) {
		if (!namesOne(message, parameter.names)) {
			problems.push(`a refusal that does not name ${parameter.names.join(' or ')}: ${message}`);
		}
		if (!EXAMPLE.test(message)) problems.push(`a refusal without a valid example: ${message}`);
		if (message.startsWith(`${parameter.names[0]} is empty`) && !mayBeCalledEmpty(value)) {
			problems.push(`a refusal that calls a value empty: ${message}`);
		}
	} else if (!/^(SMS Partner|Could not reach SMS Partner)/.test(message)) {
		problems.push(`an error that is neither a refusal nor an API error: ${message}`);
	}
	return { problems, refusedBeforeSending: checked !== null };
}

function keysOutside(object: unknown, allowed: string[]): string[] {
	if (object === null || typeof object !== 'object') return [];
	const objects = Array.isArray(object) ? object : [object];
	return objects.flatMap((entry: unknown) =>
		entry !== null && typeof entry === 'object' && !Array.isArray(entry)
			? Object.keys(entry).filter((key) => !allowed.includes(key))
			: [],
	);
}

/** What is wrong with one request the simulator received. */
function requestProblems(request: RecordedRequest, operation: OperationCase): string[] {
	const problems: string[] = [];
	const allowed = [...operation.keys, '_format', 'apiKey'];
	if (request.method !== operation.method) problems.push(`method ${request.method}`);
	if (request.path !== `/v1${operation.path}`) problems.push(`path ${request.path}`);
	if (operation.method === 'GET') {
		const extra = Object.keys(request.query).filter((key) => !allowed.includes(key));
		if (extra.length > 0) problems.push(`query keys ${extra.join(', ')}`);
		if (request.query.apiKey !== DEFAULT_API_KEY) problems.push(`apiKey ${request.query.apiKey}`);
		if (request.body !== undefined) problems.push('a body on GET');
		return problems;
	}
	if (Object.keys(request.query).length > 0) {
		problems.push(`a query on ${operation.method}: ${Object.keys(request.query).join(', ')}`);
	}
	const body = (request.body ?? {}) as IDataObject;
	const extra = keysOutside(body, allowed);
	if (extra.length > 0) problems.push(`body keys ${extra.join(', ')}`);
	if (body.apiKey !== DEFAULT_API_KEY) problems.push(`apiKey ${preview(body.apiKey)}`);
	for (const [key, keys] of Object.entries(operation.nestedKeys ?? {})) {
		const nested = keysOutside(body[key], keys);
		if (nested.length > 0) problems.push(`keys ${nested.join(', ')} under ${key}`);
	}
	return problems;
}

/** The API key is sent once: in the query on GET, in the body otherwise. */
function rawKeyProblems(raw: RawRequest, method: OperationCase['method']): string[] {
	const inQuery = new URLSearchParams(raw.url.split('?')[1] ?? '').getAll('apiKey').length;
	const inBody = raw.body.match(/(?<!\\)"apiKey"\s*:/g)?.length ?? 0;
	const expected = method === 'GET' ? { inQuery: 1, inBody: 0 } : { inQuery: 0, inBody: 1 };
	return inQuery === expected.inQuery && inBody === expected.inBody
		? []
		: [`apiKey ${inQuery} times in the query and ${inBody} times in the body of ${raw.url}`];
}

export interface BadInputHarness {
	/** Runs the operation once with one input item per value and throws what went wrong. */
	check(operation: OperationCase, parameter: FuzzedParameter, values: unknown[]): Promise<void>;
	close(): Promise<void>;
}

export async function startBadInputHarness(): Promise<BadInputHarness> {
	const outcomes: RequestOutcome[] = [];
	const sim = await startSimulator({ onRequest: (outcome) => outcomes.push(outcome) });
	const recorder = await startRawRecorder(sim);
	// The node talks to the recorder, which passes everything on to the simulator.
	const recorded: Simulator = { ...sim, baseUrl: recorder.baseUrl };

	async function check(operation: OperationCase, parameter: FuzzedParameter, given: unknown[]) {
		const values = given.map(unlabelled);
		sim.reset();
		const fixture = await seed(sim);
		outcomes.length = 0;
		recorder.requests.length = 0;
		const seeded = sim.requests.length;
		const parameters = withValueAt(
			{
				resource: operation.resource,
				operation: operation.operation,
				...operation.parameters(fixture),
				options: { maxRetries: 0 },
			},
			parameter.path,
			'={{ $json.v }}',
		);
		const run = await runNode(
			recorded,
			parameters,
			// Any value an expression can meet, NaN and undefined included, not only JSON.
			values.map((v) => ({ v }) as IDataObject),
			{ onError: 'continueRegularOutput' },
		);

		const problems: string[] = [];
		if (run.failure) problems.push(`the run failed: ${run.failure.message}`);
		const unlinked = run.items.filter(({ pairedItem }) => {
			const item = (pairedItem as { item?: unknown } | undefined)?.item;
			return typeof item !== 'number' || item < 0 || item >= values.length;
		});
		if (unlinked.length > 0) problems.push(`${unlinked.length} items without a valid pairedItem`);
		if (JSON.stringify(run.items).includes(DEFAULT_API_KEY))
			problems.push('the API key in an item');

		let sent = 0;
		values.forEach((value, index) => {
			const outputs = run.items.filter(
				(item) => (item.pairedItem as { item?: number } | undefined)?.item === index,
			);
			const item = itemProblems(value, outputs, parameter);
			if (!item.refusedBeforeSending) sent++;
			if (parameter.refuses?.(value) && !item.refusedBeforeSending) {
				item.problems.push('a value to refuse went through');
			}
			problems.push(
				...item.problems.map((problem) => `item ${index} (${preview(value)}): ${problem}`),
			);
		});

		const requests = sim.requests.slice(seeded);
		const expectedRequests = operation.pages ? requests.length >= sent : requests.length === sent;
		if (!expectedRequests) {
			problems.push(`${requests.length} requests for ${sent} items not refused before sending`);
		}
		for (const request of requests) {
			const wrong = requestProblems(request, operation);
			if (wrong.length > 0) {
				problems.push(
					`request ${preview(request.query)} ${preview(request.body)}: ${wrong.join('; ')}`,
				);
			}
		}
		for (const raw of recorder.requests) problems.push(...rawKeyProblems(raw, operation.method));
		const refused = [...ALWAYS_REFUSED, ...operation.refusedCodes];
		for (const { request, code } of outcomes) {
			if (code !== undefined && refused.includes(code)) {
				problems.push(
					`SMS Partner refused with code ${code}: ${preview(request.query)} ${preview(request.body)}`,
				);
			}
		}
		if (problems.length > 0) throw new Error(problems.slice(0, 10).join('\n'));
	}

	return {
		check,
		close: async () => {
			await recorder.close();
			await sim.close();
		},
	};
}

/** The property of one parameter: nasty values, then generated ones, all survive the checks. */
export async function assertSurvivesBadInput(
	harness: BadInputHarness,
	operation: OperationCase,
	parameter: FuzzedParameter,
): Promise<void> {
	const maxItems = operation.maxItems ?? MAX_ITEMS;
	// All of them in one run, whatever maxItems: they are refused before sending, or nearly all.
	const everyNastyValue = [...NASTY_VALUES];
	await fc.assert(
		fc.asyncProperty(nastyValues(parameter.kind, maxItems), (values) =>
			harness.check(operation, parameter, values),
		),
		{ numRuns: RUNS_PER_PARAMETER, examples: [[everyNastyValue]] },
	);
}

const caseName = (operation: OperationCase, parameter: FuzzedParameter) =>
	`${operation.resource} ${operation.operation}${operation.variant ? ` (${operation.variant})` : ''}: ${parameter.path}`;

/** One test per fuzzed parameter of `operations`, all on one harness started for the file. */
export function describeBadInput(title: string, operations: readonly OperationCase[]): void {
	let harness: BadInputHarness;
	beforeAll(async () => {
		harness = await startBadInputHarness();
	});
	afterAll(() => harness.close());

	describe(title, () => {
		const cases = operations.flatMap((operation) =>
			operation.fuzz.map(
				(parameter) => [caseName(operation, parameter), operation, parameter] as const,
			),
		);
		it.each(cases)('%s', async (_name, operation, parameter) => {
			await assertSurvivesBadInput(harness, operation, parameter);
		});
	});
}
