import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { returnAllAndLimit } from '../../shared/descriptions';
import { fetchPages, readLimit } from '../../shared/pagination';
import { withQuery } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkGroupId, groupIdField } from '../group/group-id';
import { LISTED_CONTACT_FIELDS, toListedContact } from './shaping';
import { RETRY_ANY_TEMPORARY_FAILURE } from '../../shared/retry';

const show = { resource: ['contact'], operation: ['getMany'] };

const CONTACT_LIST = 'datas';

/** Positions of the values in the XML answer, which has no keys. */
export const CONTACT_LIST_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['currentPage', 'number'],
	['total', 'string'],
	[CONTACT_LIST, { list: { record: LISTED_CONTACT_FIELDS } }],
];

export const CONTACT_LIST_ERRORS: ApiErrorTexts = {
	1: 'SMS Partner received no group ID. Choose a group, or give its groupId.',
	404: 'No group with this ID exists on this account. Choose a group from the list, or check the group ID and the credential.',
};

const getContacts: OperationRun = async function (request) {
	const groupId = checkGroupId(this.getNodeParameter('groupId'));
	const limit = readLimit(this);
	// 20 contacts per page; `total` is not needed: a short or empty page ends the list.
	const rows = await fetchPages(this, withQuery(request, { groupId }), {
		listKey: CONTACT_LIST,
		limit,
	});
	return rows.slice(0, limit).map((row) => toListedContact(row, groupId));
};

export const contactGetManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many contacts',
	description: 'List the contacts of a group, one item per contact',
	routing: {
		request: { method: 'GET', url: '/contact/list' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(getContacts, CONTACT_LIST_ERRORS, RETRY_ANY_TEMPORARY_FAILURE),
		},
		output: { postReceive: [parseApiAnswer(CONTACT_LIST_RESPONSE)] },
	},
};

export const contactGetManyFields: INodeProperties[] = [
	groupIdField(show, 'The group whose contacts to list'),
	...returnAllAndLimit('contact', 'getMany'),
];
