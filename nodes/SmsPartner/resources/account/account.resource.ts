import type { INodeProperties } from 'n8n-workflow';

import { getOperation } from './get.operation';

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [getOperation],
		default: 'get',
	},
];
