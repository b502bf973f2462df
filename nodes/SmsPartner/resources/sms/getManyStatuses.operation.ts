import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { apiDateToIso, chunksOf, toBoolean, toId } from '../../shared/convert';
import { MAX_NUMBERS_PER_REQUEST, toInternationalNumber } from '../../shared/phone-numbers';
import { requestApi, withBody } from '../../shared/request';
import { listIn, parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import {
	checkChoice,
	checkMessageId,
	InvalidParameterError,
	isBlank,
	shown,
	textOf,
} from '../../shared/validation';
import { RETRY_ANY_TEMPORARY_FAILURE } from '../../shared/retry';

const show = { resource: ['sms'], operation: ['getManyStatuses'] };

const PAIR_LIST = 'SMSStatut_List';
const STATUS_LIST = 'StatutResponse_List';

/** Positions of the values in the XML answer, which has no keys; a failed pair has only the first five. */
export const MANY_STATUSES_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	[
		STATUS_LIST,
		{
			list: {
				record: [
					['success', 'boolean'],
					['code', 'number'],
					['phoneNumber', 'string'],
					['messageId', 'string'],
					['status', 'string'],
					['date', 'string'],
					['stopSms', 'boolean'],
					['isSpam', 'boolean'],
				],
			},
		},
	],
];

export const MANY_STATUSES_ERRORS: ApiErrorTexts = {
	4: 'SMS Partner found none of these SMS on this account. Check the message IDs and that the credential belongs to the account that sent them.',
	5: 'SMS Partner received an empty list of pairs. Give at least one message ID and phone number pair.',
	6: 'SMS Partner could not read a pair: each needs a messageId and a phoneNumber.',
	9: 'SMS Partner refused a phone number: this operation needs international numbers such as +33612345678. The details below name the pair.',
	50: 'SMS Partner refused more than 500 pairs in one request, which the node never sends: please report this.',
};

const PAIRS = 'Pairs';
const PAIRS_HINT =
	'Give an array of {"messageId": 307, "phoneNumber": "+33612345678"} objects, e.g. {{ $json.pairs }} after an Aggregate node, or switch Pairs From to Fields Below.';

export type StatusPair = { phoneNumber: string; messageId: number };

/** Runs a shared check on one pair, so that its message says which pair is wrong. */
function checkInPair<T>(position: number, check: () => T): T {
	let failure: unknown;
	try {
		return check();
	} catch (error) {
		failure = error;
	}
	if (failure instanceof InvalidParameterError) {
		throw new InvalidParameterError(PAIRS, `Pair ${position}: ${failure.message}`, failure.hint);
	}
	throw failure;
}

function toPair(entry: unknown, position: number): StatusPair {
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
		throw new InvalidParameterError(PAIRS, `Pair ${position} is not an object`, PAIRS_HINT);
	}
	const { messageId, phoneNumber } = entry as Record<string, unknown>;
	const id = checkInPair(position, () => checkMessageId(messageId));
	const given = textOf(phoneNumber);
	const number = given === undefined ? undefined : toInternationalNumber(given);
	if (number === undefined) {
		const what = isBlank(phoneNumber)
			? 'has no phoneNumber'
			: `has ${shown(phoneNumber)} as phoneNumber, which is not a phone number`;
		throw new InvalidParameterError(
			PAIRS,
			`Pair ${position} ${what}`,
			'Give the recipient in international form (+33612345678) or French national form (0612345678).',
		);
	}
	// The API's own example sends the ID as a JSON number.
	return { phoneNumber: number, messageId: Number(id) };
}

/**
 * The pairs of one request, from an array (the value of an expression) or its JSON text,
 * checked and in the international form the endpoint requires.
 */
export function parseStatusPairs(value: unknown): StatusPair[] {
	let list = value;
	if (typeof value === 'string') {
		const text = value.trim();
		list = [];
		if (text !== '') {
			try {
				list = JSON.parse(text) as unknown;
			} catch {
				list = undefined;
			}
		}
	}
	if (!Array.isArray(list)) {
		throw new InvalidParameterError(PAIRS, 'Pairs is not a list of pairs', PAIRS_HINT);
	}
	if (list.length === 0) throw new InvalidParameterError(PAIRS, 'Pairs is empty', PAIRS_HINT);
	return list.map((entry: unknown, index) => toPair(entry, index + 1));
}

/**
 * One pair's status as an output item, named like the other status operations. A pair that
 * SMS Partner did not find is an item too (`found: false` with its code and text), so that one
 * unknown pair does not hide the statuses of the others.
 */
