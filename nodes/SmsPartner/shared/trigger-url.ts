import type { IDataObject } from 'n8n-workflow';

import { InvalidParameterError, shown } from './validation';

/**
 * The key, in the workflow's global static data, under which each active SMS Partner Trigger of
 * the workflow registers its production URL and the events it listens to, by node name.
 */
export const TRIGGER_URLS_KEY = 'smsPartnerTriggerUrls';

export type TriggerEvent = 'deliveryReport' | 'reply' | 'stop' | 'numberCheck';

/** `events` holds the trigger's Events values, '*' for all. */
export type TriggerRegistration = { url: string; events: string[] };

const ALL_EVENTS = '*';

/** STOP replies come to the Reply URL of a send, like the other replies. */
const SAME_URL: Record<TriggerEvent, readonly string[]> = {
	deliveryReport: ['deliveryReport'],
	reply: ['reply', 'stop'],
	stop: ['reply', 'stop'],
	numberCheck: ['numberCheck'],
};

/** What a message calls each event, and the name of its choice in the trigger's Events. */
const EVENT_NAMES: Record<TriggerEvent, { label: string; choice: string }> = {
	deliveryReport: { label: 'delivery reports', choice: 'Delivery Report' },
	reply: { label: 'replies', choice: 'Reply' },
	stop: { label: 'STOP replies', choice: 'STOP' },
	numberCheck: { label: 'number check results', choice: 'Number Check Result' },
};

/** Trigger names shown in a message; static data may hold any number of them. */
const NAMES_SHOWN = 5;
const WEB_URL = /^https?:\/\/\S+$/i;

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The registrations as stored, whatever else the key holds; nothing when it is no object. */
function storedRegistrations(staticData: IDataObject): IDataObject {
	const registry = staticData[TRIGGER_URLS_KEY];
	return isRecord(registry) ? registry : {};
}

/** Called by a trigger when its workflow is activated. */
export function registerTriggerUrl(
	staticData: IDataObject,
	nodeName: string,
	registration: TriggerRegistration,
): void {
	// A new object rather than a change inside the old one, so that n8n sees the change and saves it.
	staticData[TRIGGER_URLS_KEY] = {
		...storedRegistrations(staticData),
		[nodeName]: { url: registration.url, events: [...registration.events] },
	};
}

/** Called by a trigger when its workflow is deactivated; the key goes with the last one. */
export function unregisterTriggerUrl(staticData: IDataObject, nodeName: string): void {
	const others = { ...storedRegistrations(staticData) };
	delete others[nodeName];
	if (Object.keys(others).length === 0) delete staticData[TRIGGER_URLS_KEY];
	else staticData[TRIGGER_URLS_KEY] = others;
}

interface Listener {
	name: string;
	url: string;
	events: string[];
}

/** The well-formed registrations; static data can hold anything, and the rest counts as absent. */
function listenersIn(staticData: unknown): Listener[] {
	if (!isRecord(staticData)) return [];
	return Object.entries(storedRegistrations(staticData)).flatMap(([name, entry]) => {
		if (!isRecord(entry)) return [];
		const { url, events } = entry;
		if (typeof url !== 'string' || !WEB_URL.test(url) || !Array.isArray(events)) return [];
		return [{ name, url, events: events.filter((value) => typeof value === 'string') }];
	});
}

const listensTo = (listener: Listener, event: TriggerEvent) =>
	listener.events.some((value) => value === ALL_EVENTS || SAME_URL[event].includes(value));

function namesOf(listeners: Listener[]): string {
	const names = listeners.slice(0, NAMES_SHOWN).map(({ name }) => shown(name));
	const more = listeners.length - names.length;
	return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
}

/**
 * The production URL of the one active SMS Partner Trigger of this workflow that listens to
 * `event`, for the parameter `field` that stands in for the URL parameter `urlField`.
 */
export function triggerUrlFor(
	staticData: IDataObject,
	event: TriggerEvent,
	field: string,
	urlField: string,
): string {
	const registered = listenersIn(staticData);
	const { label, choice } = EVENT_NAMES[event];
	// n8n gives some runs no static data (n8n 1 manual runs, queue-mode workers): they see no trigger.
	if (registered.length === 0) {
		throw new InvalidParameterError(
			field,
			`${field}: this run sees no active SMS Partner Trigger of this workflow`,
			`Add an SMS Partner Trigger to this workflow and publish (activate) it: n8n then knows the trigger's production URL, in the runs it gives the workflow's static data. Some runs never see it: manual runs in n8n 1, and in queue mode the runs on workers (production runs, and from n8n 3.0 every manual run). There, fill in ${urlField} with the trigger's Production URL (the trigger's panel shows it under Webhook URLs; with a Secret Token, add ?token=<the token>) and stop using ${field}.`,
		);
	}
	const listening = registered.filter((listener) => listensTo(listener, event));
	if (listening.length === 0) {
		throw new InvalidParameterError(
			field,
			`${field}: no SMS Partner Trigger of this workflow listens to ${label} (active: ${namesOf(registered)})`,
			`Add ${choice} to the Events of one of them, then publish (activate) the workflow again so that n8n registers the change; or fill in ${urlField} instead.`,
		);
	}
	if (listening.length > 1) {
		throw new InvalidParameterError(
			field,
			`${field}: ${listening.length} SMS Partner Triggers of this workflow listen to ${label} (${namesOf(listening)}), so which URL to use is unclear`,
			`Fill in ${urlField} with the Production URL of the trigger to use, instead of ${field}; or keep ${choice} in the Events of only one of them.`,
		);
	}
	return listening[0].url;
}
