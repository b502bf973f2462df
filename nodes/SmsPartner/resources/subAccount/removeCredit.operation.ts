import { creditMove } from './credit';

export const { operation: removeCreditOperation, fields: removeCreditFields } = creditMove({
	value: 'removeCredit',
	name: 'Remove Credit',
	action: 'Remove credit from a sub-account',
	description:
		'Move credit in EUR from a sub-account back to the main account; outputs both balances (credit is the main balance)',
	url: '/subaccount/credit/remove',
	creditDescription:
		'The amount in EUR to take back from the sub-account to the main account, above 0 and at most its balance, e.g. 5',
	errors: {
		6: 'The sub-account has no credit left to take back.',
		8: 'The sub-account has less credit than this amount. Take back at most its balance (Get Many shows it).',
	},
});
