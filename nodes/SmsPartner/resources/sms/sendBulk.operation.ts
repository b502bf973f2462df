import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import { toNumberOrNull } from '../../shared/convert';
import { MAX_NUMBERS_PER_REQUEST, toInternationalNumber } from '../../shared/phone-numbers';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer, SmsPartnerFailure, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import {
	additionalFields,
	readSendOptions,
	sandboxField,
	sendAtField,
	SEND_ERRORS,
	SEND_RETRY,
} from '../../shared/sending';
import { checkMessage } from '../../shared/sms-parts';
import { InvalidParameterError, isBlank, shown } from '../../shared/validation';

const show = { resource: ['sms'], operation: ['sendBulk'] };

const RESULT_LIST = 'SMSResponse_List';

/** Positions of the values in the XML answer, which has no keys. */
export const SEND_BULK_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['message_id', 'number'],
	['currency', 'string'],
	['cost', 'number'],
	['nbSMS', 'number'],
	[
		RESULT_LIST,
		{
			list: {
				record: [
					['success', 'boolean'],
					['code', 'number'],
					['nbSms', 'number'],
					['cost', 'number'],
					['phoneNumber', 'string'],
					['message', 'string'],
				],
			},
		},
	],
];

export interface SmsPair {
	phoneNumber: string;
	message: string;
}

const PAIR_HINT =
	'Give {phoneNumber, message} pairs, e.g. [{"phoneNumber": "+33612345678", "message": "Hello Ann"}], or an expression such as {{ $json.messages }}.';

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return NOT_JSON;
	}
}

/** The pairs given as JSON text or as an array (or one pair) from an expression. */
function pairsOf(value: unknown, field: string): unknown[] {
	if (typeof value === 'string' && value.trim() === '') return [];
	const list = typeof value === 'string' ? parseJson(value) : value;
	if (list === NOT_JSON) {
		throw new InvalidParameterError(field, `${field} is not valid JSON`, PAIR_HINT);
	}
	if (list === undefined || list === null) return [];
	if (Array.isArray(list)) return list;
	if (typeof list === 'object') return [list];
	throw new InvalidParameterError(field, `${field} is not a list of SMS`, PAIR_HINT);
}

/**
 * The SMS of a bulk send, in order: first those of the list field, then those typed in. Each
 * number is normalised and each text counted; a bad pair refuses the whole item, naming it.
 */
export function collectPairs(
	lists: Array<{ field: string; value: unknown }>,
	message: { unicode: boolean; lowCost: boolean },
): SmsPair[] {
	const pairs: SmsPair[] = [];
	for (const { field, value } of lists) {
		pairsOf(value, field).forEach((entry, index) => {
			const where = `${field} entry ${index + 1}`;
			const { phoneNumber, message: text } = (entry ?? {}) as IDataObject;
			const raw = typeof phoneNumber === 'number' ? String(phoneNumber) : phoneNumber;
			const number = typeof raw === 'string' ? toInternationalNumber(raw) : undefined;
			if (number === undefined) {
				const problem = isBlank(raw) ? 'has no phoneNumber' : `${shown(raw)} is not a phone number`;
				throw new InvalidParameterError(
					field,
					`${where}: ${problem}`,
					`Give each SMS a phoneNumber in international (+33612345678) or French national (0612345678) form. ${PAIR_HINT}`,
				);
			}
			const checked = checkMessage(text, { field: `${where} message`, ...message });
			pairs.push({ phoneNumber: number, message: checked.text });
		});
	}
	if (pairs.length === 0) {
		throw new InvalidParameterError(
			'SMS List',
			'SMS List and SMS to Send hold no SMS to send',
			PAIR_HINT,
		);
	}
	if (pairs.length > MAX_NUMBERS_PER_REQUEST) {
		throw new InvalidParameterError(
			'SMS List',
			`SMS List has ${pairs.length} SMS; SMS Partner takes at most ${MAX_NUMBERS_PER_REQUEST} per request`,
			'Split the list, for example with a Loop Over Items node, one item per batch of 500.',
		);
	}
	return pairs;
}

/** One item per recipient, with the batch's message ID; fields the API adds are kept. */
export function toBulkResults(body: JsonObject): IDataObject[] {
	const list = body[RESULT_LIST];
	if (!Array.isArray(list)) {
		throw new SmsPartnerFailure('unreadable', 200, {
			bodyExcerpt: JSON.stringify(body).slice(0, 300),
		});
	}
	const messageId = toNumberOrNull(body.message_id) ?? body.message_id ?? null;
	return list.map((row) => {
		const { success, code, phoneNumber, nbSms, nbSMS, cost, ...rest } = (row ?? {}) as JsonObject;
		return {
			messageId,
			phoneNumber: phoneNumber ?? null,
			success: success === true,
			code: toNumberOrNull(code),
			nbSms: toNumberOrNull(nbSms ?? nbSMS),
			cost: toNumberOrNull(cost),
			...rest,
		};
	});
}

const sendBulk: OperationRun = async function (request) {
	const options = readSendOptions(this, { scheduled: true });
	const typed = this.getNodeParameter('smsToSend', {}) as { sms?: unknown[] };
	const pairs = collectPairs(
		[
			{ field: 'SMS List', value: this.getNodeParameter('smsList', '') },
			{ field: 'SMS to Send', value: typed.sms ?? [] },
		],
		options,
	);
	const body = await requestApi(this, withBody(request, { SMSList: pairs, ...options.body }));
	return toBulkResults(body);
};

export const sendBulkOperation: INodePropertyOptions = {
	name: 'Send Bulk',
	value: 'sendBulk',
	action: 'Send different SMS in bulk',
	description: 'Send a different text to each number, up to 500 SMS in one request',
	routing: {
		request: { method: 'POST', url: '/bulk-send' },
		send: { paginate: true },
		operations: { pagination: runForEachItem(sendBulk, SEND_ERRORS, SEND_RETRY) },
		output: { postReceive: [parseApiAnswer(SEND_BULK_RESPONSE)] },
	},
};

export const sendBulkFields: INodeProperties[] = [
	{
		displayName: 'SMS List',
		name: 'smsList',
		type: 'json',
		default: '',
		placeholder: 'e.g. {{ $json.messages }}',
		description:
			'The SMS to send as a list of {phoneNumber, message} pairs, usually an expression that gives such an array from the input item (see the placeholder), or JSON text such as [{"phoneNumber": "+33612345678", "message": "Hello Ann"}]. Numbers in international or French national form. Together with SMS to Send, at most 500 SMS.',
		displayOptions: { show },
	},
	{
		displayName: 'SMS to Send',
		name: 'smsToSend',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add SMS',
		description: 'SMS typed in one by one, sent after those of SMS List',
		displayOptions: { show },
		options: [
			{
				displayName: 'SMS',
				name: 'sms',
				values: [
					{
						displayName: 'Phone Number',
						name: 'phoneNumber',
						type: 'string',
						default: '',
						placeholder: 'e.g. +33612345678',
						description:
							'The recipient, in international (+33612345678) or French national (0612345678) form',
					},
					{
						displayName: 'Message',
						name: 'message',
						type: 'string',
						default: '',
						typeOptions: { rows: 2 },
						placeholder: 'e.g. Hello Ann, your order has shipped.',
						description:
							'The text for this recipient: 160 characters per SMS (153 per part beyond), at most 10 SMS; :br: is a line break',
					},
				],
			},
		],
	},
	sendAtField(show),
	sandboxField(show),
	additionalFields(show),
];
