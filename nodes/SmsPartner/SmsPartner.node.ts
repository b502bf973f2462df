import {
	NodeConnectionTypes,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { SMS_PARTNER_DEFAULT_BASE_URL } from '../../credentials/SmsPartnerApi.credentials';
import { accountDescription } from './resources/account/account.resource';
import { contactDescription } from './resources/contact/contact.resource';
import { groupLoadOptions } from './resources/group/load-options';
import { groupDescription } from './resources/group/group.resource';
import { numberDescription } from './resources/number/number.resource';
import { smsDescription } from './resources/sms/sms.resource';
import { operationOptions, resourceOperationSubtitle } from './shared/descriptions';
import { statisticsDescription } from './resources/statistics/statistics.resource';
import { stopListDescription } from './resources/stopList/stopList.resource';
import { subAccountDescription } from './resources/subAccount/subAccount.resource';

const PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Group', value: 'group' },
			{ name: 'Number', value: 'number' },
			{ name: 'SMS', value: 'sms' },
			{ name: 'Statistic', value: 'statistics' },
			{ name: 'Stop List', value: 'stopList' },
			{ name: 'Sub-Account', value: 'subAccount' },
		],
		default: 'sms',
	},
	...smsDescription,
	...accountDescription,
	...statisticsDescription,
	...stopListDescription,
	...contactDescription,
	...groupDescription,
	...numberDescription,
	...subAccountDescription,
	operationOptions,
];

export class SmsPartner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Partner',
		name: 'smsPartner',
		icon: { light: 'file:smspartner.svg', dark: 'file:smspartner.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: resourceOperationSubtitle(PROPERTIES),
		description:
			'Send SMS, follow their delivery, cancel scheduled ones and manage contacts, STOP list and sub-accounts with SMS Partner',
		defaults: { name: 'SMS Partner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smsPartnerApi', required: true }],
		requestDefaults: {
			baseURL: `={{$credentials.baseUrl || "${SMS_PARTNER_DEFAULT_BASE_URL}"}}`,
			// Failures come in the body with any HTTP status; every answer is read by parseApiAnswer.
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			headers: { Accept: 'application/json, application/xml' },
		},
		properties: PROPERTIES,
	};

	methods = { loadOptions: { ...groupLoadOptions } };
}
