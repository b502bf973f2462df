import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { requestApi, withBody } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkEuros, checkSubAccountToken, subAccountTokenField } from './common';
import { retryOnlyUntouched } from '../../shared/retry';

/** Positions of the values in the XML answer, which has no keys. */
export const CREDIT_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['credit', 'number'],
	['subaccountCredit', 'number'],
	['currency', 'string'],
];

/** What the two credit moves share; each adds its texts for codes 6 and 8. */
export const CREDIT_ERRORS: ApiErrorTexts = {
	2: 'SMS Partner received no amount. Fill in Credit with an amount in EUR above 0.',
	3: 'SMS Partner received no sub-account token. Fill in Sub-Account Token.',
	4: 'This sub-account belongs to another SMS Partner account: the credential may not move its credit. Use the credential of the account that created it.',
	5: 'The amount must be above 0 EUR. Fill in Credit with a positive amount.',
	7: 'No sub-account with this token exists on this account. Check the token (Get Many lists them); the sub-account may have been deleted.',
};

const moveCredit: OperationRun = async function (request) {
	const token = checkSubAccountToken(this.getNodeParameter('subAccount'));
	const credit = checkEuros(this.getNodeParameter('credit'), 'Credit');
	const body = await requestApi(this, withBody(request, { credit, tokenSubaccount: token }));
	return [
		{
			credit: Number(body.credit),
			subaccountCredit: Number(body.subaccountCredit),
			currency: body.currency ?? null,
			token,
		},
	];
};

interface CreditMove {
	operation: INodePropertyOptions;
	fields: INodeProperties[];
}

/** Add Credit and Remove Credit differ only in direction, address and wording. */
export function creditMove(move: {
	value: 'addCredit' | 'removeCredit';
	name: string;
	action: string;
	description: string;
	url: string;
	creditDescription: string;
	errors: ApiErrorTexts;
}): CreditMove {
	return {
		operation: {
			name: move.name,
			value: move.value,
			action: move.action,
			description: move.description,
			routing: {
				request: { method: 'POST', url: move.url },
				send: { paginate: true },
				operations: {
					pagination: runForEachItem(
						moveCredit,
						{ ...CREDIT_ERRORS, ...move.errors },
						retryOnlyUntouched(
							'The credit may have been moved',
							'Check the credit of the sub-account with Sub-Account > Get Many',
						),
					),
				},
				output: { postReceive: [parseApiAnswer(CREDIT_RESPONSE)] },
			},
		},
		fields: [
			subAccountTokenField(
				move.value,
				'The token of the sub-account, as given by Create or Get Many, e.g. 5f2b9c0e7d1a4c3b8e6f0a9d2c4b1e7f',
			),
			{
				displayName: 'Credit',
				name: 'credit',
				type: 'number',
				required: true,
				default: 0,
				typeOptions: { minValue: 0, numberPrecision: 3 },
				placeholder: 'e.g. 10',
				description: move.creditDescription,
				displayOptions: { show: { resource: ['subAccount'], operation: [move.value] } },
			},
		],
	};
}
