import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { SMS_PARTNER_DEFAULT_BASE_URL } from '../../credentials/SmsPartnerApi.credentials';
import { smsDescription } from './resources/sms/sms.resource';

export class SmsPartner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Partner',
		name: 'smsPartner',
		icon: { light: 'file:smspartner.svg', dark: 'file:smspartner.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Cancel scheduled SMS and read delivery statuses with SMS Partner',
		defaults: { name: 'SMS Partner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smsPartnerApi', required: true }],
		requestDefaults: {
			baseURL: `={{$credentials.baseUrl || "${SMS_PARTNER_DEFAULT_BASE_URL}"}}`,
			// Failures come in the body with any HTTP status; every answer is read by readApiResponse.
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			headers: { Accept: 'application/json, application/xml' },
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'SMS', value: 'sms' }],
				default: 'sms',
			},
			...smsDescription,
		],
	};
}
