import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getManyStatusesFields, getManyStatusesOperation } from './getManyStatuses.operation';
import {
	getStatusByMessageFields,
	getStatusByMessageOperation,
} from './getStatusByMessage.operation';
import { getStatusFields, getStatusOperation } from './getStatus.operation';

/** The status operations of the SMS resource (besides Get Status by Tag). */
export const statusOperations: INodePropertyOptions[] = [
	getStatusOperation,
	getManyStatusesOperation,
	getStatusByMessageOperation,
];

export const statusFields: INodeProperties[] = [
	...getStatusFields,
	...getManyStatusesFields,
	...getStatusByMessageFields,
];
