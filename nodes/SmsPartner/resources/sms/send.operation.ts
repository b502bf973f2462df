import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { chunksOf } from '../../shared/convert';
import { MAX_NUMBERS_PER_REQUEST, parsePhoneNumbers } from '../../shared/phone-numbers';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer } from '../../shared/response';
import { PartlyDoneError, runForEachItem, type OperationRun } from '../../shared/run-operation';
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
import { checkBoolean } from '../../shared/validation';

const show = { resource: ['sms'], operation: ['send'] };
/** Fields that Send shares with other sends, so that a value survives a switch. */
const showRecipients = { resource: ['sms'], operation: ['send', 'sendLongNumber'] };
const showPhoneNumbers = { resource: ['sms'], operation: ['send', 'sendLongNumber', 'sendSurvey'] };

/** What the batches sent before a failure did, so that the user does not send them again. */
function sentBatches(results: IDataObject[], batchCount: number): string {
	const numbers = results.reduce(
		(sum, result) => sum + (result.phoneNumbers as string[]).length,
		0,
	);
	const ids = results.map((result) => result.messageId).join(', ');
	return `Sent before this failure: ${results.length} of ${batchCount} batches, ${numbers} numbers, message IDs ${ids}. The later batches were not sent: send only to their numbers when running again.`;
}

const sendSms: OperationRun = async function (request) {
	const inBatches = checkBoolean(this.getNodeParameter('sendInBatches', false), 'Send in Batches');
	const phoneNumbers = parsePhoneNumbers(
		this.getNodeParameter('phoneNumbers'),
		'Phone Numbers',
		inBatches ? Infinity : MAX_NUMBERS_PER_REQUEST,
	);
	const options = readSendOptions(this, { scheduled: true });
	const { text } = checkMessage(this.getNodeParameter('message'), {
		field: 'Message',
		unicode: options.unicode,
		lowCost: options.lowCost,
	});
	const batches = chunksOf(phoneNumbers, MAX_NUMBERS_PER_REQUEST);
	const results: IDataObject[] = [];
	// One batch after the other: a failure stops the send, and what went out is known.
	for (const batch of batches) {
		const fields = { phoneNumbers: batch.join(','), message: text, ...options.body };
		const body = await requestApi(this, withBody(request, fields)).catch((error: unknown) => {
			if (results.length === 0) throw error;
			const summary = `${results.length} of ${batches.length} batches had been sent`;
			throw new PartlyDoneError(error, summary, sentBatches(results, batches.length));
		});
		results.push(toSendResult(body, { phoneNumbers: batch, options }));
	}
	return results;
};

export const sendOperation: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send an SMS',
	description: 'Send one text to up to 500 numbers, or more in batches, now or at a set time',
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
			'The recipients, at most 500 (on Send, more with Send in Batches): international form (+33612345678) or French national form (0612345678), separated by commas, or an array given by an expression. Each input item is one send with its own numbers.',
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
	{
		displayName: 'Send in Batches',
		name: 'sendInBatches',
		type: 'boolean',
		default: false,
		description:
			'Whether to send to more than 500 numbers, in requests of 500 (the most SMS Partner takes in one), one after the other, with one output item per request. Off, more than 500 numbers are refused. If a request fails, the later ones are not sent and the error lists the message IDs of those sent.',
		displayOptions: { show },
	},
	sandboxField(show),
	additionalFields(show),
];
