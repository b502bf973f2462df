import type { IDataObject, IExecutePaginationFunctions, JsonObject } from 'n8n-workflow';

import { checkApiResponse, type ApiAnswer } from './response';
import type { RequestData } from './run-operation';

/** A copy of the operation's request with more query parameters; the original stays untouched. */
export function withQuery(request: RequestData, query: IDataObject): RequestData {
	return {
		...request,
		options: { ...request.options, qs: { ...request.options.qs, ...query } },
	};
}

/** Sends one request through the routing (credential, postReceive) and returns the parsed answer. */
export async function sendRequest(
	context: IExecutePaginationFunctions,
	request: RequestData,
): Promise<ApiAnswer> {
	const [first] = await context.makeRoutingRequest(request);
	return first.json as unknown as ApiAnswer;
}

/** Sends one request and returns its body once checked: an API failure is thrown. */
export async function requestApi(
	context: IExecutePaginationFunctions,
	request: RequestData,
): Promise<JsonObject> {
	const { body, httpStatus } = await sendRequest(context, request);
	return checkApiResponse(body, httpStatus);
}
