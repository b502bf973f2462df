import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { recipientFields, sendFields, sendOperation } from './send.operation';
import { sendBulkFields, sendBulkOperation } from './sendBulk.operation';
import {
	fromField,
	sendLongNumberFields,
	sendLongNumberOperation,
} from './sendLongNumber.operation';

/** The send operations of the SMS resource. */
export const sendingOperations: INodePropertyOptions[] = [
	sendOperation,
	sendBulkOperation,
	sendLongNumberOperation,
];

export const sendingFields: INodeProperties[] = [
	// From first: for a long number it is what the user picks before writing to anyone.
	fromField,
	...recipientFields,
	...sendFields,
	...sendBulkFields,
	...sendLongNumberFields,
];
