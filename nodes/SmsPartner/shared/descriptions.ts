import type { INodeProperties } from 'n8n-workflow';

/**
 * The "Options" collection that every operation offers. SMS Partner reads `_format` from the
 * query on GET and from the JSON body on POST.
 */
export function operationOptions(
	resource: string,
	operation: string,
	method: 'GET' | 'POST' | 'DELETE' = 'GET',
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource: [resource], operation: [operation] } },
		options: [
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
				routing: { send: { type: method === 'GET' ? 'query' : 'body', property: '_format' } },
			},
		],
	};
}

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
