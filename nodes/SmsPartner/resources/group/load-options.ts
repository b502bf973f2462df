import {
	NodeApiError,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { SMS_PARTNER_DEFAULT_BASE_URL } from '../../../../credentials/SmsPartnerApi.credentials';
import { explainApiError } from '../../shared/api-errors';
import { redactSecret } from '../../shared/redact';
import { parseResponseBody, SmsPartnerFailure } from '../../shared/response';
import { GROUP_LIST_RESPONSE, groupsOf, toGroup } from './getMany.operation';

/**
 * What went wrong, said without anything of the original error: a request error carries the
 * request, and with it the API key in the query string.
 */
function loadError(
	context: ILoadOptionsFunctions,
	error: unknown,
	apiKey: string | undefined,
): NodeApiError {
	const clean = (text: string) => redactSecret(text, apiKey);
	if (error instanceof SmsPartnerFailure) {
		const { code, apiMessage, bodyExcerpt } = error.details;
		const message =
			error.kind === 'api'
				? `SMS Partner error ${code ?? 'without code'}: ${explainApiError(code ?? -1)}`
				: `SMS Partner sent an answer that could not be read (HTTP ${error.httpStatus}). Check the Base URL of the credential.`;
		const said = apiMessage ? `SMS Partner said: "${apiMessage}"` : `Body: ${bodyExcerpt ?? ''}`;
		return new NodeApiError(
			context.getNode(),
			{ smsPartnerCode: code ?? null, httpStatus: error.httpStatus },
			{ message: clean(message), description: clean(`${said} (HTTP ${error.httpStatus})`) },
		);
	}
	const code = [error, (error as { cause?: unknown })?.cause]
		.map((candidate) => (candidate as { code?: unknown })?.code)
		.find((candidate) => typeof candidate === 'string');
	return new NodeApiError(
		context.getNode(),
		{ networkError: typeof code === 'string' ? code : null },
		{
			message:
				'Could not load the groups from SMS Partner. Check the Base URL of the credential and the network, then try again.',
			description: typeof code === 'string' ? `Network error ${code}.` : undefined,
		},
	);
}

/** The account's contact groups for the Group dropdowns, by name. */
async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const credentials = await this.getCredentials('smsPartnerApi');
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : undefined;
	const baseURL = String(credentials.baseUrl || SMS_PARTNER_DEFAULT_BASE_URL);
	const request: IHttpRequestOptions = {
		method: 'GET',
		baseURL,
		url: '/group/list',
		headers: { Accept: 'application/json' },
		// Failures come in the body with any HTTP status.
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	};
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			'smsPartnerApi',
			request,
		)) as IN8nHttpFullResponse;
		const body = parseResponseBody(response.body, response.statusCode, GROUP_LIST_RESPONSE);
		return groupsOf(body, response.statusCode)
			.map(toGroup)
			.map((group) => ({
				name: String(group.name ?? group.groupId),
				value: group.groupId as number | string,
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		throw loadError(this, error, apiKey);
	}
}

/** Lists loaded from the account for the editor's dropdowns. */
export const groupLoadOptions: Record<
	string,
	(this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>
> = { getGroups };
