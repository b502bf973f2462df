import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export const SMS_PARTNER_DEFAULT_BASE_URL = 'https://api.smspartner.fr/v1';

const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD']);

/**
 * SMS Partner reads the key from the query string on GET and from the JSON body on POST and
 * DELETE, so a generic `authenticate` (which adds `qs` to every method) would leak it into URLs.
 */
export async function authenticateSmsPartner(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const apiKey = String(credentials.apiKey ?? '');
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	if (METHODS_WITHOUT_BODY.has(method)) {
		return { ...requestOptions, qs: { ...requestOptions.qs, apiKey } };
	}
	const body = (requestOptions.body ?? {}) as Record<string, unknown>;
	return { ...requestOptions, body: { ...body, apiKey } };
}

export class SmsPartnerApi implements ICredentialType {
	name = 'smsPartnerApi';

	displayName = 'SMS Partner API';

	icon = {
		light: 'file:../nodes/SmsPartner/smspartner.svg',
		dark: 'file:../nodes/SmsPartner/smspartner.dark.svg',
	} as const;

	documentationUrl = 'https://www.docpartner.dev/en/api/sms-partner';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API key of your SMS Partner account, shown in the dashboard under "API" (my.smspartner.fr)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: SMS_PARTNER_DEFAULT_BASE_URL,
			description:
				'Where the API is reached. Keep the default unless you go through a proxy or use the local SMS Partner simulator, e.g. http://127.0.0.1:8787/v1.',
		},
	];

	authenticate = authenticateSmsPartner;

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl || "' + SMS_PARTNER_DEFAULT_BASE_URL + '"}}',
			url: '/me',
			method: 'GET',
			// A refused key answers HTTP 401 with SMS Partner's code: the rules below read its body,
			// where n8n would otherwise say only "Unauthorized".
			ignoreHttpStatusErrors: true,
		},
		// Rules are tried in order, each matching one value: the invalid key's code first, then
		// "success is not true", which takes two: false and missing.
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 10,
					message: `SMS Partner refused this API key (its code 10: invalid key). Copy the key again from the SMS Partner dashboard, and check that Base URL is ${SMS_PARTNER_DEFAULT_BASE_URL} or your proxy.`,
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message: `SMS Partner answered the account check (GET /me) with an error. Check the key and the account in the SMS Partner dashboard, and that Base URL is ${SMS_PARTNER_DEFAULT_BASE_URL} or your proxy.`,
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: undefined,
					message: `Base URL did not answer like the SMS Partner API. Check it, e.g. ${SMS_PARTNER_DEFAULT_BASE_URL}.`,
				},
			},
		],
	};
}
