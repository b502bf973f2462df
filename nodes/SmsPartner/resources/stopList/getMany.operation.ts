import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { returnAllAndLimit } from '../../shared/descriptions';
import { requestApi } from '../../shared/request';
import { listIn, parseApiAnswer, type ResponseShape } from '../../shared/response';
import { readLimit } from '../../shared/pagination';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { toId } from '../../shared/convert';
import { parisDateTimeToIso } from '../../shared/time-zones';
import { RETRY_ANY_TEMPORARY_FAILURE } from '../../shared/retry';

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
		id: toId(id),
		phoneNumber: phoneNumber ?? null,
		createdAt: parisDateTimeToIso(createdAt),
		...rest,
	};
}

const getStopList: OperationRun = async function (request) {
	const limit = readLimit(this);
	const body = await requestApi(this, request);
	const entries = listIn(body, ENTRY_LIST);
	// The list comes whole (no pagination is documented), so Limit applies here.
	return entries.slice(0, limit).map(toStopEntry);
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
		operations: {
			pagination: runForEachItem(getStopList, STOP_LIST_ERRORS, RETRY_ANY_TEMPORARY_FAILURE),
		},
		output: { postReceive: [parseApiAnswer(STOP_LIST_RESPONSE)] },
	},
};

export const getManyFields: INodeProperties[] = [...returnAllAndLimit('stopList', 'getMany')];
