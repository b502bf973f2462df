import type { INodeProperties } from 'n8n-workflow';

import { cancelOperation } from './cancel.operation';
import { getStatusByTagFields, getStatusByTagOperation } from './getStatusByTag.operation';
import { messageIdField } from './message-id';
import { sendingFields, sendingOperations } from './sending';
import { statusFields, statusOperations } from './statuses';

export const smsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [...sendingOperations, cancelOperation, ...statusOperations, getStatusByTagOperation],
		default: 'cancel',
	},
	...sendingFields,
	messageIdField,
	...statusFields,
	...getStatusByTagFields,
];
