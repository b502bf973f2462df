import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkSubAccountToken, subAccountTokenField } from './common';
import { retryOnlyUntouched } from '../../shared/retry';

/** Positions of the values in the XML answer, which has no keys. */
export const DELETE_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
];

export const DELETE_ERRORS: ApiErrorTexts = {
	// This endpoint documents code 1 as "token required", besides its usual "API key required".
	1: 'SMS Partner received no sub-account token or no API key. Fill in Sub-Account Token, and check the API key of the credential.',
	404: 'No sub-account with this token exists on this account. Check the token (Get Many lists them); it may already be deleted.',
};

const deleteSubAccount: OperationRun = async function (request) {
	const token = checkSubAccountToken(this.getNodeParameter('subAccount'));
	await requestApi(this, withBody(request, { token }));
	return [{ success: true, token }];
};

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a sub-account',
	description: 'Delete a sub-account for good',
	routing: {
		request: { method: 'DELETE', url: '/subaccount/remove' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(
				deleteSubAccount,
				DELETE_ERRORS,
				retryOnlyUntouched('The sub-account may have been deleted', 'Check Sub-Account > Get Many'),
			),
		},
		output: { postReceive: [parseApiAnswer(DELETE_RESPONSE)] },
	},
};

export const deleteFields: INodeProperties[] = [
	subAccountTokenField(
		'delete',
		'The token of the sub-account to delete, as given by Create or Get Many, e.g. 5f2b9c0e7d1a4c3b8e6f0a9d2c4b1e7f',
	),
];
