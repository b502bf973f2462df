import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { toBoolean } from '../../shared/convert';
import { operationOptions } from '../../shared/descriptions';
import { requestApi, withQuery } from '../../shared/request';
import { parseApiAnswer, SmsPartnerFailure, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkLimit, checkMessageId } from '../../shared/validation';
import { statusDateToIso, toMessageId } from './status-values';

const show = { resource: ['sms'], operation: ['getStatusByMessage'] };

const STATUS_LIST = 'StatutResponse_List';

/** Positions of the values in the XML answer, which has no keys. */
export const MESSAGE_STATUSES_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['message_id', 'string'],
	[
		STATUS_LIST,
		{
			list: {
				record: [
					['phoneNumber', 'string'],
					['status', 'string'],
					['stopSMS', 'boolean'],
					['date', 'string'],
				],
			},
		},
	],
];

export const MESSAGE_STATUSES_ERRORS: ApiErrorTexts = {
	3: 'SMS Partner received no message ID. Fill in Message ID.',
	4: 'No SMS with this message ID exists on this account. Check the ID (the message_id returned by the send) and that the credential belongs to the account that sent it.',
};

/** One recipient's status as an output item, named like Get Status by Tag (`stopSMS` → `stopSms`). */
export function toRecipientStatus(row: JsonObject, messageId: unknown): IDataObject {
	const { phoneNumber, status, stopSMS, stopSms, date, ...rest } = row;
	return {
		messageId: toMessageId(messageId),
		phoneNumber: phoneNumber ?? null,
		status: status ?? null,
		stopSms: toBoolean(stopSMS ?? stopSms),
		date: statusDateToIso(date),
		...rest,
	};
}

const getStatusesByMessage: OperationRun = async function (request) {
	const messageId = checkMessageId(this.getNodeParameter('messageId'));
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : checkLimit(this.getNodeParameter('limit', 50));
	// One answer holds every recipient: no page parameter is documented for this endpoint.
	const body = await requestApi(this, withQuery(request, { messageId }));
	const list = body[STATUS_LIST] ?? [];
	if (!Array.isArray(list)) {
		throw new SmsPartnerFailure('unreadable', 200, {
			bodyExcerpt: `"${STATUS_LIST}" is not a list`,
		});
	}
	return (list as JsonObject[])
		.slice(0, limit)
		.map((row) => toRecipientStatus(row, body.message_id ?? messageId));
};

export const getStatusByMessageOperation: INodePropertyOptions = {
	name: 'Get Status by Message',
	value: 'getStatusByMessage',
	action: 'Get the statuses of every recipient of an SMS',
	description: 'Get the delivery status of every recipient of one SMS, by its message ID',
	routing: {
		request: { method: 'GET', url: '/bulk-status' },
		send: { paginate: true },
		operations: { pagination: runForEachItem(getStatusesByMessage, MESSAGE_STATUSES_ERRORS) },
		output: { postReceive: [parseApiAnswer(MESSAGE_STATUSES_RESPONSE)] },
	},
};

export const getStatusByMessageFields: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 307',
		description:
			'The ID of the SMS whose recipients to list: the message_id that SMS Partner returned when it was sent, a positive whole number such as 307',
		displayOptions: { show },
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
	operationOptions('sms', 'getStatusByMessage'),
];
