import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkGroupId, groupIdField } from './group-id';
import { retryOnlyUntouched } from '../../shared/retry';

const show = { resource: ['group'], operation: ['delete'] };

/** Positions of the values in the XML answer, which has no keys. */
export const GROUP_DELETE_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
];

export const GROUP_DELETE_ERRORS: ApiErrorTexts = {
	1: 'SMS Partner received no group ID. Choose a group, or give its groupId.',
	404: 'No group with this ID exists on this account: it was already deleted, or belongs to another account. Check the group ID and the credential.',
};

const deleteGroup: OperationRun = async function (request) {
	const groupId = checkGroupId(this.getNodeParameter('groupId'));
	await requestApi(this, withBody(request, { groupId }));
	return [{ success: true, groupId }];
};

export const groupDeleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a group',
	description: 'Delete a contact group',
	routing: {
		// Documented as DELETE, but the documented example sends POST.
		request: { method: 'POST', url: '/group/delete' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(
				deleteGroup,
				GROUP_DELETE_ERRORS,
				retryOnlyUntouched('The group may have been deleted', 'Check Group > Get Many'),
			),
		},
		output: { postReceive: [parseApiAnswer(GROUP_DELETE_RESPONSE)] },
	},
};

export const groupDeleteFields: INodeProperties[] = [groupIdField(show, 'The group to delete')];
