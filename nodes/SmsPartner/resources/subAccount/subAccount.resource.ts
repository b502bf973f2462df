import type { INodeProperties } from 'n8n-workflow';

import { addCreditFields, addCreditOperation } from './addCredit.operation';
import { createFields, createOperation } from './create.operation';
import { deleteFields, deleteOperation } from './delete.operation';
import { getManyFields, getManyOperation } from './getMany.operation';
import { removeCreditFields, removeCreditOperation } from './removeCredit.operation';

export const subAccountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subAccount'] } },
		options: [
			addCreditOperation,
			createOperation,
			deleteOperation,
			getManyOperation,
			removeCreditOperation,
		],
		default: 'getMany',
	},
	...createFields,
	...deleteFields,
	...getManyFields,
	...addCreditFields,
	...removeCreditFields,
];
