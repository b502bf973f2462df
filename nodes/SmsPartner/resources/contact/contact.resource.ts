import type { INodeProperties } from 'n8n-workflow';

import { contactCreateFields, contactCreateOperation } from './create.operation';
import { contactDeleteFields, contactDeleteOperation } from './delete.operation';
import { contactGetFields, contactGetOperation } from './get.operation';
import { contactGetManyFields, contactGetManyOperation } from './getMany.operation';
import { contactUpdateFields, contactUpdateOperation } from './update.operation';

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			contactCreateOperation,
			contactDeleteOperation,
			contactGetOperation,
			contactGetManyOperation,
			contactUpdateOperation,
		],
		default: 'create',
	},
	...contactCreateFields,
	...contactDeleteFields,
	...contactGetFields,
	...contactGetManyFields,
	...contactUpdateFields,
];
