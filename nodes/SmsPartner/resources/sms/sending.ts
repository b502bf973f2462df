import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { recipientFields, sendFields, sendOperation } from './send.operation';
import { sendBulkFields, sendBulkOperation } from './sendBulk.operation';
import {
	fromField,
	sendLongNumberFields,
	sendLongNumberOperation,
} from './sendLongNumber.operation';
import { sendSurveyFields, sendSurveyOperation } from './sendSurvey.operation';

/** The send operations of the SMS resource. */
export const sendingOperations: INodePropertyOptions[] = [
	sendOperation,
	sendBulkOperation,
	sendLongNumberOperation,
	sendSurveyOperation,
];

export const sendingFields: INodeProperties[] = [
	// From first: for a long number it is what the user picks before writing to anyone.
	fromField,
	...recipientFields,
	...sendFields,
	...sendBulkFields,
	...sendLongNumberFields,
	...sendSurveyFields,
];
