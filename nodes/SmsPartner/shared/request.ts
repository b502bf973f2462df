import type {
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	JsonObject,
} from 'n8n-workflow';

import { checkApiResponse, type ApiAnswer } from './response';
import type { RequestData } from './run-operation';

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

/**
 * The answers received for each item, kept for the "Raw Response" option. Keyed by the item's
 * own context object, which the engine creates per item.
 */
const rawAnswers = new WeakMap<IExecuteSingleFunctions, JsonObject[]>();

/** Starts collecting the answers of the current item; returns the list they go into. */
export function collectAnswers(context: IExecuteSingleFunctions): JsonObject[] {
	const answers: JsonObject[] = [];
	rawAnswers.set(context, answers);
	return answers;
}

/** Sends one request through the routing (credential, postReceive) and returns the parsed answer. */
export async function sendRequest(
	context: IExecutePaginationFunctions,
	request: RequestData,
): Promise<ApiAnswer> {
	const [first] = await context.makeRoutingRequest(request);
	const answer = first.json as unknown as ApiAnswer;
	rawAnswers.get(context)?.push(answer.body);
	return answer;
}

/** Sends one request and returns its body once checked: an API failure is thrown. */
export async function requestApi(
	context: IExecutePaginationFunctions,
	request: RequestData,
): Promise<JsonObject> {
	const { body, httpStatus } = await sendRequest(context, request);
	return checkApiResponse(body, httpStatus);
}
