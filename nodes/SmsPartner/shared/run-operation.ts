import {
	NodeApiError,
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { explainApiError, type ApiErrorTexts } from './api-errors';
import { redactSecret } from './redact';
import { collectAnswers } from './request';
import { SmsPartnerFailure } from './response';
import { InvalidParameterError } from './validation';

export type RequestData = DeclarativeRestApiSettings.ResultOptions;

/** Does the work of one operation for the current item and returns its output rows. */
export type OperationRun = (
	this: IExecutePaginationFunctions,
	request: RequestData,
) => Promise<IDataObject[]>;

type NodeError = NodeApiError | NodeOperationError;

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

function networkCodeOf(error: unknown): string | undefined {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const code = (candidate as { code?: unknown })?.code;
		if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
	}
	return undefined;
}

function httpStatusText(status: number): string {
	if (status === 404) {
		return 'The API address was not found. Check the Base URL of the credential: it ends with /v1, e.g. https://api.smspartner.fr/v1.';
	}
	if (status === 429) return explainApiError(429);
	if (status >= 500) return 'SMS Partner is unavailable or failed. Try again later.';
	return 'SMS Partner refused the request without saying why.';
}

function describeFailure(failure: SmsPartnerFailure, operationErrors: ApiErrorTexts) {
	const { code, apiMessage, fieldErrors = [], bodyExcerpt } = failure.details;
	const status = failure.httpStatus;
	if (failure.kind === 'api') {
		const lines = [];
		if (apiMessage) lines.push(`SMS Partner said: "${apiMessage}"`);
		for (const { field, message } of fieldErrors) lines.push(`${field}: ${message}`);
		lines.push(`(HTTP ${status})`);
		return {
			message: `SMS Partner error ${code ?? 'without code'}: ${explainApiError(code ?? -1, operationErrors)}`,
			description: lines.join('\n'),
		};
	}
	if (failure.kind === 'http') {
		return {
			message: `SMS Partner HTTP error ${status}: ${httpStatusText(status)}`,
			description: bodyExcerpt ? `Body of the answer: ${bodyExcerpt}` : 'The answer had no body.',
		};
	}
	return {
		message: `SMS Partner sent an answer that could not be read (HTTP ${status}). Try again; if it persists, check the Base URL of the credential.`,
		description: bodyExcerpt ? `Body of the answer: ${bodyExcerpt}` : 'The answer had no body.',
	};
}

/**
 * Turns whatever went wrong into a NodeApiError or NodeOperationError that says what happened
 * and what to do, with nothing of the original error kept: request errors carry the request
 * options, and with them the API key.
 */
function toNodeError(
	this: IExecutePaginationFunctions,
	error: unknown,
	operationErrors: ApiErrorTexts,
	apiKey: string | undefined,
): NodeError {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const clean = (text: string) => redactSecret(text, apiKey);

	if (error instanceof InvalidParameterError) {
		return new NodeOperationError(node, clean(`${error.message}. ${error.hint}`), {
			itemIndex,
			description: `Parameter "${error.parameter}" was checked before sending; no request was sent.`,
		});
	}
	if (error instanceof SmsPartnerFailure) {
		const { message, description } = describeFailure(error, operationErrors);
		const code = error.details.code;
		return new NodeApiError(
			node,
			{ smsPartnerCode: code ?? null, httpStatus: error.httpStatus },
			{
				message: clean(message),
				description: clean(description),
				httpCode: String(error.httpStatus),
				itemIndex,
			},
		);
	}
	const networkCode = networkCodeOf(error);
	if (networkCode) {
		const what = NETWORK_FAILURES[networkCode] ?? `the request failed (${networkCode})`;
		return new NodeApiError(
			node,
			{ networkError: networkCode },
			{
				message: `Could not reach SMS Partner: ${what}. Check the Base URL of the credential and the network, then try again.`,
				description: `Network error ${networkCode}.`,
				itemIndex,
			},
		);
	}
	const text = clean(error instanceof Error ? error.message : String(error));
	return new NodeOperationError(node, `The SMS Partner node failed: ${text}`, { itemIndex });
}

/**
 * The item of a failed input item under "continue". Only `error`, `message` and `details` keys:
 * that is how the engine recognises an error item for the error output, where it also adds the
 * input item's fields. No `error` property, which the engine would use to strip `details`.
 */
function errorItemJson(error: NodeError): IDataObject {
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
export function runForEachItem(run: OperationRun, operationErrors: ApiErrorTexts = {}) {
	return async function (
		this: IExecutePaginationFunctions,
		request: RequestData,
	): Promise<INodeExecutionData[]> {
		const pairedItem = { item: this.getItemIndex() };
		const answers = collectAnswers(this);
		try {
			const rows = await run.call(this, request);
			const raw = this.getNodeParameter('options.rawResponse', false) === true;
			return (raw ? answers : rows).map((json) => ({ json, pairedItem }));
		} catch (error) {
			const credentials = await this.getCredentials('smsPartnerApi').catch(() => undefined);
			const apiKey = typeof credentials?.apiKey === 'string' ? credentials.apiKey : undefined;
			const nodeError = toNodeError.call(this, error, operationErrors, apiKey);
			if (!this.continueOnFail()) throw nodeError;
			return [{ json: errorItemJson(nodeError), pairedItem }];
		}
	};
}
