import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';
import { fetchPages, readLimit } from '../../shared/pagination';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { parisDateTimeToIso } from '../../shared/time-zones';
import { RETRY_ANY_TEMPORARY_FAILURE } from '../../shared/retry';

const SUB_ACCOUNT_LIST = 'data';

/** Positions of the values in the XML answer, which has no keys. */
export const SUB_ACCOUNT_LIST_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['total', 'number'],
	['nb_per_page', 'number'],
	['page', 'number'],
	[
		SUB_ACCOUNT_LIST,
		{
			list: {
				record: [
					['id', 'number'],
					['email', 'string'],
					['type', 'string'],
					['token', 'string'],
					['apiKey', 'string'],
					['createdAt', 'string'],
					[
						'credits',
						{
							record: [
								['balance', 'string'],
								['currency', 'string'],
							],
						},
					],
				],
			},
		},
	],
];

/**
 * One sub-account as an output item. Only known fields are copied: the API also sends the
 * sub-account's own API key, a secret that must not flow into later steps or logs.
 */
export function toSubAccount(row: JsonObject): IDataObject {
	const credits = (
		typeof row.credits === 'object' && row.credits !== null ? row.credits : {}
	) as JsonObject;
	const id = Number(row.id);
	const balance = Number(credits.balance);
	return {
		id: Number.isFinite(id) ? id : null,
		email: row.email ?? null,
		type: row.type ?? null,
		token: row.token ?? null,
		createdAt: parisDateTimeToIso(row.createdAt),
		balance: credits.balance !== undefined && Number.isFinite(balance) ? balance : null,
		currency: credits.currency ?? null,
	};
}

const getSubAccounts: OperationRun = async function (request) {
	const limit = readLimit(this);
	const rows = await fetchPages(this, request, {
		listKey: SUB_ACCOUNT_LIST,
		limit,
		pageKey: 'page',
	});
	return rows.slice(0, limit).map(toSubAccount);
};

export const getManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many sub-accounts',
	description:
		'List the sub-accounts with their token, type, creation date and balance; their own API keys are left out, as they are secrets',
	routing: {
		request: { method: 'GET', url: '/subaccount/list' },
		send: { paginate: true },
		operations: { pagination: runForEachItem(getSubAccounts, {}, RETRY_ANY_TEMPORARY_FAILURE) },
		output: { postReceive: [parseApiAnswer(SUB_ACCOUNT_LIST_RESPONSE)] },
	},
};

export const getManyFields: INodeProperties[] = [...returnAllAndLimit('subAccount', 'getMany')];
