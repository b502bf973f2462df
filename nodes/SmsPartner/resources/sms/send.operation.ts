import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { parsePhoneNumbers } from '../../shared/phone-numbers';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import {
	additionalFields,
	readSendOptions,
	sandboxField,
	sendAtField,
	SEND_ERRORS,
	SEND_RESPONSE,
	toSendResult,
	SEND_RETRY,
} from '../../shared/sending';
import { checkMessage } from '../../shared/sms-parts';

const show = { resource: ['sms'], operation: ['send'] };
/** Fields that Send shares with other sends, so that a value survives a switch. */
const showRecipients = { resource: ['sms'], operation: ['send', 'sendLongNumber'] };
const showPhoneNumbers = { resource: ['sms'], operation: ['send', 'sendLongNumber', 'sendSurvey'] };

const sendSms: OperationRun = async function (request) {
	const phoneNumbers = parsePhoneNumbers(this.getNodeParameter('phoneNumbers'), 'Phone Numbers');
	const options = readSendOptions(this, { scheduled: true });
	const { text } = checkMessage(this.getNodeParameter('message'), {
		field: 'Message',
		unicode: options.unicode,
		lowCost: options.lowCost,
	});
	const body = await requestApi(
		this,
		withBody(request, { phoneNumbers: phoneNumbers.join(','), message: text, ...options.body }),
	);
	return [toSendResult(body, { phoneNumbers, options })];
};

export const sendOperation: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send an SMS',
	description: 'Send one text to up to 500 numbers, now or at a set time',
	routing: {
		request: { method: 'POST', url: '/send' },
		send: { paginate: true },
		operations: { pagination: runForEachItem(sendSms, SEND_ERRORS, SEND_RETRY) },
		output: { postReceive: [parseApiAnswer(SEND_RESPONSE)] },
	},
};

export const recipientFields: INodeProperties[] = [
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +33612345678, 0698765432',
		description:
			'The recipients, at most 500: international form (+33612345678) or French national form (0612345678), separated by commas, or an array given by an expression. Each input item is one send with its own numbers.',
		displayOptions: { show: showPhoneNumbers },
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'e.g. Your appointment is tomorrow at 10:00. Reply STOP to opt out.',
		description:
			'The text of the SMS. 160 characters make one SMS, longer texts are billed one SMS per 153 characters (70 and 67 in Unicode), 10 SMS at most. :br: is a line break (counts 2); ^ { } [ ] ~ | \\ € count 2 each.',
		displayOptions: { show: showRecipients },
	},
];

export const sendFields: INodeProperties[] = [
	sendAtField(show),
	sandboxField(show),
	additionalFields(show),
];
