import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { parsePhoneNumbers } from '../../shared/phone-numbers';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import {
	additionalFields,
	readSendOptions,
	sendAtField,
	SEND_ERRORS,
	SEND_RESPONSE,
	toSendResult,
} from '../../shared/sending';
import { InvalidParameterError, isBlank, shown, textOf } from '../../shared/validation';
import { retryOnlyUntouched } from '../../shared/retry';

const show = { resource: ['sms'], operation: ['sendSurvey'] };

/** The survey's identifier as the dashboard shows it; the API gives no rule beyond non-empty. */
export function checkSurveyId(value: unknown): string {
	const hint =
		'Copy the identifier of the survey from the SMS Partner dashboard (Surveys), e.g. 8a7b6c5d.';
	if (isBlank(value)) throw new InvalidParameterError('Survey ID', 'Survey ID is empty', hint);
	const surveyId = textOf(value);
	if (surveyId === undefined) {
		throw new InvalidParameterError('Survey ID', `Survey ID ${shown(value)} is not text`, hint);
	}
	return surveyId;
}

const sendSurvey: OperationRun = async function (request) {
	const phoneNumbers = parsePhoneNumbers(this.getNodeParameter('phoneNumbers'), 'Phone Numbers');
	const surveyId = checkSurveyId(this.getNodeParameter('surveyId'));
	const options = readSendOptions(this, { scheduled: true });
	const body = await requestApi(
		this,
		withBody(request, {
			phoneNumbers: phoneNumbers.join(','),
			sondageIdent: surveyId,
			...options.body,
		}),
	);
	return [{ ...toSendResult(body, { phoneNumbers, options }), surveyId }];
};

export const sendSurveyOperation: INodePropertyOptions = {
	name: 'Send Survey',
	value: 'sendSurvey',
	action: 'Send a survey by SMS',
	description: 'Send a survey made in the SMS Partner dashboard to up to 500 numbers',
	routing: {
		request: { method: 'POST', url: '/sondage/to/send' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(
				sendSurvey,
				SEND_ERRORS,
				retryOnlyUntouched('The survey may have been sent', 'Check the SMS Partner dashboard'),
			),
		},
		output: { postReceive: [parseApiAnswer(SEND_RESPONSE)] },
	},
};

export const sendSurveyFields: INodeProperties[] = [
	{
		displayName: 'Survey ID',
		name: 'surveyId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8a7b6c5d',
		description:
			'The identifier of the survey, made beforehand in the SMS Partner dashboard (sondageIdent), e.g. 8a7b6c5d',
		displayOptions: { show },
	},
	sendAtField(show),
	additionalFields(show, 'survey'),
];
