import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_CONCURRENT_REQUESTS } from './concurrency';
import { DEFAULT_MAX_RETRIES, DEFAULT_RETRY_DELAY_MS, MAX_RETRIES, RETRY_WINDOW_MS } from './retry';

/**
 * The "Options" collection, one for every operation: n8n evaluates each property of a declarative
 * node for each item, so one shared collection costs less than one per operation. Response
 * Format goes out as `_format` where SMS Partner reads it (see `sendRequest`).
 */
export const operationOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrentRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
			default: DEFAULT_MAX_CONCURRENT_REQUESTS,
			noDataExpression: true,
			description:
				'How many input items this node works on at once, each with one request to SMS Partner in flight at a time, e.g. 10. Lower it when SMS Partner answers "too many requests" (HTTP 429).',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: MAX_RETRIES, numberPrecision: 0 },
			default: DEFAULT_MAX_RETRIES,
			noDataExpression: true,
			description: `How many times a request that failed for a temporary reason is sent again, e.g. 3; 0 turns retries off. Reads and cancels are retried after rate limits (HTTP 429), server errors (5xx), lost or cut answers and network errors; sends and other changes only when SMS Partner certainly did not take them (HTTP 429, connection refused), never after a lost answer. No retry starts more than ${RETRY_WINDOW_MS / 1000} seconds after the first attempt.`,
		},
		{
			displayName: 'Raw Response',
			name: 'rawResponse',
			type: 'boolean',
			default: false,
			description:
				"Whether to output SMS Partner's answer exactly as received, one item per request, instead of the shaped items",
		},
		{
			displayName: 'Response Format',
			name: 'responseFormat',
			type: 'options',
			options: [
				{ name: 'JSON', value: 'json' },
				{ name: 'XML', value: 'xml' },
			],
			default: 'json',
			description:
				'The format SMS Partner answers in (_format). The output items are the same either way; choose XML only when a proxy in between requires it.',
		},
		{
			displayName: 'Retry Delay (Ms)',
			name: 'retryDelay',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: DEFAULT_RETRY_DELAY_MS,
			noDataExpression: true,
			description:
				'Milliseconds to wait before the first retry, e.g. 1000; each next wait is about twice as long. When SMS Partner sends a Retry-After header, its wait is used instead.',
		},
	],
};

/** "Return All" and "Limit" of the operations that list things; read back with `readLimit`. */
export function returnAllAndLimit(resource: string, operation: string): INodeProperties[] {
	const show = { resource: [resource], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/**
 * The canvas subtitle, e.g. "SMS: Get Status by Tag": an expression that looks the labels up
 * from the chosen resource and operation, since n8n shows the expression's value as it is.
 */
export function resourceOperationSubtitle(properties: INodeProperties[]): string {
	const resource = properties.find((property) => property.name === 'resource');
	const resourceName = (value: unknown) =>
		resource?.options?.find((option) => 'value' in option && option.value === value)?.name;
	const labels: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const resourceValue of property.displayOptions?.show?.resource ?? []) {
			for (const option of property.options ?? []) {
				if (!('value' in option)) continue;
				labels[`${String(resourceValue)}:${String(option.value)}`] =
					`${resourceName(resourceValue) ?? String(resourceValue)}: ${option.name}`;
			}
		}
	}
	return `={{ ${JSON.stringify(labels)}[$parameter["resource"] + ":" + $parameter["operation"]] ?? "" }}`;
}
