import type { INodeProperties } from 'n8n-workflow';

import { getCostSummaryFields, getCostSummaryOperation } from './getCostSummary.operation';

export const statisticsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['statistics'] } },
		options: [getCostSummaryOperation],
		default: 'getCostSummary',
	},
	...getCostSummaryFields,
];
