import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import { toBoolean } from '../../shared/convert';
import { returnAllAndLimit } from '../../shared/descriptions';
import { sendRequest } from '../../shared/request';
import { checkApiResponse, parseApiAnswer, type ResponseShape } from '../../shared/response';
import { readLimit } from '../../shared/pagination';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { offsetIsoToUtc, toId } from '../contact/shaping';
import { RETRY_ANY_TEMPORARY_FAILURE } from '../../shared/retry';

/** Positions of the values in the XML answer, which has no keys (and, as documented, no code). */
export const GROUP_LIST_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	[
		'groups',
		{
			list: {
				record: [
					['id', 'string'],
					['name', 'string'],
					['createdAt', 'string'],
					['isSpecialFile', 'boolean'],
					['isLocationFile', 'boolean'],
				],
			},
		},
	],
];

/**
 * The groups of a `/group/list` answer. The documented example of a list that worked says
 * `success: false` without a code, so a list of groups counts as success whatever `success` says.
 */
export function groupsOf(body: JsonObject, httpStatus: number): JsonObject[] {
	const listed = body.groups;
	if (Array.isArray(listed) && body.code === undefined) return listed as JsonObject[];
	const groups = checkApiResponse(body, httpStatus).groups ?? [];
	return Array.isArray(groups) ? (groups as JsonObject[]) : [];
}

/** One group as an output item; fields the API may add are kept as they are. */
export function toGroup(row: JsonObject): IDataObject {
	const { id, groupId, name, createdAt, isSpecialFile, isLocationFile, ...rest } = row;
	return {
		groupId: toId(groupId ?? id),
		name: name ?? null,
		createdAt: offsetIsoToUtc(createdAt),
		isSpecialFile: toBoolean(isSpecialFile),
		isLocationFile: toBoolean(isLocationFile),
		...rest,
	};
}

const getGroups: OperationRun = async function (request) {
	const limit = readLimit(this);
	const { body, httpStatus } = await sendRequest(this, request);
	// The API returns every group at once; Limit is applied here.
	return groupsOf(body, httpStatus).slice(0, limit).map(toGroup);
};

export const groupGetManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many groups',
	description: 'List the contact groups of the account',
	routing: {
		request: { method: 'GET', url: '/group/list' },
		send: { paginate: true },
		operations: { pagination: runForEachItem(getGroups, {}, RETRY_ANY_TEMPORARY_FAILURE) },
		output: { postReceive: [parseApiAnswer(GROUP_LIST_RESPONSE)] },
	},
};

export const groupGetManyFields: INodeProperties[] = [...returnAllAndLimit('group', 'getMany')];
