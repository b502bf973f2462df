import {
	NodeApiError,
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INode,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { explainApiError, type ApiErrorTexts } from './api-errors';
import { redactSecret } from './redact';
import {
	currentNodeRun,
	readResponseFormat,
	RunStoppedError,
	startItemRequests,
	type ItemRequests,
	type NodeRun,
} from './request';
import { SmsPartnerFailure } from './response';
import { networkCodeOf, type RetryPolicy } from './retry';
import { checkBoolean, InvalidParameterError } from './validation';

export type RequestData = DeclarativeRestApiSettings.ResultOptions;

/** Does the work of one operation for the current item and returns its output rows. */
export type OperationRun = (
	this: IExecutePaginationFunctions,
	request: RequestData,
) => Promise<IDataObject[]>;

type NodeError = NodeApiError | NodeOperationError;

/**
 * A failure after part of an item's work was done (the first batches of a send): the error says
 * what was done, so that it is not done twice.
 */
export class PartlyDoneError extends Error {
	constructor(
		readonly failure: unknown,
		/** Short, for the message, e.g. "3 of 20 batches had been sent". */
		readonly summary: string,
		/** Complete, for the description: what was done, with its IDs. */
		readonly details: string,
	) {
		super(summary);
	}
}

const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was closed before an answer arrived',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be resolved',
	EHOSTUNREACH: 'the host is unreachable',
	ETIMEDOUT: 'no answer came in time',
	ECONNABORTED: 'no answer came in time',
	ERR_CANCELED: 'the request was cancelled',
};

const TRY_LATER = 'Try again later.';
const CHECK_BASE_URL = 'Check the Base URL of the credential and the network, then try again.';

/** What went wrong (`what`), what to do about it (`todo`), and the details. */
interface FailureText {
	what: string;
	todo: string;
	description: string;
}

function httpFailureText(status: number): Omit<FailureText, 'description'> {
	if (status === 404) {
		return {
			what: 'The API address was not found.',
			todo: 'Check the Base URL of the credential: it ends with /v1, e.g. https://api.smspartner.fr/v1.',
		};
	}
	if (status === 429) return { what: '', todo: explainApiError(429) };
	if (status >= 500) return { what: 'SMS Partner is unavailable or failed.', todo: TRY_LATER };
	return { what: 'SMS Partner refused the request without saying why.', todo: '' };
}

function bodyDescription(bodyExcerpt: string | undefined): string {
	return bodyExcerpt ? `Body of the answer: ${bodyExcerpt}` : 'The answer had no body.';
}

function describeFailure(failure: SmsPartnerFailure, operationErrors: ApiErrorTexts): FailureText {
	const { code, apiMessage, fieldErrors = [], bodyExcerpt } = failure.details;
	const status = failure.httpStatus;
	if (failure.kind === 'api') {
		const lines = [];
		if (apiMessage) lines.push(`SMS Partner said: "${apiMessage}"`);
		for (const { field, message } of fieldErrors) lines.push(`${field}: ${message}`);
		lines.push(`(HTTP ${status})`);
		return {
			what: `SMS Partner error ${code ?? 'without code'}:`,
			todo: explainApiError(code ?? -1, operationErrors),
			description: lines.join('\n'),
		};
	}
	if (failure.kind === 'http') {
		const { what, todo } = httpFailureText(status);
		return {
			what: `SMS Partner HTTP error ${status}:${what ? ` ${what}` : ''}`,
			todo,
			description: bodyDescription(bodyExcerpt),
		};
	}
	return {
		what: `SMS Partner sent an answer that could not be read (HTTP ${status}).`,
		todo: 'Try again; if it persists, check the Base URL of the credential.',
		description: bodyDescription(bodyExcerpt),
	};
}

/** How the item's requests went, when it adds to the error: retries, and what may have happened. */
function requestHistory(requests: ItemRequests): {
	uncertainOutcome?: string;
	notes: string[];
} {
	const notes = [];
	if (requests.attempts > 1) notes.push(`Tried ${requests.attempts} times.`);
	if (requests.retryStoppedBecause) notes.push(requests.retryStoppedBecause);
	const { policy, lastFailure } = requests;
	const uncertain = lastFailure === 'unknown' && !policy.retryLostAnswers;
	return { uncertainOutcome: uncertain ? policy.uncertainOutcome : undefined, notes };
}

/**
 * Turns whatever went wrong into a NodeApiError or NodeOperationError that says what happened
 * and what to do, with nothing of the original error kept: request errors carry the request
 * options, and with them the API key. When the request may have been carried out all the same
 * (a lost answer to a send), that replaces the usual advice to try again.
 */
