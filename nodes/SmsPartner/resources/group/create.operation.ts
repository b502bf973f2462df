import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { InvalidParameterError, isBlank, shown, textOf } from '../../shared/validation';
import { toId } from '../contact/shaping';
import { retryOnlyUntouched } from '../../shared/retry';

const show = { resource: ['group'], operation: ['create'] };

/** Positions of the values in the XML answer, which has no keys. */
export const GROUP_CREATE_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['name', 'string'],
	['groupId', 'string'],
];

export const GROUP_CREATE_ERRORS: ApiErrorTexts = {
	1: 'SMS Partner received no group name. Fill in Name.',
	// The documentation gives code 2 for a missing key here, and shows code 2 on success (sic).
	2: 'The request reached SMS Partner without an API key. Open the SMS Partner credential and fill in the API key.',
};

export function checkGroupName(value: unknown): string {
	const hint =
		'Give the group a name, e.g. Customers 2026. In an expression: {{ $json.groupName }}.';
	if (isBlank(value)) throw new InvalidParameterError('Name', 'Name is empty', hint);
	const name = textOf(value);
	if (name === undefined) {
		throw new InvalidParameterError('Name', `Name ${shown(value)} is not text`, hint);
	}
	return name;
}

const createGroup: OperationRun = async function (request) {
	const name = checkGroupName(this.getNodeParameter('name'));
	// Success is read from `success`: the documented answer carries code 2, not 200.
	const body = await requestApi(this, withBody(request, { name }));
	return [{ groupId: toId(body.groupId), name: typeof body.name === 'string' ? body.name : name }];
};

export const groupCreateOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a group',
	description: 'Create a contact group, to which contacts can then be added',
	routing: {
		request: { method: 'POST', url: '/group/add' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(
				createGroup,
				GROUP_CREATE_ERRORS,
				retryOnlyUntouched('The group may have been created', 'Check Group > Get Many'),
			),
		},
		output: { postReceive: [parseApiAnswer(GROUP_CREATE_RESPONSE)] },
	},
};

export const groupCreateFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Customers 2026',
		description:
			'The name of the new group as shown in the SMS Partner dashboard, e.g. Customers 2026. Names need not be unique.',
		displayOptions: { show },
	},
];
