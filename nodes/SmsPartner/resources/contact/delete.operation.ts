import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkContactId } from './fields';
import { retryOnlyUntouched } from '../../shared/retry';

const show = { resource: ['contact'], operation: ['delete'] };

/** Positions of the values in the XML answer, which has no keys. */
export const CONTACT_DELETE_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
];

export const CONTACT_DELETE_ERRORS: ApiErrorTexts = {
	1: 'SMS Partner received no contact ID. Fill in Contact ID.',
	// The documentation's text for 404 says "group" here, a copy of the group page.
	404: 'No contact with this ID exists on this account: it was already deleted, or belongs to another account. Check the contact ID and the credential.',
};

const deleteContact: OperationRun = async function (request) {
	const contactId = checkContactId(this.getNodeParameter('contactId'));
	await requestApi(this, withBody(request, { contactId }));
	return [{ success: true, contactId }];
};

export const contactDeleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a contact',
	description: 'Delete a contact from its group',
	routing: {
		request: { method: 'POST', url: '/contact/delete' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(
				deleteContact,
				CONTACT_DELETE_ERRORS,
				retryOnlyUntouched('The contact may have been deleted', 'Check Contact > Get'),
			),
		},
		output: { postReceive: [parseApiAnswer(CONTACT_DELETE_RESPONSE)] },
	},
};

export const contactDeleteFields: INodeProperties[] = [
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 50001',
		description:
			'The ID of the contact to delete: the contactId given when the contact was created or listed, a positive whole number such as 50001, e.g. mapped from the output of Create or Get Many',
		displayOptions: { show },
	},
];
