import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import {
	checkBoolean,
	checkChoice,
	InvalidParameterError,
	isBlank,
	shown,
} from '../../shared/validation';
import { checkEuros } from './common';
import { retryOnlyUntouched } from '../../shared/retry';

const show = { resource: ['subAccount'], operation: ['create'] };

/** Positions of the values in the XML answer, which has no keys. */
export const CREATE_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	[
		'subaccount',
		{
			record: [
				['email', 'string'],
				['token', 'string'],
			],
		},
	],
	['sendConfirmMailTo', 'string'],
	['parent_email', 'string'],
];

export const CREATE_ERRORS: ApiErrorTexts = {
	2: 'This SMS Partner account may not create sub-accounts (a sub-account cannot have its own). Use the credential of the main account, or ask SMS Partner support.',
	3: 'SMS Partner needs to know whether the advanced sub-account may buy credit. Set Can Buy Credit.',
	4: 'SMS Partner received no sub-account type. Choose Simple or Advanced in Type.',
	5: 'SMS Partner does not know this sub-account type. Choose Simple or Advanced in Type.',
	6: 'SMS Partner received no e-mail. Fill in Email.',
	7: 'An SMS Partner account already uses this e-mail. Give another address.',
	8: 'The credit to give the new sub-account must be above 0 EUR. Fix Credit to Attribute, or remove it to start with no credit.',
	9: 'The main account has not enough credit for the Credit to Attribute. Give less, or top up the SMS Partner account first.',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(value: unknown): string {
	const hint = 'Give the e-mail address of the sub-account holder, e.g. shop-lyon@example.com.';
	if (isBlank(value)) throw new InvalidParameterError('Email', 'Email is empty', hint);
	const email = typeof value === 'string' ? value.trim() : undefined;
	if (email === undefined || !EMAIL.test(email)) {
		throw new InvalidParameterError(
			'Email',
			`Email ${shown(value)} is not an e-mail address`,
			hint,
		);
	}
	return email;
}

const TYPES = { simple: 'simple', advanced: 'advanced' } as const;

const createSubAccount: OperationRun = async function (request) {
	const type = checkChoice(
		this.getNodeParameter('subAccountType'),
		'Type',
		TYPES,
		'Choose Simple or Advanced; in an expression, give "simple" or "advanced".',
	);
	const email = checkEmail(this.getNodeParameter('email'));
	// Only advanced sub-accounts can buy; simple ones are told so explicitly.
	const isBuyer =
		type === 'advanced' && checkBoolean(this.getNodeParameter('isBuyer', false), 'Can Buy Credit');
	const extra = this.getNodeParameter('additionalFields', {}) as IDataObject;
	const parameters: IDataObject = { email, isBuyer: isBuyer ? 1 : 0 };
	if (extra.creditToAttribute !== undefined) {
		parameters.creditToAttribute = checkEuros(extra.creditToAttribute, 'Credit to Attribute');
	}
	for (const key of ['title', 'firstname', 'lastname'] as const) {
		const text = typeof extra[key] === 'string' ? (extra[key] as string).trim() : '';
		if (text !== '') parameters[key] = text;
	}
	const body = await requestApi(this, withBody(request, { type, parameters }));
	const subaccount = (body.subaccount ?? {}) as JsonObject;
	return [
		{
			email: subaccount.email ?? email,
			token: subaccount.token ?? null,
			sendConfirmMailTo: body.sendConfirmMailTo ?? null,
			parentEmail: body.parent_email ?? null,
		},
	];
};

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a sub-account',
	description:
		'Create a sub-account, optionally with credit taken from the main account; outputs its token',
	routing: {
		request: { method: 'POST', url: '/subaccount/create' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(
				createSubAccount,
				CREATE_ERRORS,
				retryOnlyUntouched('The sub-account may have been created', 'Check Sub-Account > Get Many'),
			),
		},
		output: { postReceive: [parseApiAnswer(CREATE_RESPONSE)] },
	},
};

export const createFields: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'subAccountType',
		type: 'options',
		required: true,
		options: [
			{
				name: 'Simple',
				value: 'simple',
				description: 'Managed by you: receives no e-mail or SMS and cannot buy credit',
			},
			{
				name: 'Advanced',
				value: 'advanced',
				description:
					'Its holder signs up like a standard account (confirmation e-mail, mobile number)',
			},
		],
		default: 'simple',
		description:
			'The kind of sub-account, simple or advanced. SMS Partner does not allow changing it later.',
		displayOptions: { show },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description:
			'The e-mail address of the sub-account holder, not yet used by any SMS Partner account, e.g. shop-lyon@example.com',
		displayOptions: { show },
	},
	{
		displayName: 'Can Buy Credit',
		name: 'isBuyer',
		type: 'boolean',
		default: false,
		description: 'Whether the advanced sub-account may buy its own SMS credit',
		displayOptions: { show: { ...show, subAccountType: ['advanced'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Credit to Attribute',
				name: 'creditToAttribute',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 3 },
				default: 10,
				description:
					'Credit in EUR to give the new sub-account, taken from the main account; above 0, e.g. 10',
			},
			{
				displayName: 'First Name',
				name: 'firstname',
				type: 'string',
				default: '',
				description: 'First name of the sub-account holder, e.g. Camille',
			},
			{
				displayName: 'Last Name',
				name: 'lastname',
				type: 'string',
				default: '',
				description: 'Last name of the sub-account holder, e.g. Martin',
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: 'The name of the sub-account, e.g. Shop Lyon',
			},
		],
	},
];