export function toPairStatus(row: JsonObject): IDataObject {
	const { success, code, phoneNumber, messageId, status, date, stopSms, isSpam, ...rest } = row;
	const identity = { messageId: toId(messageId), phoneNumber: phoneNumber ?? null };
	if (success === false) {
		return {
			...identity,
			status: null,
			stopSms: null,
			isSpam: null,
			date: null,
			found: false,
			code: Number.isFinite(Number(code)) ? Number(code) : null,
			message: status ?? null,
			...rest,
		};
	}
	return {
		...identity,
		status: status ?? null,
		stopSms: toBoolean(stopSms),
		isSpam: toBoolean(isSpam),
		date: apiDateToIso(date),
		found: true,
		...rest,
	};
}

const PAIR_SOURCES = { list: 'list', fields: 'fields' } as const;

function pairsOf(this: ThisParameterType<OperationRun>): StatusPair[] {
	const source = checkChoice(
		this.getNodeParameter('pairsSource', 'list'),
		'Pairs From',
		PAIR_SOURCES,
		'Choose List or Fields Below; in an expression, give "list" or "fields".',
	);
	return parseStatusPairs(
		source === 'fields'
			? this.getNodeParameter('pairs.pair', [])
			: this.getNodeParameter('pairList', '[]'),
	);
}

const getManyStatuses: OperationRun = async function (request) {
	const statuses: IDataObject[] = [];
	// SMS Partner takes 500 pairs a request; more go out 500 at a time, one after the other.
	for (const pairs of chunksOf(pairsOf.call(this), MAX_NUMBERS_PER_REQUEST)) {
		const body = await requestApi(this, withBody(request, { [PAIR_LIST]: pairs }));
		for (const row of listIn(body, STATUS_LIST)) statuses.push(toPairStatus(row));
	}
	return statuses;
};

export const getManyStatusesOperation: INodePropertyOptions = {
	name: 'Get Many Statuses',
	value: 'getManyStatuses',
	action: 'Get the statuses of many SMS at once',
	description:
		'Get the delivery statuses of many message ID and phone number pairs, 500 per request',
	routing: {
		request: { method: 'POST', url: '/multi-status' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(
				getManyStatuses,
				MANY_STATUSES_ERRORS,
				RETRY_ANY_TEMPORARY_FAILURE,
			),
		},
		output: { postReceive: [parseApiAnswer(MANY_STATUSES_RESPONSE)] },
	},
};

export const getManyStatusesFields: INodeProperties[] = [
	{
		displayName: 'Pairs From',
		name: 'pairsSource',
		type: 'options',
		options: [
			{
				name: 'List (Expression or JSON)',
				value: 'list',
				description: 'An array of pairs, usually mapped from the pairs field of an Aggregate node',
			},
			{ name: 'Fields Below', value: 'fields', description: 'Pairs typed one by one' },
		],
		default: 'list',
		description: 'Where the message ID and phone number pairs to check come from',
		displayOptions: { show },
	},
	{
		displayName: 'Pairs',
		name: 'pairList',
		type: 'json',
		required: true,
		default: '[]',
		placeholder: '[{"messageId": 307, "phoneNumber": "+33612345678"}]',
		description:
			'The pairs to check, any number (they go out 500 per request), as an array of objects with messageId (the message_id of the send) and phoneNumber (the recipient, e.g. +33612345678); other keys are ignored. To check many statuses with few requests, gather the items that hold messageId and phoneNumber with an Aggregate node (Aggregate: All Item Data, Put Output in Field: pairs) and map its pairs field here.',
		displayOptions: { show: { ...show, pairsSource: ['list'] } },
	},
	{
		displayName: 'Pairs',
		name: 'pairs',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		required: true,
		default: {},
		placeholder: 'Add Pair',
		description: 'The message ID and phone number pairs to check',
		displayOptions: { show: { ...show, pairsSource: ['fields'] } },
		options: [
			{
				displayName: 'Pair',
				name: 'pair',
				values: [
					{
						displayName: 'Message ID',
						name: 'messageId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 307',
						description:
							'The message_id that SMS Partner returned when the SMS was sent, a positive whole number such as 307',
					},
					{
						displayName: 'Phone Number',
						name: 'phoneNumber',
						type: 'string',
						default: '',
						placeholder: 'e.g. +33612345678',
						description:
							'A recipient of that SMS: international (+33612345678) or French national (0612345678) form',
					},
				],
			},
		],
	},
];
