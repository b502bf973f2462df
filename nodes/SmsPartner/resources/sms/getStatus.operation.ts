import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { toBoolean, apiDateToIso, toNumberOrNull, toId } from '../../shared/convert';
import { checkPhoneNumber, toInternationalNumber } from '../../shared/phone-numbers';
import { requestApi, withQuery } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkMessageId } from '../../shared/validation';
import { RETRY_ANY_TEMPORARY_FAILURE } from '../../shared/retry';

const show = { resource: ['sms'], operation: ['getStatus'] };

/** Positions of the values in the XML answer, which has no keys. */
export const STATUS_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['number', 'string'],
	['messageId', 'string'],
	['stopSms', 'boolean'],
	['date', 'string'],
	['statut', 'string'],
	['cost', 'number'],
	['countryCode', 'string'],
	['currency', 'string'],
];

export const STATUS_ERRORS: ApiErrorTexts = {
	2: 'SMS Partner received no phone number. Fill in Phone Number with the recipient of the SMS.',
	3: 'SMS Partner received no message ID. Fill in Message ID.',
	4: 'SMS Partner found no SMS with this message ID sent to this number on this account. Check the message ID (the messageId of the send), that the number is one of its recipients, and that the credential belongs to the account that sent it.',
};

const PHONE_HINT =
	'Give the recipient the SMS was sent to, in international form (+33612345678) or French national form (0612345678).';

/**
 * The status of one recipient as an output item, named like the other status operations: the
 * API's `statut` becomes `status`, its `number` (sometimes national) `phoneNumber`.
 */
export function toMessageStatus(body: JsonObject, asked: string): IDataObject {
	const {
		number,
		phoneNumber,
		messageId,
		statut,
		status,
		stopSms,
		date,
		cost,
		currency,
		countryCode,
		isSpam,
		...rest
	} = body;
	// The envelope, already judged, is not part of the status.
	delete rest.success;
	delete rest.code;
	const given = number ?? phoneNumber;
	return {
		messageId: toId(messageId),
		phoneNumber: (typeof given === 'string' && toInternationalNumber(given)) || asked,
		status: statut ?? status ?? null,
		stopSms: toBoolean(stopSms),
		date: apiDateToIso(date),
		cost: toNumberOrNull(cost),
		currency: currency ?? null,
		countryCode: countryCode ?? null,
		// Declared by one SDK but never seen in an answer: a boolean when it comes.
		...(isSpam === undefined ? {} : { isSpam: toBoolean(isSpam) }),
		...rest,
	};
}

const getStatus: OperationRun = async function (request) {
	const messageId = checkMessageId(this.getNodeParameter('messageId'));
	const phoneNumber = checkPhoneNumber(
		this.getNodeParameter('phoneNumber'),
		'Phone Number',
		PHONE_HINT,
	);
	const body = await requestApi(this, withQuery(request, { messageId, phoneNumber }));
	return [toMessageStatus(body, phoneNumber)];
};

export const getStatusOperation: INodePropertyOptions = {
	name: 'Get Status',
	value: 'getStatus',
	action: 'Get the status of an SMS for one recipient',
	description: 'Get the delivery status, cost and country of an SMS sent to one phone number',
	routing: {
		request: { method: 'GET', url: '/message-status' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(getStatus, STATUS_ERRORS, RETRY_ANY_TEMPORARY_FAILURE),
		},
		output: { postReceive: [parseApiAnswer(STATUS_RESPONSE)] },
	},
};

export const getStatusFields: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +33612345678',
		description:
			'The recipient whose status to read, one of the numbers the SMS was sent to: international (+33612345678) or French national (0612345678) form',
		displayOptions: { show },
	},
];
