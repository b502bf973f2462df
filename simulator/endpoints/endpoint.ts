import type { CallbackPoster } from '../callbacks';
import type { SimulatorClock } from '../clock';
import type { RuntimeSettings } from '../options';
import type { Account, SimulatorState } from '../state';
import type { JsonObject, XmlOptions } from '../xml';

export interface EndpointContext {
	state: SimulatorState;
	settings: RuntimeSettings;
	clock: SimulatorClock;
	callbacks: CallbackPoster;
}

export interface EndpointAnswer {
	answer: JsonObject;
	xml?: XmlOptions;
}

export interface Endpoint {
	method: 'GET' | 'POST' | 'DELETE';
	/** `params` is the query on GET and the JSON body on POST and DELETE, where the API reads each. */
	handle(
		account: Account,
		params: Record<string, unknown>,
		context: EndpointContext,
	): EndpointAnswer;
}

/** 1-based; anything but a positive integer reads as the first page. */
export function pageNumber(value: unknown): number {
	const text = typeof value === 'number' ? String(value) : value;
	const page = typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : 0;
	return page >= 1 ? page : 1;
}
