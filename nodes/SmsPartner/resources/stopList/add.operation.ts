import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { checkPhoneNumber } from '../../shared/phone-numbers';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { toId } from '../../shared/convert';
import { retryOnlyUntouched } from '../../shared/retry';

const show = { resource: ['stopList'], operation: ['add'] };

/** Positions of the values in the XML answer, which has no keys. */
export const STOP_ADD_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['stopId', 'number'],
];

export const STOP_ADD_ERRORS: ApiErrorTexts = {
	2: 'SMS Partner received no phone number. Fill in Phone Number.',
	9: 'SMS Partner refused the phone number as invalid. Give a mobile number in international form, e.g. +33612345678.',
	15: 'This number is already on the STOP list, so nothing changed. Get Many gives its entry if you need its ID.',
};

/** One number, in the international form that the STOP list shows (+33612345678). */
export function checkStopNumber(value: unknown): string {
	return checkPhoneNumber(
		value,
		'Phone Number',
		'Give one number in international form (+33612345678) or French national form (0612345678).',
	);
}

const addStopNumber: OperationRun = async function (request) {
	const phoneNumber = checkStopNumber(this.getNodeParameter('phoneNumber'));
	const body = await requestApi(this, withBody(request, { phoneNumber }));
	return [{ success: true, id: toId(body.stopId), phoneNumber }];
};

export const addOperation: INodePropertyOptions = {
	name: 'Add',
	value: 'add',
	action: 'Add a number to the STOP list',
	description: 'Add a phone number to the STOP list, so that no SMS is sent to it any more',
	routing: {
		request: { method: 'POST', url: '/stop-sms/add' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(
				addStopNumber,
				STOP_ADD_ERRORS,
				retryOnlyUntouched(
					'The number may have been added to the STOP list',
					'Check Stop List > Get Many',
				),
			),
		},
		output: { postReceive: [parseApiAnswer(STOP_ADD_RESPONSE)] },
	},
};

export const addFields: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +33612345678',
		description:
			'The mobile number that must receive no more SMS: international form such as +33612345678, or French national form such as 0612345678 (sent as +33612345678)',
		displayOptions: { show },
	},
];
