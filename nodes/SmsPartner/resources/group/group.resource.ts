import type { INodeProperties } from 'n8n-workflow';

import { groupCreateFields, groupCreateOperation } from './create.operation';
import { groupDeleteFields, groupDeleteOperation } from './delete.operation';
import { groupGetManyFields, groupGetManyOperation } from './getMany.operation';

export const groupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [groupCreateOperation, groupDeleteOperation, groupGetManyOperation],
		default: 'getMany',
	},
	...groupCreateFields,
	...groupDeleteFields,
	...groupGetManyFields,
];
