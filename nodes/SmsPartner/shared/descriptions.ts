import type { INodeProperties } from 'n8n-workflow';

/** The "Options" collection that every operation offers. */
export function operationOptions(resource: string, operation: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource: [resource], operation: [operation] } },
		options: [
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
				routing: { send: { type: 'query', property: '_format' } },
			},
		],
	};
}
