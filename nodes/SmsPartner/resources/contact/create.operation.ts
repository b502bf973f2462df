import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkGroupId, groupIdField } from '../group/group-id';
import {
	checkContactFields,
	checkPhoneNumber,
	contactFieldOptions,
	phoneNumberDescription,
} from './fields';
import { SAVED_CONTACT_XML, toSavedContact } from './shaping';
import { retryOnlyUntouched } from '../../shared/retry';

const show = { resource: ['contact'], operation: ['create'] };

/** Positions of the values in the XML answer, which has no keys. */
export const CONTACT_CREATE_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['contact', SAVED_CONTACT_XML],
];

export const CONTACT_CREATE_ERRORS: ApiErrorTexts = {
	1: 'SMS Partner received no group ID. Choose a group, or give its groupId.',
	2: 'SMS Partner received no contact details. Fill in Phone Number.',
	15: 'This phone number is already in the group, so no contact was added. To change that contact, use Update with its contact ID (Get Many lists them).',
	// Not documented for this endpoint; the natural answer for a group that does not exist.
	404: 'No group with this ID exists on this account. Choose a group from the list, or check the group ID and the credential.',
};

const createContact: OperationRun = async function (request) {
	const groupId = checkGroupId(this.getNodeParameter('groupId'));
	const phoneNumber = checkPhoneNumber(this.getNodeParameter('phoneNumber'));
	const additional = this.getNodeParameter('additionalFields', {}) as IDataObject;
	const contact = { phoneNumber, ...checkContactFields(additional, false) };
	const body = await requestApi(this, withBody(request, { groupId, contact }));
	return [toSavedContact((body.contact ?? {}) as JsonObject, groupId)];
};

export const contactCreateOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a contact',
	description: 'Add a contact to a group',
	routing: {
		request: { method: 'POST', url: '/contact/add' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(
				createContact,
				CONTACT_CREATE_ERRORS,
				retryOnlyUntouched('The contact may have been created', 'Check Contact > Get Many'),
			),
		},
		output: { postReceive: [parseApiAnswer(CONTACT_CREATE_RESPONSE)] },
	},
};

export const contactCreateFields: INodeProperties[] = [
	groupIdField(show, 'The group to add the contact to'),
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +33612345678',
		description: phoneNumberDescription,
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'More details stored with the contact; empty fields are not sent',
		options: contactFieldOptions(false),
		displayOptions: { show },
	},
];
