import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { operationOptions } from '../../shared/descriptions';
import { requestApi } from '../../shared/request';
import { parseApiAnswer, SmsPartnerFailure, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkLimit } from '../../shared/validation';
import { parisDateTimeToIso, toMessageId } from '../sms/status-values';

const show = { resource: ['stopList'], operation: ['getMany'] };

const ENTRY_LIST = 'data';

/** Positions of the values in the XML answer, which has no keys. */
export const STOP_LIST_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['nbData', 'number'],
	[
		ENTRY_LIST,
		{
			list: {
				record: [
					['id', 'number'],
					['phoneNumber', 'string'],
					['createdAt', 'string'],
				],
			},
		},
	],
];

/** /stop-sms/list documents no failure of its own: only the key codes, common to all. */
export const STOP_LIST_ERRORS: ApiErrorTexts = {};

/** One STOP entry as an output item; `createdAt` comes in Paris time and leaves as UTC. */
export function toStopEntry(row: JsonObject): IDataObject {
	const { id, phoneNumber, createdAt, ...rest } = row;
	return {
		id: toMessageId(id),
		phoneNumber: phoneNumber ?? null,
		createdAt: parisDateTimeToIso(createdAt),
		...rest,
	};
}

const getStopList: OperationRun = async function (request) {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : checkLimit(this.getNodeParameter('limit', 50));
	const body = await requestApi(this, request);
	const entries = body[ENTRY_LIST] ?? [];
	if (!Array.isArray(entries)) {
		throw new SmsPartnerFailure('unreadable', 200, {
			bodyExcerpt: `"${ENTRY_LIST}" is not a list`,
		});
	}
	// The list comes whole (no pagination is documented), so Limit applies here.
	return (entries as JsonObject[]).slice(0, limit).map(toStopEntry);
};

export const getManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many STOP list entries',
	description:
		'Get the numbers on the STOP list (people who opted out), each with the entry ID that Remove needs',
	routing: {
		request: { method: 'GET', url: '/stop-sms/list' },
		send: { paginate: true },
		operations: { pagination: runForEachItem(getStopList, STOP_LIST_ERRORS) },
		output: { postReceive: [parseApiAnswer(STOP_LIST_RESPONSE)] },
	},
};

export const getManyFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
	operationOptions('stopList', 'getMany'),
];
