import { ENDPOINTS, type EndpointContext } from './endpoints';
import { ApiError, errorAnswer, httpStatusFor, ValidationError } from './errors';
import { toXml, type JsonObject, type XmlOptions } from './xml';

export const API_PREFIX = '/v1';

export interface ApiRequest {
	method: string;
	/** Path after API_PREFIX, e.g. '/send'. */
	path: string;
	query: Record<string, string>;
	rawBody: string;
}

export interface HttpReply {
	status: number;
	headers: Record<string, string>;
	text: string;
}

export interface ApiResponse extends HttpReply {
	/** The `code` of the answer. */
	code: number;
}

/** Answers one API request: routing, body parsing, authentication, format and errors. */
export function answerApiRequest(request: ApiRequest, context: EndpointContext): ApiResponse {
	const endpoint = Object.hasOwn(ENDPOINTS, request.path) ? ENDPOINTS[request.path] : undefined;
	let wantsXml = isXml(request.query._format);
	const reply = (answer: JsonObject, status: number, xml?: XmlOptions): ApiResponse => ({
		status,
		code: answer.code as number,
		headers: {
			'content-type': wantsXml ? 'application/xml; charset=utf-8' : 'application/json',
		},
		text: wantsXml ? toXml(answer, xml) : JSON.stringify(answer),
	});
	const fail = (error: ApiError | ValidationError): ApiResponse =>
		reply(
			errorAnswer(error, context.settings.validationErrorKey),
			httpStatusFor(error, context.settings.errorStatus),
		);

	if (endpoint === undefined) return fail(new ApiError(404, undefined, true));
	if (request.method !== endpoint.method) {
		const response = fail(new ApiError(405));
		response.headers.allow = endpoint.method;
		return response;
	}

	let params: Record<string, unknown> = request.query;
	if (endpoint.method !== 'GET') {
		// The body is JSON whatever the Content-Type: the official PHP sample sends none [INF].
		const body = parseJsonObject(request.rawBody);
		if (body === undefined) return fail(new ApiError(90));
		params = body;
		if (body._format !== undefined) wantsXml = isXml(body._format);
	}

	try {
		const apiKey = params.apiKey;
		if (typeof apiKey !== 'string' || apiKey === '') throw new ApiError(1);
		const account = context.state.account(apiKey);
		if (account === undefined) throw new ApiError(10);
		const { answer, xml } = endpoint.handle(account, params, context);
		return reply(answer, 200, xml);
	} catch (error) {
		if (error instanceof ApiError || error instanceof ValidationError) return fail(error);
		return fail(new ApiError(500));
	}
}

/** An empty body counts as `{}`, so a POST without one fails on its missing key. */
function parseJsonObject(text: string): Record<string, unknown> | undefined {
	if (text.trim() === '') return {};
	try {
		const value: unknown = JSON.parse(text);
		const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
		return isObject ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

function isXml(format: unknown): boolean {
	return typeof format === 'string' && format.toLowerCase() === 'xml';
}
