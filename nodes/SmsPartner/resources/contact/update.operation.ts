import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { InvalidParameterError } from '../../shared/validation';
import {
	checkContactFields,
	checkContactId,
	contactFieldOptions,
	CONTACT_ID_ERRORS,
} from './fields';
import { SAVED_CONTACT_XML, toSavedContact } from './shaping';
import { retryOnlyUntouched } from '../../shared/retry';

const show = { resource: ['contact'], operation: ['update'] };

/** Positions of the values in the XML answer, which has no keys. */
export const CONTACT_UPDATE_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['contact', SAVED_CONTACT_XML],
];

export const CONTACT_UPDATE_ERRORS: ApiErrorTexts = {
	...CONTACT_ID_ERRORS,
	2: 'SMS Partner received nothing to change. Add at least one field under Update Fields.',
	15: "The new phone number already belongs to another contact of this contact's group, so nothing was changed. Delete or update that other contact first.",
};

const updateContact: OperationRun = async function (request) {
	const contactId = checkContactId(this.getNodeParameter('contactId'));
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	const contact = checkContactFields(fields, true);
	if (Object.keys(contact).length === 0) {
		throw new InvalidParameterError(
			'Update Fields',
			'Update Fields is empty',
			'Add at least one field to change under Update Fields, e.g. First Name.',
		);
	}
	const body = await requestApi(this, withBody(request, { contactId, contact }));
	return [toSavedContact({ contactId, ...((body.contact ?? {}) as JsonObject) })];
};

export const contactUpdateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a contact',
	description: 'Change the details of a contact; fields left out keep their value',
	routing: {
		request: { method: 'POST', url: '/contact/update' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(
				updateContact,
				CONTACT_UPDATE_ERRORS,
				retryOnlyUntouched('The contact may have been updated', 'Check Contact > Get'),
			),
		},
		output: { postReceive: [parseApiAnswer(CONTACT_UPDATE_RESPONSE)] },
	},
};

export const contactUpdateFields: INodeProperties[] = [
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 50001',
		description:
			'The ID of the contact to change: the contactId given when the contact was created or listed, a positive whole number such as 50001, e.g. mapped from the output of Create or Get Many',
		displayOptions: { show },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'The fields to change. A field added but left empty is cleared; the phone number cannot be cleared.',
		options: contactFieldOptions(true),
		displayOptions: { show },
	},
];
