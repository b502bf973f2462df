import type { INodeProperties } from 'n8n-workflow';

import { cancelFields, cancelOperation } from './cancel.operation';
import { getStatusByTagFields, getStatusByTagOperation } from './getStatusByTag.operation';

export const smsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [cancelOperation, getStatusByTagOperation],
		default: 'cancel',
	},
	...cancelFields,
	...getStatusByTagFields,
];
