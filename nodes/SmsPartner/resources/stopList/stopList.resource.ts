import type { INodeProperties } from 'n8n-workflow';

import { addFields, addOperation } from './add.operation';
import { getManyFields, getManyOperation } from './getMany.operation';
import { removeFields, removeOperation } from './remove.operation';

export const stopListDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['stopList'] } },
		options: [addOperation, getManyOperation, removeOperation],
		default: 'getMany',
	},
	...getManyFields,
	...addFields,
	...removeFields,
];
