import { creditMove } from './credit';

export const { operation: addCreditOperation, fields: addCreditFields } = creditMove({
	value: 'addCredit',
	name: 'Add Credit',
	action: 'Add credit to a sub-account',
	description:
		'Move credit in EUR from the main account to a sub-account; outputs both balances (credit is the main balance)',
	url: '/subaccount/credit/add',
	creditDescription:
		'The amount in EUR to take from the main account and give to the sub-account, above 0, e.g. 10',
	errors: {
		6: 'The main account has no credit left to give. Top up the SMS Partner account first.',
		8: 'The main account has not enough credit for this amount. Give less, or top up the SMS Partner account first.',
	},
});
