import type { HttpReply } from './api';

export const FAULT_KINDS = [
	'http-500',
	'http-502-html',
	'http-429',
	'cut-body',
	'not-json',
	'broken-xml',
	'reset',
	'hang',
	'echo-key-500',
] as const;

/**
 * - 'http-500': HTTP 500 with a JSON error body.
 * - 'http-502-html': HTTP 502 with the HTML page of a proxy.
 * - 'http-429': HTTP 429 with a JSON error body, whatever the errorStatus setting.
 * - 'cut-body': HTTP 200, application/json, a JSON body cut in the middle (the HTTP framing is sound).
 * - 'not-json': HTTP 200, text/plain, a text that is neither JSON nor XML.
 * - 'broken-xml': HTTP 200, application/xml, an XML document left unclosed.
 * - 'reset': the connection is reset without any answer.
 * - 'hang': no answer ever; the connection stays open until the client gives up or the simulator closes.
 * - 'echo-key-500': HTTP 500 whose JSON body echoes the request URL and raw body, API key included,
 *   as some servers' error pages do.
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Makes /v1 requests fail as a real API or a proxy in front of it can. Rules apply in the order
 * added; the first that matches a request answers it and uses up one of its `times`. A faulted
 * request is still recorded, with its `fault`.
 */
export interface FaultRule {
	fault: FaultKind;
	/** API path without the /v1 prefix, e.g. '/message-cancel'; absent: every API path. */
	path?: string;
	/** Only requests whose raw URL (path + query) or raw body contains this text. */
	match?: string;
	/** How many matching requests get the fault; absent: all of them. After that, normal answers. */
	times?: number;
	/**
	 * The Retry-After header to send, as is: seconds (number) or an HTTP date (string).
	 * Absent: no header. Meant for 'http-429', allowed on every fault that answers.
	 */
	retryAfter?: number | string;
	/**
	 * Run the endpoint first, state changes included, then fail the answer: the request went
	 * through but its answer was lost. Absent: the endpoint never sees the request.
	 */
	afterProcessing?: boolean;
}

/** The faults that send no HTTP answer at all. */
type SilentFault = 'reset' | 'hang';

/** What a fault sends back: an HTTP answer, a reset connection, or nothing ever. */
export type FaultAnswer = HttpReply | SilentFault;

/** The parts of a /v1 request that rules match on and that 'echo-key-500' echoes. */
export interface FaultedRequest {
	method: string;
	/** Path after the /v1 prefix, e.g. '/send'. */
	apiPath: string;
	/** Path and query as the client sent them. */
	rawUrl: string;
	/** Host header, to echo the URL in full. */
	host?: string;
	rawBody: string;
}

interface RuleCheck {
	isValid: (value: unknown) => boolean;
	expected: string;
}

const RULE_CHECKS: { [K in keyof FaultRule]-?: RuleCheck } = {
	fault: {
		isValid: (value) => (FAULT_KINDS as readonly unknown[]).includes(value),
		expected: `one of ${FAULT_KINDS.join(', ')}`,
	},
	path: {
		isValid: (value) =>
			typeof value === 'string' && value.startsWith('/') && !/^\/v1(\/|$)/.test(value),
		expected: "an API path without the /v1 prefix, e.g. '/send'",
	},
	match: {
		isValid: (value) => typeof value === 'string' && value !== '',
		expected: 'a non-empty text',
	},
	times: {
		isValid: (value) => Number.isInteger(value) && (value as number) > 0,
		expected: 'a positive integer',
	},
	retryAfter: {
		isValid: (value) =>
			(Number.isInteger(value) && (value as number) >= 0) ||
			(typeof value === 'string' && /^[\x20-\x7e]+$/.test(value)),
		expected: 'whole seconds or an HTTP date',
	},
	afterProcessing: {
		isValid: (value) => typeof value === 'boolean',
		expected: 'true or false',
	},
};

/**
 * The rule `value` describes, or an error naming what is wrong: the control API passes untrusted
 * JSON here. Undefined values count as absent.
 */
