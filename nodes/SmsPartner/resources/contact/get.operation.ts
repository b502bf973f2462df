import type { INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { requestApi, withQuery } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkContactId, CONTACT_ID_ERRORS } from './fields';
import { LISTED_CONTACT_FIELDS, toListedContact } from './shaping';
import { RETRY_ANY_TEMPORARY_FAILURE } from '../../shared/retry';

const show = { resource: ['contact'], operation: ['get'] };

/** Positions of the values in the XML answer, which has no keys. */
export const CONTACT_GET_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['contact', { record: [...LISTED_CONTACT_FIELDS, ['groupId', 'string']] }],
];

export const CONTACT_GET_ERRORS: ApiErrorTexts = {
	...CONTACT_ID_ERRORS,
};

const getContact: OperationRun = async function (request) {
	const contactId = checkContactId(this.getNodeParameter('contactId'));
	const body = await requestApi(this, withQuery(request, { contactId }));
	return [toListedContact({ contactId, ...((body.contact ?? {}) as JsonObject) })];
};

export const contactGetOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a contact',
	description: 'Get the details of a contact, including whether its number is on the STOP list',
	routing: {
		request: { method: 'GET', url: '/contact/detail' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(getContact, CONTACT_GET_ERRORS, RETRY_ANY_TEMPORARY_FAILURE),
		},
		output: { postReceive: [parseApiAnswer(CONTACT_GET_RESPONSE)] },
	},
};

export const contactGetFields: INodeProperties[] = [
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 50001',
		description:
			'The ID of the contact to read: the contactId given when the contact was created or listed, a positive whole number such as 50001, e.g. mapped from the output of Create or Get Many',
		displayOptions: { show },
	},
];