function toNodeError(
	this: IExecutePaginationFunctions,
	error: unknown,
	operationErrors: ApiErrorTexts,
	apiKey: string | undefined,
	itemRequests: ItemRequests,
): NodeError {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const clean = (text: string) => redactSecret(text, apiKey);

	if (error instanceof PartlyDoneError) {
		const nodeError = toNodeError.call(this, error.failure, operationErrors, apiKey, itemRequests);
		nodeError.message = `${nodeError.message} (${error.summary} before this failure)`;
		nodeError.description = [nodeError.description, error.details].filter(Boolean).join('\n');
		return nodeError;
	}
	if (error instanceof InvalidParameterError) {
		return new NodeOperationError(node, clean(`${error.message}. ${error.hint}`), {
			itemIndex,
			description: `Parameter "${error.parameter}" was checked before sending; no request was sent.`,
		});
	}

	let text: FailureText;
	let errorResponse: JsonObject;
	const networkCode = networkCodeOf(error);
	if (error instanceof SmsPartnerFailure) {
		text = describeFailure(error, operationErrors);
		errorResponse = { smsPartnerCode: error.details.code ?? null, httpStatus: error.httpStatus };
	} else if (networkCode) {
		const what = NETWORK_FAILURES[networkCode] ?? `the request failed (${networkCode})`;
		text = {
			what: `Could not reach SMS Partner: ${what}.`,
			todo: CHECK_BASE_URL,
			description: `Network error ${networkCode}.`,
		};
		errorResponse = { networkError: networkCode };
	} else {
		const message = clean(error instanceof Error ? error.message : String(error));
		return new NodeOperationError(node, `The SMS Partner node failed: ${message}`, { itemIndex });
	}

	const { uncertainOutcome, notes } = requestHistory(itemRequests);
	const message = [text.what, uncertainOutcome ?? text.todo].filter(Boolean).join(' ');
	const description = [text.description, ...notes].join('\n');
	return new NodeApiError(node, errorResponse, {
		message: clean(message),
		description: clean(description),
		// A network code here would make n8n swap the message for its own generic text.
		httpCode: error instanceof SmsPartnerFailure ? String(error.httpStatus) : undefined,
		itemIndex,
	});
}

/**
 * n8n keeps no result of a node run that stops the workflow, and does not stop the other items'
 * requests: the error says what was carried out all the same, which matters for sends.
 */
function withStopNote(error: NodeError, itemsDone: number, itemCount: number): NodeError {
	if (itemCount < 2) return error;
	const done =
		itemsDone === 0
			? 'No other item had been carried out.'
			: `${itemsDone} other item${itemsDone === 1 ? ' had' : 's had'} been carried out already; n8n does not show their results when the workflow stops.`;
	const note = `${done} No request was started after this failure; requests already under way were left to finish. To keep every item's result, set the node's On Error setting to a Continue option.`;
	error.description = [error.description, note].filter(Boolean).join('\n');
	return error;
}

/** The error of an item whose request was not started because another item stopped the run. */
function notSentError(
	node: INode,
	itemIndex: number,
	stoppedBy: NonNullable<NodeRun['stoppedBy']>,
): NodeOperationError {
	return new NodeOperationError(node, stoppedBy.message, {
		itemIndex,
		description: `This item was not sent: the item at index ${stoppedBy.itemIndex} failed first, with this error, and the workflow stops on error.`,
	});
}

/**
 * The item of a failed input item under "continue". No `error` property on the item: the engine
 * would replace its JSON with the message alone. On the error output only `error`: every n8n from
 * 1.x on recognises `{ error }` as an error item and adds the input item's fields to it, while
 * 2.x before 2.41 leave `{ error, details }` on the success output, where it passes for a result.
 */
function errorItemJson(error: NodeError, onError: string | undefined): IDataObject {
	if (onError === 'continueErrorOutput') return { error: error.message };
	const details: IDataObject = {};
	const response = (error as NodeApiError).errorResponse as JsonObject | undefined;
	if (typeof response?.smsPartnerCode === 'number') details.code = response.smsPartnerCode;
	if (typeof response?.httpStatus === 'number') details.httpStatus = response.httpStatus;
	if (error.description) details.description = error.description;
	return { error: error.message, details };
}

/**
 * Wraps an operation as the `routing.operations.pagination` hook, the one place where the engine
 * lets a declarative node catch its own request errors per item. Every output item, result or
 * error, is linked to its input item: the engine's own error items are not (n8n issue 30050).
 */
export function runForEachItem(
	run: OperationRun,
	operationErrors: ApiErrorTexts,
	retryPolicy: RetryPolicy,
) {
	return async function (
		this: IExecutePaginationFunctions,
		request: RequestData,
	): Promise<INodeExecutionData[]> {
		const pairedItem = { item: this.getItemIndex() };
		const itemRequests = startItemRequests(this, retryPolicy);
		const nodeRun = currentNodeRun(this);
		// An item holds its slot until its outcome is known, so that after a failure that stops
		// the workflow no other item starts; an item's own requests go one after the other.
		return await nodeRun.slots.run(async () => {
			try {
				if (nodeRun.stoppedBy) throw new RunStoppedError();
				itemRequests.responseFormat = readResponseFormat(this);
				const raw = checkBoolean(
					this.getNodeParameter('options.rawResponse', false),
					'Raw Response',
				);
				// Kept only when asked: a long list would otherwise be held twice.
				if (raw) itemRequests.answers = [];
				const rows = await run.call(this, request);
				nodeRun.itemsDone++;
				return (itemRequests.answers ?? rows).map((json) => ({ json, pairedItem }));
			} catch (error) {
				if (error instanceof RunStoppedError && nodeRun.stoppedBy) {
					throw notSentError(this.getNode(), this.getItemIndex(), nodeRun.stoppedBy);
				}
				const credentials = await this.getCredentials('smsPartnerApi').catch(() => undefined);
				const apiKey = typeof credentials?.apiKey === 'string' ? credentials.apiKey : undefined;
				const nodeError = toNodeError.call(this, error, operationErrors, apiKey, itemRequests);
				if (this.continueOnFail())
					return [{ json: errorItemJson(nodeError, this.getNode().onError), pairedItem }];
				nodeRun.stoppedBy ??= { message: nodeError.message, itemIndex: this.getItemIndex() };
				const itemCount = this.getExecuteData().data.main?.[0]?.length ?? 1;
				throw withStopNote(nodeError, nodeRun.itemsDone, itemCount);
			}
		});
	};
}
