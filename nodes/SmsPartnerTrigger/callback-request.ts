import type { IDataObject } from 'n8n-workflow';

import { bodyFromText, callbackItems, type CallbackEvent } from './callback-items';

/** Every event the trigger can listen to; '*' in the Events parameter stands for all of them. */
export const ALL_EVENTS = '*';
/** Payloads one call may carry at most: SMS Partner posts one; more is a forged or broken call. */
export const MAX_EVENTS_PER_CALL = 1000;
/** Default Max Body Size: a callback is a few hundred bytes; a list of them stays far below. */
export const DEFAULT_MAX_BODY_KB = 64;

/** What the trigger reads of an HTTP call. */
export interface CallbackCall {
	method: string;
	query: IDataObject;
	/** Bytes of the body (as declared by Content-Length until it is read). */
	bodyBytes: number;
	/** The body as n8n parsed it (JSON, form fields or text); read only once the call passed the checks. */
	readBody(): unknown;
	receivedAt: Date;
}

/** The trigger's parameters, checked. */
export interface TriggerSettings {
	events: string[];
	/** Empty: no token asked. */
	secretToken: string;
	maxBodyBytes: number;
	ignoreUnknown: boolean;
}

/** How to answer a call, and the items to start the workflow with (none: not started). */
export interface CallbackAnswer {
	status: number;
	body: IDataObject;
	items: IDataObject[];
}

/**
 * Compares a secret in a time that does not depend on where the first difference is, so that the
 * answer times do not tell a forger how much of a guess was right.
 */
export function sameSecret(given: string, expected: string): boolean {
	let difference = given.length ^ expected.length;
	for (let index = 0; index < expected.length; index++) {
		difference |= (given.charCodeAt(index) || 0) ^ expected.charCodeAt(index);
	}
	return difference === 0;
}

export function listensTo(events: string[], event: CallbackEvent): boolean {
	return events.includes(ALL_EVENTS) || events.includes(event);
}

function isEmpty(body: unknown): boolean {
	if (body === undefined || body === null) return true;
	if (typeof body === 'string') return body.trim() === '';
	return typeof body === 'object' && Object.keys(body).length === 0;
}

const refused = (status: number, error: string): CallbackAnswer => ({
	status,
	body: { received: false, error },
	items: [],
});

/**
 * The answer to one call. Checked in this order, so that nothing is read of a forged call: the
 * token, the method (a GET is a health check, answered without starting the workflow), the size,
 * then the payloads, of which only the events listened to start the workflow.
 */
export function answerCallback(call: CallbackCall, settings: TriggerSettings): CallbackAnswer {
	if (settings.secretToken !== '') {
		const token = call.query.token;
		if (typeof token !== 'string' || !sameSecret(token, settings.secretToken)) {
			return refused(403, 'The token of this URL is missing or wrong.');
		}
	}
	if (call.method === 'GET') {
		return {
			status: 200,
			body: {
				received: false,
				message: 'SMS Partner Trigger is listening. SMS Partner posts its callbacks here (POST).',
			},
			items: [],
		};
	}
	if (call.bodyBytes > settings.maxBodyBytes) {
		return refused(
			413,
			`The body has ${call.bodyBytes} bytes; this trigger takes at most ${settings.maxBodyBytes} (Options > Max Body Size).`,
		);
	}
	const read = call.readBody();
	const body = typeof read === 'string' ? bodyFromText(read) : read;
	if (isEmpty(body)) {
		return {
			status: 200,
			body: { received: false, message: 'The body is empty: the workflow was not started.' },
			items: [],
		};
	}
	if (Array.isArray(body) && body.length > MAX_EVENTS_PER_CALL) {
		return refused(
			413,
			`The body holds ${body.length} payloads; this trigger takes at most ${MAX_EVENTS_PER_CALL} a call.`,
		);
	}
	const all = callbackItems(body, call.receivedAt);
	const items = all.filter(({ event }) =>
		event === 'unknown'
			? !settings.ignoreUnknown
			: listensTo(settings.events, event as CallbackEvent),
	);
	return {
		status: 200,
		body: {
			received: true,
			started: items.length > 0,
			events: items.length,
			ignored: all.length - items.length,
		},
		items,
	};
}
