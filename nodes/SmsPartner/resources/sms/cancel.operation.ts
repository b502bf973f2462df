import type { INodePropertyOptions } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { sendRequest, withQuery } from '../../shared/request';
import { checkApiResponse, parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkMessageId } from '../../shared/validation';
import { RETRY_ANY_TEMPORARY_FAILURE } from '../../shared/retry';

/** Positions of the values in the XML answer, which has no keys. */
export const CANCEL_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['message', 'string'],
];

export const CANCEL_ERRORS: ApiErrorTexts = {
	3: 'SMS Partner received no message ID. Fill in Message ID.',
	4: 'No SMS with this message ID exists on this account. Check the ID (the messageId of the send) and that the credential belongs to the account that sent it.',
	5: 'This SMS was already cancelled; nothing more to do.',
	6: 'It is too late to cancel this SMS: it leaves in less than 5 minutes and will be sent as planned. Cancel at least 5 minutes before the send time.',
	7: 'This SMS was already sent, so it can no longer be cancelled.',
};

const ALREADY_CANCELLED = 5;

const cancelSms: OperationRun = async function (request) {
	const given = this.getNodeParameter('messageId') as string | number;
	const messageId = checkMessageId(given);
	// The ID goes out only once checked, so that a refused value never reaches the API.
	const answer = await sendRequest(this, withQuery(request, { messageId }));
	// "Already cancelled" after a lost answer is most likely the lost attempt's own success.
	const cancelledByLostAttempt =
		answer.afterLostAnswer && Number(answer.body.code) === ALREADY_CANCELLED;
	const body = cancelledByLostAttempt
		? answer.body
		: checkApiResponse(answer.body, answer.httpStatus);
	return [
		{
			success: true,
			code: 200,
			messageId: typeof given === 'number' ? given : messageId,
			message: body.message ?? '',
		},
	];
};

export const cancelOperation: INodePropertyOptions = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel a scheduled SMS',
	description: 'Cancel an SMS scheduled for later, at least 5 minutes before its send time',
	routing: {
		request: { method: 'GET', url: '/message-cancel' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(cancelSms, CANCEL_ERRORS, RETRY_ANY_TEMPORARY_FAILURE),
		},
		output: { postReceive: [parseApiAnswer(CANCEL_RESPONSE)] },
	},
};