function toFaultRule(value: unknown): FaultRule {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new Error('a fault rule must be an object');
	}
	const defined = Object.entries(value).filter(([, field]) => field !== undefined);
	for (const [key, field] of defined) {
		if (!Object.hasOwn(RULE_CHECKS, key)) throw new Error(`unknown fault rule key '${key}'`);
		const check = RULE_CHECKS[key as keyof FaultRule];
		if (!check.isValid(field)) {
			throw new Error(`invalid '${key}': ${JSON.stringify(field)} (expected ${check.expected})`);
		}
	}
	const rule = Object.fromEntries(defined) as unknown as FaultRule;
	if (rule.fault === undefined) {
		throw new Error(`a fault rule needs 'fault': ${RULE_CHECKS.fault.expected}`);
	}
	if (rule.retryAfter !== undefined && isSilent(rule.fault)) {
		throw new Error(`'retryAfter' needs an answer to carry it; '${rule.fault}' sends none`);
	}
	return rule;
}

/** The active rules; each keeps in `times` how many uses it has left. */
export class FaultRules {
	private readonly rules: FaultRule[] = [];

	add(rule: unknown): void {
		this.rules.push(toFaultRule(rule));
	}

	clear(): void {
		this.rules.length = 0;
	}

	list(): FaultRule[] {
		return this.rules.map((rule) => ({ ...rule }));
	}

	/** The first rule that applies to `request`, which uses up one of its times. */
	take(request: FaultedRequest): FaultRule | undefined {
		const index = this.rules.findIndex((rule) => appliesTo(rule, request));
		if (index === -1) return undefined;
		const rule = this.rules[index];
		if (rule.times !== undefined) {
			rule.times -= 1;
			if (rule.times === 0) this.rules.splice(index, 1);
		}
		return { ...rule };
	}
}

function appliesTo(rule: FaultRule, request: FaultedRequest): boolean {
	if (rule.path !== undefined && rule.path !== request.apiPath) return false;
	if (rule.match === undefined) return true;
	return request.rawUrl.includes(rule.match) || request.rawBody.includes(rule.match);
}

const PROXY_PAGE =
	'<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

/** What `rule` answers to `request`. */
export function faultAnswer(rule: FaultRule, request: FaultedRequest): FaultAnswer {
	if (isSilent(rule.fault)) return rule.fault;
	const reply = faultReply(rule.fault, request);
	if (rule.retryAfter !== undefined) reply.headers['retry-after'] = String(rule.retryAfter);
	return reply;
}

function isSilent(kind: FaultKind): kind is SilentFault {
	return kind === 'reset' || kind === 'hang';
}

function faultReply(kind: Exclude<FaultKind, SilentFault>, request: FaultedRequest): HttpReply {
	switch (kind) {
		case 'http-500':
			return jsonReply(500, { success: false, code: 500, message: 'Erreur interne' });
		case 'http-502-html':
			return textReply(502, 'text/html', PROXY_PAGE);
		case 'http-429':
			return jsonReply(429, { success: false, code: 429, message: 'Too many requests' });
		case 'cut-body':
			return textReply(200, 'application/json', '{"success":true,"code":200,"message_id":');
		case 'not-json':
			return textReply(200, 'text/plain; charset=utf-8', 'Service maintenance');
		case 'broken-xml':
			return textReply(
				200,
				'application/xml',
				'<?xml version="1.0" encoding="UTF-8"?><result><entry>true</entry><entry>200',
			);
		case 'echo-key-500':
			return jsonReply(500, {
				success: false,
				code: 500,
				message: 'Erreur interne',
				request: {
					method: request.method,
					url: `http://${request.host ?? '127.0.0.1'}${request.rawUrl}`,
					body: request.rawBody,
				},
			});
	}
}

export function jsonReply(status: number, value: unknown): HttpReply {
	return textReply(status, 'application/json', JSON.stringify(value));
}

function textReply(status: number, contentType: string, text: string): HttpReply {
	return { status, headers: { 'content-type': contentType }, text };
}
