import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { isPrototypeKey } from './convert';
import { fieldErrorsOf, type FieldError } from './api-errors';
import { decodeSmsPartnerXml, type XmlShape } from './xml';

export type ResponseShape = ReadonlyArray<readonly [string, XmlShape]>;

export type FailureKind = 'api' | 'http' | 'unreadable';

/** A request that reached SMS Partner and came back without a usable result. */
export class SmsPartnerFailure extends Error {
	constructor(
		readonly kind: FailureKind,
		readonly httpStatus: number,
		readonly details: {
			code?: number;
			apiMessage?: string;
			fieldErrors?: FieldError[];
			bodyExcerpt?: string;
			/** The Retry-After header of the answer, as sent. */
			retryAfter?: string;
		} = {},
	) {
		super(details.apiMessage ?? kind);
	}
}

const EXCERPT_LENGTH = 300;

function excerpt(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

/**
 * No SMS Partner answer comes near this (the longest are unpaginated STOP lists, about 80
 * characters a number); a broken or hostile server can, and parsing it would exhaust memory.
 */
export const MAX_ANSWER_CHARS = 64 * 1024 * 1024;

function dropPrototypeKeys(key: string, value: unknown): unknown {
	return isPrototypeKey(key) ? undefined : value;
}

/**
 * Reads a body as SMS Partner sends it. The first character decides between JSON and XML, not
 * the format that was asked for: proxies and some errors answer JSON to an XML request.
 */
export function parseResponseBody(
	body: unknown,
	httpStatus: number,
	shape: ResponseShape,
	retryAfter?: string,
): JsonObject {
	if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body))
		return body as JsonObject;
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : String(body ?? '');
	if (text.length > MAX_ANSWER_CHARS) {
		throw new SmsPartnerFailure(httpStatus >= 400 ? 'http' : 'unreadable', httpStatus, {
			bodyExcerpt: `${excerpt(text.slice(0, EXCERPT_LENGTH))} (an answer of ${text.length} characters, more than the ${MAX_ANSWER_CHARS} the node reads)`,
			retryAfter,
		});
	}
	const start = text.trimStart().charAt(0);
	try {
		if (start === '{') {
			const parsed: unknown = JSON.parse(text, dropPrototypeKeys);
			if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
				return parsed as JsonObject;
			}
		} else if (start === '<' && /<result[\s>]/.test(text)) {
			return decodeSmsPartnerXml(text, shape) as JsonObject;
		}
	} catch {
		// Reported below with the body excerpt, which says more than the parser's message.
	}
	throw new SmsPartnerFailure(httpStatus >= 400 ? 'http' : 'unreadable', httpStatus, {
		bodyExcerpt: excerpt(text),
		retryAfter,
	});
}

/** SMS Partner reports failures in the body (`success: false`), with any HTTP status. */
export function checkApiResponse(body: JsonObject, httpStatus: number): JsonObject {
	if (body.success === true) return body;
	if (body.success === false) {
		const code = Number(body.code);
		throw new SmsPartnerFailure('api', httpStatus, {
			code: Number.isFinite(code) ? code : undefined,
			apiMessage: typeof body.message === 'string' ? body.message : undefined,
			fieldErrors: fieldErrorsOf(body),
		});
	}
	throw new SmsPartnerFailure(httpStatus >= 400 ? 'http' : 'unreadable', httpStatus, {
		bodyExcerpt: excerpt(JSON.stringify(body)),
	});
}

/** The list under `key` of a checked answer (none: empty); anything else is unreadable. */
export function listIn(body: JsonObject, key: string): JsonObject[] {
	const list = body[key] ?? [];
	if (!Array.isArray(list)) {
		throw new SmsPartnerFailure('unreadable', 200, { bodyExcerpt: `"${key}" is not a list` });
	}
	return list as JsonObject[];
}

/** An SMS Partner answer, parsed but not yet judged. */
export interface ApiAnswer {
	httpStatus: number;
	body: JsonObject;
	/** The Retry-After header, as sent. */
	retryAfter?: string;
}

/**
 * The postReceive hook of every operation: parses the answer (JSON or XML) into one item. It
 * does not judge it, so that a caller can treat some codes as normal (the end of a list).
 */
export function parseApiAnswer(shape: ResponseShape) {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const header = response.headers?.['retry-after'];
		const retryAfter = typeof header === 'string' ? header : undefined;
		const body = parseResponseBody(response.body, response.statusCode, shape, retryAfter);
		const answer: ApiAnswer = { httpStatus: response.statusCode, body, retryAfter };
		return [{ json: answer as unknown as JsonObject }];
	};
}
