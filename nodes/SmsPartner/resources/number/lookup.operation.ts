import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { toBoolean } from '../../shared/convert';
import { MAX_NUMBERS_PER_REQUEST } from '../../shared/phone-numbers';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { InvalidParameterError, isBlank, shown, textOf } from '../../shared/validation';
import { RETRY_ANY_TEMPORARY_FAILURE } from '../../shared/retry';

const show = { resource: ['number'], operation: ['lookup'] };

const LOOKUP_LIST = 'lookup';

/**
 * Positions of the values in the XML answer, which has no keys. A number the API cannot read has
 * three values only (request, success, message), so its message lands on `countryCode`.
 */
export const LOOKUP_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	[
		LOOKUP_LIST,
		{
			list: {
				record: [
					['request', 'string'],
					['success', 'boolean'],
					['countryCode', 'string'],
					['prefixCode', 'number'],
					['phoneNumber', 'string'],
					['type', 'string'],
					['network', 'string'],
					[
						'format',
						{
							record: [
								['e164', 'string'],
								['international', 'string'],
								['national', 'string'],
								['rfc3966', 'string'],
							],
						},
					],
				],
			},
		},
	],
];

export const LOOKUP_ERRORS: ApiErrorTexts = {
	2: 'SMS Partner received no phone number. Fill in Phone Numbers.',
	3: 'SMS Partner could not split the list of numbers: they must be separated by commas. Check Phone Numbers.',
	50: 'SMS Partner checks at most 500 numbers per request. Split the list, for example with a Loop Over Items node.',
};

/**
 * The numbers as given, trimmed: from a list (comma, semicolon or line separated), an array, or a
 * single number. Their format is what the lookup checks, so none is refused here.
 */
export function lookupNumbers(value: unknown): string[] {
	const entries = entriesOf(value);
	const hint =
		'Give one or more numbers in international form separated by commas, e.g. +33612345678, +32470123456, or an array.';
	const notText = entries.find((entry) => typeof entry !== 'string');
	if (notText !== undefined) {
		throw new InvalidParameterError(
			'Phone Numbers',
			`Phone Numbers holds ${shown(notText)}, which is not a phone number`,
			hint,
		);
	}
	if (entries.length === 0) {
		throw new InvalidParameterError('Phone Numbers', 'Phone Numbers is empty', hint);
	}
	if (entries.length > MAX_NUMBERS_PER_REQUEST) {
		throw new InvalidParameterError(
			'Phone Numbers',
			`Phone Numbers has ${entries.length} numbers; SMS Partner checks at most ${MAX_NUMBERS_PER_REQUEST} per request`,
			'Split the list, for example with a Loop Over Items node, or give one item per batch of numbers.',
		);
	}
	return entries as string[];
}

/** The entries as written; a value that is no text (true, an object) is an entry too. */
function entriesOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value.flatMap(entriesOf);
	if (isBlank(value)) return [];
	const text = textOf(value);
	if (text === undefined) return [value];
	return text
		.split(/[,;\n]+/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

function textOrNull(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

/** One checked number as an output item; every item has the same keys, valid or not. */
export function toLookupResult(row: JsonObject): IDataObject {
	const valid = toBoolean(row.success);
	const format = (valid && typeof row.format === 'object' ? row.format : {}) as JsonObject;
	const prefixCode = Number(row.prefixCode);
	return {
		request: textOrNull(row.request),
		valid,
		phoneNumber: valid ? textOrNull(row.phoneNumber) : null,
		countryCode: valid ? textOrNull(row.countryCode) : null,
		prefixCode: valid && Number.isFinite(prefixCode) ? prefixCode : null,
		type: valid ? textOrNull(row.type) : null,
		network: valid ? textOrNull(row.network) : null,
		e164: textOrNull(format.e164),
		international: textOrNull(format.international),
		national: textOrNull(format.national),
		rfc3966: textOrNull(format.rfc3966),
		message: valid ? null : textOrNull(row.message ?? row.countryCode),
	};
}

const lookupNumbersRun: OperationRun = async function (request) {
	const numbers = lookupNumbers(this.getNodeParameter('phoneNumbers'));
	const body = await requestApi(this, withBody(request, { phoneNumbers: numbers.join(',') }));
	const rows = Array.isArray(body[LOOKUP_LIST]) ? (body[LOOKUP_LIST] as JsonObject[]) : [];
	return rows.map(toLookupResult);
};

export const lookupOperation: INodePropertyOptions = {
	name: 'Lookup',
	value: 'lookup',
	action: 'Check the format of phone numbers',
	description:
		'Check the format of up to 500 numbers for free: country, type, network and the number in every standard form',
	routing: {
		request: { method: 'POST', url: '/lookup' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(lookupNumbersRun, LOOKUP_ERRORS, RETRY_ANY_TEMPORARY_FAILURE),
		},
		output: { postReceive: [parseApiAnswer(LOOKUP_RESPONSE)] },
	},
};

export const lookupFields: INodeProperties[] = [
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +33612345678, +32470123456',
		description:
			"The numbers to check, in international form: one number, several separated by commas (at most 500), or an array given by an expression. Numbers are sent as written: a malformed one is not refused but comes out as an item with valid set to false and SMS Partner's message.",
		displayOptions: { show },
	},
];
