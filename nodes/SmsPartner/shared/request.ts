import {
	sleep,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { DEFAULT_MAX_CONCURRENT_REQUESTS, RequestSlots } from './concurrency';
import { checkApiResponse, SmsPartnerFailure, type ApiAnswer } from './response';
import {
	DEFAULT_MAX_RETRIES,
	DEFAULT_RETRY_DELAY_MS,
	MAX_RETRIES,
	mayRetry,
	outcomeOfAnswer,
	outcomeOfError,
	parseRetryAfter,
	retryDelayMs,
	RETRY_WINDOW_MS,
	type FailureOutcome,
	type RetryPolicy,
} from './retry';
import type { RequestData } from './run-operation';
import { checkChoice } from './validation';

/** Per attempt, unless Request Options > Timeout says otherwise (n8n's own default is 5 minutes). */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A copy of the operation's request with more query parameters; the original stays untouched. */
export function withQuery(request: RequestData, query: IDataObject): RequestData {
	return {
		...request,
		options: { ...request.options, qs: { ...request.options.qs, ...query } },
	};
}

/** A copy of the operation's request with more JSON body fields; the original stays untouched. */
export function withBody(request: RequestData, body: IDataObject): RequestData {
	const current = (request.options.body ?? {}) as IDataObject;
	return { ...request, options: { ...request.options, body: { ...current, ...body } } };
}

/** What happened to the requests of one item, for its output and its error message. */
export interface ItemRequests {
	readonly policy: RetryPolicy;
	/** Options > Response Format, when set: sent as `_format`. */
	responseFormat?: string;
	/** The answers as received, kept only for the "Raw Response" option. */
	answers?: JsonObject[];
	/** Attempts of the latest request, retries included. */
	attempts: number;
	/** How the latest failed attempt ended, if it failed. */
	lastFailure?: FailureOutcome;
	/** Why retrying stopped before the attempts ran out, if it did. */
	retryStoppedBecause?: string;
}

const RESPONSE_FORMATS = { json: 'json', xml: 'xml' } as const;

/** Options > Response Format of the current item, checked: an expression may give anything. */
export function readResponseFormat(context: IExecuteSingleFunctions): string | undefined {
	const value = context.getNodeParameter('options.responseFormat', '');
	if (value === '') return undefined;
	return checkChoice(
		value,
		'Response Format',
		RESPONSE_FORMATS,
		'Choose JSON or XML, or give "json" or "xml" in an expression.',
	);
}

/** Keyed by the item's own context object, which the engine creates per item. */
const requestsByItem = new WeakMap<IExecuteSingleFunctions, ItemRequests>();

/** Starts the bookkeeping of the current item's requests. */
export function startItemRequests(
	context: IExecuteSingleFunctions,
	policy: RetryPolicy,
): ItemRequests {
	const requests: ItemRequests = { policy, attempts: 0 };
	requestsByItem.set(context, requests);
	return requests;
}

interface RequestSettings {
	maxConcurrentRequests: number;
	maxRetries: number;
	retryDelayMs: number;
	timeoutMs: number;
}

function nonNegativeNumber(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Request Options > Timeout when set, else the node's own, shorter than n8n's 5 minutes. */
export function attemptTimeoutMs(requestOptionsTimeout: unknown): number {
	return nonNegativeNumber(requestOptionsTimeout, 0) || DEFAULT_TIMEOUT_MS;
}

function requestSettings(context: IExecuteSingleFunctions): RequestSettings {
	const option = (name: string, fallback: number) =>
		nonNegativeNumber(context.getNodeParameter(`options.${name}`, fallback), fallback);
	return {
		maxConcurrentRequests: Math.max(
			1,
			Math.floor(option('maxConcurrentRequests', DEFAULT_MAX_CONCURRENT_REQUESTS)),
		),
		// The editor stops at 10; a workflow written by hand may hold more.
		maxRetries: Math.min(MAX_RETRIES, Math.floor(option('maxRetries', DEFAULT_MAX_RETRIES))),
		retryDelayMs: option('retryDelay', DEFAULT_RETRY_DELAY_MS),
		timeoutMs: attemptTimeoutMs(context.getNodeParameter('requestOptions.timeout', 0)),
	};
}

/** What the items of one node run share. */
export interface NodeRun {
	readonly settings: RequestSettings;
	readonly slots: RequestSlots;
	/** Items carried out so far. */
	itemsDone: number;
	/** The failure that stops the workflow, once an item has failed without "continue". */
	stoppedBy?: { message: string; itemIndex: number };
}

/** n8n gives all items of a node run the same execute-data object, and a new one next run. */
const nodeRuns = new WeakMap<object, NodeRun>();

/**
 * The state of the current node run. Its settings are read once, by the first item: they take no
 * expressions, so every item would read the same, and reading them per request costs time.
 */
export function currentNodeRun(context: IExecuteSingleFunctions): NodeRun {
	const key = context.getExecuteData();
	let run = nodeRuns.get(key);
	if (!run) {
		const settings = requestSettings(context);
		run = { settings, slots: new RequestSlots(settings.maxConcurrentRequests), itemsDone: 0 };
		nodeRuns.set(key, run);
	}
	return run;
}

/** A request not started because another item's failure stops the workflow. */
export class RunStoppedError extends Error {
	constructor() {
		super('not sent: another item failed and the workflow stops');
	}
}

/** An answer, and whether an earlier attempt of the same request may have been carried out. */
export interface SentAnswer extends ApiAnswer {
	afterLostAnswer: boolean;
}

/**
 * Sends one request through the routing (credential, postReceive) and returns the parsed answer.
 * A temporary failure is retried as the operation's policy allows, within the retry window. Once
 * an item's failure stops the workflow, no request starts any more.
 */
export async function sendRequest(
	context: IExecutePaginationFunctions,
	request: RequestData,
): Promise<SentAnswer> {
	const item = requestsByItem.get(context);
	if (!item) throw new Error('sendRequest called outside runForEachItem');
	const run = currentNodeRun(context);
	const { settings } = run;
	// SMS Partner reads `_format` from the query on GET and from the JSON body otherwise.
	const format = item.responseFormat;
	const formatted = !format
		? request
		: request.options.method === 'GET'
			? withQuery(request, { _format: format })
			: withBody(request, { _format: format });
	const timed = { ...formatted, options: { ...formatted.options, timeout: settings.timeoutMs } };
	const started = Date.now();
	let afterLostAnswer = false;
	item.lastFailure = undefined;
	item.retryStoppedBecause = undefined;

	for (let attempt = 1; ; attempt++) {
		item.attempts = attempt;
		let answer: ApiAnswer | undefined;
		let error: unknown;
		try {
			// The workflow is stopping: what would be sent now would never be reported.
			if (run.stoppedBy) throw new RunStoppedError();
			const [first] = await context.makeRoutingRequest(timed);
			answer = first.json as unknown as ApiAnswer;
		} catch (caught) {
			error = caught;
		}
		const failure = answer ? outcomeOfAnswer(answer) : outcomeOfError(error);
		item.lastFailure = failure;
		if (failure && attempt <= settings.maxRetries && mayRetry(item.policy, failure)) {
			const asked = answer?.retryAfter ?? (error as SmsPartnerFailure)?.details?.retryAfter;
			const askedMs = parseRetryAfter(asked, Date.now());
			const wait = retryDelayMs(attempt, settings.retryDelayMs, askedMs);
			if (Date.now() - started + wait <= RETRY_WINDOW_MS) {
				afterLostAnswer ||= failure === 'unknown';
				await sleep(wait);
				continue;
			}
			const window = `the node's ${RETRY_WINDOW_MS / 1000} s retry window`;
			item.retryStoppedBecause =
				askedMs === undefined
					? `The next try would have started after ${window}.`
					: `SMS Partner asked to wait ${Math.ceil(askedMs / 1000)} s before another try, beyond ${window}.`;
		}
		if (!answer) throw error;
		item.answers?.push(answer.body);
		return { ...answer, afterLostAnswer };
	}
}

/** Sends one request and returns its body once checked: an API failure is thrown. */
export async function requestApi(
	context: IExecutePaginationFunctions,
	request: RequestData,
): Promise<JsonObject> {
	const { body, httpStatus } = await sendRequest(context, request);
	return checkApiResponse(body, httpStatus);
}
