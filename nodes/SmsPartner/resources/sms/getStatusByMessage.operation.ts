import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { returnAllAndLimit } from '../../shared/descriptions';
import { requestApi, withQuery } from '../../shared/request';
import { listIn, parseApiAnswer, type ResponseShape } from '../../shared/response';
import { readLimit } from '../../shared/pagination';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkMessageId } from '../../shared/validation';
import { toId } from '../../shared/convert';
import { RECIPIENT_STATUS_LIST, STATUS_LIST, toRecipientStatus } from './recipient-status';
import { RETRY_ANY_TEMPORARY_FAILURE } from '../../shared/retry';

/** Positions of the values in the XML answer, which has no keys. */
export const MESSAGE_STATUSES_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['message_id', 'string'],
	[STATUS_LIST, RECIPIENT_STATUS_LIST],
];

export const MESSAGE_STATUSES_ERRORS: ApiErrorTexts = {
	3: 'SMS Partner received no message ID. Fill in Message ID.',
	4: 'No SMS with this message ID exists on this account. Check the ID (the messageId of the send) and that the credential belongs to the account that sent it.',
};

/** One recipient's status, with the message ID as a number like every ID the node outputs. */
export function toMessageRecipientStatus(row: JsonObject, messageId: unknown): IDataObject {
	return { messageId: toId(messageId), ...toRecipientStatus(row) };
}

const getStatusesByMessage: OperationRun = async function (request) {
	const messageId = checkMessageId(this.getNodeParameter('messageId'));
	const limit = readLimit(this);
	// One answer holds every recipient: no page parameter is documented for this endpoint.
	const body = await requestApi(this, withQuery(request, { messageId }));
	const list = listIn(body, STATUS_LIST);
	return list
		.slice(0, limit)
		.map((row) => toMessageRecipientStatus(row, body.message_id ?? messageId));
};

export const getStatusByMessageOperation: INodePropertyOptions = {
	name: 'Get Status by Message',
	value: 'getStatusByMessage',
	action: 'Get the statuses of every recipient of an SMS',
	description: 'Get the delivery status of every recipient of one SMS, by its message ID',
	routing: {
		request: { method: 'GET', url: '/bulk-status' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(
				getStatusesByMessage,
				MESSAGE_STATUSES_ERRORS,
				RETRY_ANY_TEMPORARY_FAILURE,
			),
		},
		output: { postReceive: [parseApiAnswer(MESSAGE_STATUSES_RESPONSE)] },
	},
};

export const getStatusByMessageFields: INodeProperties[] = [
	...returnAllAndLimit('sms', 'getStatusByMessage'),
];
