import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { parsePhoneNumbers } from '../../shared/phone-numbers';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { triggerUrlFor } from '../../shared/trigger-url';
import {
	checkBoolean,
	checkTag,
	InvalidParameterError,
	isBlank,
	shown,
} from '../../shared/validation';
import { retryOnlyUntouched } from '../../shared/retry';

const show = { resource: ['number'], operation: ['verify'] };

/** Positions of the values in the XML answer, which has no keys. */
export const VERIFY_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['campaign_id', 'string'],
	['number', 'number'],
	['cost', 'number'],
	['currency', 'string'],
];

export const VERIFY_ERRORS: ApiErrorTexts = {
	2: 'SMS Partner received no phone number it could check. Fill in Phone Numbers with numbers in international form, e.g. +33612345678.',
	3: 'SMS Partner could not split the list of numbers: they must be separated by commas. Check Phone Numbers.',
	50: 'SMS Partner checks at most 500 numbers per request. Split the list, for example with a Loop Over Items node.',
};

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/** Where SMS Partner POSTs the results: a full http(s) address. */
export function checkNotifyUrl(value: unknown): string {
	const hint =
		'Give the full address that will receive the results by POST, e.g. the Production URL of an n8n Webhook node: https://n8n.example.com/webhook/hlr-results.';
	if (isBlank(value)) throw new InvalidParameterError('Notify URL', 'Notify URL is empty', hint);
	const text = typeof value === 'string' ? value.trim() : undefined;
	const url = text === undefined ? undefined : parseUrl(text);
	if (
		text === undefined ||
		url === undefined ||
		!['http:', 'https:'].includes(url.protocol) ||
		url.hostname === ''
	) {
		throw new InvalidParameterError(
			'Notify URL',
			`Notify URL ${shown(value)} is not an http or https address`,
			hint,
		);
	}
	return text;
}

const NOTIFY_TRIGGER: INodeProperties = {
	displayName: "Use This Workflow's Trigger URL",
	name: 'notifyTrigger',
	type: 'boolean',
	default: false,
	description:
		"Whether SMS Partner POSTs the results to the SMS Partner Trigger of this workflow, without typing its URL in Notify URL: the node takes the trigger's production URL. The workflow must be active, with one SMS Partner Trigger listening to number check results. In queue mode, fill in Notify URL instead: workers do not see the trigger's registration.",
	displayOptions: { show },
};

const verifyNumbers: OperationRun = async function (request) {
	const numbers = parsePhoneNumbers(this.getNodeParameter('phoneNumbers'), 'Phone Numbers');
	const { displayName } = NOTIFY_TRIGGER;
	// Notify URL is hidden, so not read, while the trigger's URL stands in for it.
	const notifyUrl = checkBoolean(this.getNodeParameter(NOTIFY_TRIGGER.name, false), displayName)
		? triggerUrlFor(this.getWorkflowStaticData('global'), 'numberCheck', displayName, 'Notify URL')
		: checkNotifyUrl(this.getNodeParameter('notifyUrl'));
	const givenTag = this.getNodeParameter('tag', '');
	const fields: IDataObject = { phoneNumbers: numbers.join(','), notifyUrl };
	// The tag is optional: only a filled-in one is checked and sent.
	if (String(givenTag).trim() !== '') fields.tag = checkTag(givenTag);
	const body = await requestApi(this, withBody(request, fields));
	return [
		{
			campaignId: body.campaign_id ?? null,
			numbers: Number(body.number),
			cost: Number(body.cost),
			currency: body.currency ?? null,
		},
	];
};

export const verifyOperation: INodePropertyOptions = {
	name: 'Verify',
	value: 'verify',
	action: 'Verify that phone numbers exist',
	description:
		"Start an HLR check of up to 500 mobile numbers (paid per number); SMS Partner posts the results to the Notify URL, or to this workflow's SMS Partner Trigger, later",
	routing: {
		request: { method: 'POST', url: '/hlr/notify' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(
				verifyNumbers,
				VERIFY_ERRORS,
				retryOnlyUntouched(
					'The number check may have been ordered, and charged,',
					'Check the results arriving at the notification URL',
				),
			),
		},
		output: { postReceive: [parseApiAnswer(VERIFY_RESPONSE)] },
	},
};

export const verifyFields: INodeProperties[] = [
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +33612345678, 0698765432',
		description:
			'The mobile numbers to check: international (+33612345678) or French national (0612345678) form, separated by commas, or an array from an expression; at most 500. They are sent in international form.',
		displayOptions: { show },
	},
	NOTIFY_TRIGGER,
	{
		displayName: 'Notify URL',
		name: 'notifyUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/hlr-results',
		description:
			'The http(s) address where SMS Partner POSTs the result of each number once checked (phone, ported, errorName…), e.g. the Production URL of an n8n Webhook node',
		displayOptions: { show: { ...show, [NOTIFY_TRIGGER.name]: [false] } },
	},
	{
		displayName: 'Tag',
		name: 'tag',
		type: 'string',
		default: '',
		placeholder: 'e.g. crm-cleanup',
		description:
			'Optional label for this check, to recognise it later: up to 20 characters, no spaces, e.g. crm-cleanup',
		displayOptions: { show },
	},
];
