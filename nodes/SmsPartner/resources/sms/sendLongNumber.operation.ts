import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { parsePhoneNumbers, toInternationalNumber } from '../../shared/phone-numbers';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import {
	additionalFields,
	readSendOptions,
	sandboxField,
	SEND_ERRORS,
	SEND_RESPONSE,
	toSendResult,
	SEND_RETRY,
} from '../../shared/sending';
import { checkMessage } from '../../shared/sms-parts';
import { InvalidParameterError, isBlank, shown, textOf } from '../../shared/validation';

const show = { resource: ['sms'], operation: ['sendLongNumber'] };

export const LONG_NUMBER_ERRORS: ApiErrorTexts = {
	...SEND_ERRORS,
	2: 'SMS Partner received no recipient. Fill in Phone Numbers.',
};

/**
 * The virtual number in the form /vn/send wants: international without the plus, e.g.
 * 33612345678. The forms people write (+33…, 06…, 0033…) are accepted and converted.
 */
export function checkVirtualNumber(value: unknown): string {
	const hint =
		'Give the long number rented from SMS Partner in international form, e.g. 33612345678 or +33612345678.';
	if (isBlank(value)) throw new InvalidParameterError('From', 'From is empty', hint);
	const compact = textOf(value)?.replace(/[\s.\-()]/g, '') ?? '';
	const international = toInternationalNumber(
		/^[1-9]\d{7,14}$/.test(compact) ? `+${compact}` : compact,
	);
	if (international === undefined) {
		throw new InvalidParameterError('From', `From ${shown(value)} is not a phone number`, hint);
	}
	return international.slice(1);
}

const sendFromLongNumber: OperationRun = async function (request) {
	const from = checkVirtualNumber(this.getNodeParameter('from'));
	const phoneNumbers = parsePhoneNumbers(this.getNodeParameter('phoneNumbers'), 'Phone Numbers');
	const options = readSendOptions(this, { scheduled: false });
	// /vn/send documents no Unicode mode, so the text is counted in GSM characters.
	const { text } = checkMessage(this.getNodeParameter('message'), {
		field: 'Message',
		unicode: false,
	});
	const body = await requestApi(
		this,
		withBody(request, { to: phoneNumbers.join(','), from, message: text, ...options.body }),
	);
	return [{ ...toSendResult(body, { phoneNumbers, options }), from }];
};

export const sendLongNumberOperation: INodePropertyOptions = {
	name: 'Send From a Long Number',
	value: 'sendLongNumber',
	action: 'Send an SMS from a long number',
	description: 'Send a text from a long (virtual) number you rent, so that people can reply',
	routing: {
		request: { method: 'POST', url: '/vn/send' },
		send: { paginate: true },
		operations: { pagination: runForEachItem(sendFromLongNumber, LONG_NUMBER_ERRORS, SEND_RETRY) },
		output: { postReceive: [parseApiAnswer(SEND_RESPONSE)] },
	},
};

export const fromField: INodeProperties = {
	displayName: 'From',
	name: 'from',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 33612345678',
	description:
		'The long (virtual) number rented from SMS Partner that the SMS comes from, in international form without the plus, e.g. 33612345678 (+33612345678 is converted)',
	displayOptions: { show },
};

export const sendLongNumberFields: INodeProperties[] = [
	sandboxField(show),
	additionalFields(show, 'longNumber'),
];
