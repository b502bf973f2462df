import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
} from 'n8n-workflow';

import { authenticateSmsPartner } from '../../credentials/SmsPartnerApi.credentials';
import { SmsPartner } from '../../nodes/SmsPartner/SmsPartner.node';
import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiPost } from '../simulator/http';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ startTime: new Date('2026-11-24T08:03:00Z') });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

/**
 * What n8n gives a loadOptions method, reduced to what getGroups uses: the credential's own
 * `authenticate` is applied, then the request goes to the simulator over HTTP.
 */
function loadOptionsContext(credentials: ICredentialDataDecryptedObject): ILoadOptionsFunctions {
	const helpers = {
		async httpRequestWithAuthentication(credentialType: string, options: IHttpRequestOptions) {
			if (credentialType !== 'smsPartnerApi') throw new Error(`unexpected ${credentialType}`);
			const request = await authenticateSmsPartner(credentials, options);
			const url = new URL(`${request.baseURL}${request.url}`);
			for (const [key, value] of Object.entries(request.qs ?? {})) {
				url.searchParams.set(key, String(value));
			}
			const response = await fetch(url, {
				method: request.method,
				headers: request.headers as Record<string, string>,
			});
			const text = await response.text();
			const isJson = response.headers.get('content-type')?.startsWith('application/json');
			const body: unknown = isJson ? JSON.parse(text) : text;
			if (!response.ok && !request.ignoreHttpStatusErrors)
				throw new Error(`HTTP ${response.status}`);
			return request.returnFullResponse ? { statusCode: response.status, headers: {}, body } : body;
		},
	};
	return {
		getCredentials: async () => credentials,
		getNode: () => ({
			id: 'sms-partner',
			name: 'SMS Partner',
			type: 'n8n-nodes-smspartner.smsPartner',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		helpers,
	} as unknown as ILoadOptionsFunctions;
}

const getGroups = new SmsPartner().methods.loadOptions.getGroups;

async function seedGroup(name: string): Promise<number> {
	return (await apiPost(sim, '/group/add', { apiKey: DEFAULT_API_KEY, name })).body.groupId;
}

async function failure(promise: Promise<unknown>): Promise<NodeApiError> {
	const error = await promise.then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	if (!(error instanceof NodeApiError))
		throw new Error(`expected a NodeApiError, got ${String(error)}`);
	return error;
}

describe('getGroups (the Group dropdown)', () => {
	it("lists the account's groups by name, with their ids as values", async () => {
		const prospects = await seedGroup('Prospects');
		const clients = await seedGroup('Clients');
		const summer = await seedGroup('Été 2026');
		sim.requests.length = 0;

		const options = await getGroups.call(
			loadOptionsContext({ apiKey: DEFAULT_API_KEY, baseUrl: sim.baseUrl }),
		);

		expect(options).toEqual([
			{ name: 'Clients', value: clients },
			{ name: 'Été 2026', value: summer },
			{ name: 'Prospects', value: prospects },
		]);
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0]).toMatchObject({
			method: 'GET',
			path: '/v1/group/list',
			query: { apiKey: DEFAULT_API_KEY },
		});
	});

	it('gives an empty list for an account without groups', async () => {
		const context = loadOptionsContext({ apiKey: DEFAULT_API_KEY, baseUrl: sim.baseUrl });
		expect(await getGroups.call(context)).toEqual([]);
	});

	it('fails with the SMS Partner code in plain English for a wrong key, without the key', async () => {
		const apiKey = 'wrong-key-123456';
		const error = await failure(
			getGroups.call(loadOptionsContext({ apiKey, baseUrl: sim.baseUrl })),
		);
		expect(error.message).toBe(
			'SMS Partner error 10: SMS Partner does not recognise this API key. Copy the key again from the SMS Partner dashboard into the credential.',
		);
		expect(error.description).toBe('SMS Partner said: "Clé API incorrecte" (HTTP 401)');
		expect(JSON.stringify(error)).not.toContain(apiKey);
	});

	it('says it could not reach SMS Partner when nothing listens, without the key', async () => {
		const closed = await startSimulator();
		const baseUrl = closed.baseUrl;
		await closed.close();
		const error = await failure(
			getGroups.call(loadOptionsContext({ apiKey: DEFAULT_API_KEY, baseUrl })),
		);
		expect(error.message).toMatch(
			/^Could not load the groups from SMS Partner\. Check the Base URL/,
		);
		expect(error.description).toBe('Network error ECONNREFUSED.');
		expect(`${error.message} ${error.description} ${JSON.stringify(error)}`).not.toContain(
			DEFAULT_API_KEY,
		);
	});
});
