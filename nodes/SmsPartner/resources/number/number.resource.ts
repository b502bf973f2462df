import type { INodeProperties } from 'n8n-workflow';

import { lookupFields, lookupOperation } from './lookup.operation';
import { verifyFields, verifyOperation } from './verify.operation';

export const numberDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['number'] } },
		options: [lookupOperation, verifyOperation],
		default: 'lookup',
	},
	...lookupFields,
	...verifyFields,
];
