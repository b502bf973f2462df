import { runWorkflow } from '../../runner';
import { DEFAULT_API_KEY } from '../../simulator';
import { apiGet, apiPost } from '../simulator/http';
import {
	runNode,
	singleNodeWorkflow,
	startStubApi,
	visible,
	START,
	type StubApi,
	useSimulator,
} from './helpers';

const POOR_KEY = 'poor-account-key-01';
const NOTIFY_URL = 'https://n8n.example.com/webhook/hlr-results';

const sim = useSimulator({
	startTime: START,
	accounts: [{ apiKey: DEFAULT_API_KEY }, { apiKey: POOR_KEY, creditEur: 0 }],
});

const lookup = (phoneNumbers: unknown, extra: Record<string, unknown> = {}) => ({
	resource: 'number',
	operation: 'lookup',
	phoneNumbers: phoneNumbers as string,
	...extra,
});

const verify = (extra: Record<string, unknown> = {}) => ({
	resource: 'number',
	operation: 'verify',
	phoneNumbers: '+33612345678, 06 98 76 54 32',
	notifyUrl: NOTIFY_URL,
	...extra,
});

const requestsTo = (path: string) =>
	sim.requests.filter((request) => request.path === `/v1${path}`);

/** Uses up the minute's 360 requests of an endpoint, as a busy workflow would. */
async function exhaustRateLimit(path: string): Promise<void> {
	for (let batch = 0; batch < 6; batch++) {
		await Promise.all(
			Array.from({ length: 60 }, () =>
				apiPost(sim, path, { apiKey: DEFAULT_API_KEY, phoneNumbers: '+33612345678' }),
			),
		);
	}
}

const FRENCH_MOBILE = {
	request: '+33612345678',
	valid: true,
	phoneNumber: '+33612345678',
	countryCode: 'France',
	prefixCode: 33,
	type: 'Mobile',
	network: '',
	e164: '+33612345678',
	international: '+33 6 12 34 56 78',
	national: '06 12 34 56 78',
	rfc3966: 'tel:+33-6-12-34-56-78',
	message: null,
};

const invalid = (request: string) => ({
	request,
	valid: false,
	phoneNumber: null,
	countryCode: null,
	prefixCode: null,
	type: null,
	network: null,
	e164: null,
	international: null,
	national: null,
	rfc3966: null,
	message: "Le numéro de téléphone est vide ou n'est pas valide.",
});

describe('Number > Lookup', () => {
	it('gives one item per number, invalid ones included, and sends the numbers as written', async () => {
		const run = await runNode(sim, lookup('+33612345678; 0612345678\n+32 470 12 34 56, abc'));

		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual([
			{ json: FRENCH_MOBILE, pairedItem: { item: 0 } },
			{ json: invalid('0612345678'), pairedItem: { item: 0 } },
			{
				json: {
					...FRENCH_MOBILE,
					request: '+32 470 12 34 56',
					phoneNumber: '+32470123456',
					countryCode: 'Belgium',
					prefixCode: 32,
					type: 'Unknown',
					e164: '+32470123456',
					international: '+32 470123456',
					national: '470123456',
					rfc3966: 'tel:+32-470123456',
				},
				pairedItem: { item: 0 },
			},
			{ json: invalid('abc'), pairedItem: { item: 0 } },
		]);
		const [request] = requestsTo('/lookup');
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({
			phoneNumbers: '+33612345678,0612345678,+32 470 12 34 56,abc',
			apiKey: DEFAULT_API_KEY,
		});
		expect(request.query.apiKey).toBeUndefined();
	});

	it('takes an array, or one number per input item, and links each result to its item', async () => {
		const run = await runNode(sim, lookup('={{ $json.phones }}'), [
			{ phones: ['+33612345678', '+33 1 23 45 67 89'] },
			{ phones: '0033698765432' },
		]);

		expect(
			run.items.map((item) => [item.pairedItem, item.json.e164, item.json.type, item.json.valid]),
		).toEqual([
			[{ item: 0 }, '+33612345678', 'Mobile', true],
			[{ item: 0 }, '+33123456789', 'Fixed line', true],
			[{ item: 1 }, '+33698765432', 'Mobile', true],
		]);
		expect(requestsTo('/lookup').map((request) => (request.body as any).phoneNumbers)).toEqual([
			'+33612345678,+33 1 23 45 67 89',
			'0033698765432',
		]);
	});

	it('gives the same items whether SMS Partner answers in JSON or XML', async () => {
		const numbers = '+33612345678, abc, +32470123456';
		const viaJson = await runNode(sim, lookup(numbers, { options: { responseFormat: 'json' } }));
		const viaXml = await runNode(sim, lookup(numbers, { options: { responseFormat: 'xml' } }));

		expect((requestsTo('/lookup').at(-1)?.body as any)._format).toBe('xml');
		expect(viaXml.items).toHaveLength(3);
		expect(visible(viaXml.items)).toEqual(visible(viaJson.items));
	});

	it.each([
		['an empty list', ' , ;', /^Phone Numbers is empty\./],
		[
			'more than 500 numbers',
			Array.from({ length: 501 }, (_, index) => `+336${String(index).padStart(8, '0')}`).join(','),
			/^Phone Numbers has 501 numbers; SMS Partner checks at most 500 per request\./,
		],
	])('refuses %s before any request', async (_case, phones, message) => {
		const run = await runNode(sim, lookup('={{ $json.phones }}'), [{ phones }]);
		expect(run.failure?.message).toMatch(message);
		expect(run.failure?.description).toMatch(/no request was sent/);
		expect(sim.requests).toEqual([]);
	});

	it('fails with code 429 beyond 360 requests in a minute, and works again a minute later', async () => {
		await exhaustRateLimit('/lookup');
		const limited = await runNode(sim, lookup('+33612345678'));
		expect(limited.failure?.message).toMatch(/^SMS Partner error 429: Too many requests/);
		expect(limited.failure?.description).toContain('(HTTP 429)');

		sim.clock.advance(61);
		const later = await runNode(sim, lookup('+33612345678'));
		expect(later.items.map((item) => item.json.valid)).toEqual([true]);
	});
});

describe('Number > Verify', () => {
	it('starts an HLR check and gives its campaign, count and cost', async () => {
		const run = await runNode(sim, verify({ tag: 'crm-cleanup' }));

		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual([
			{
				json: { campaignId: 'HLR000001', numbers: 2, cost: 0.01, currency: 'EUR' },
				pairedItem: { item: 0 },
			},
		]);
		const [request] = requestsTo('/hlr/notify');
		expect(request.body).toEqual({
			phoneNumbers: '+33612345678,+33698765432',
			notifyUrl: NOTIFY_URL,
			tag: 'crm-cleanup',
			apiKey: DEFAULT_API_KEY,
		});
		const me = await apiGet(sim, '/me', { apiKey: DEFAULT_API_KEY });
		expect(me.body.credits.balance).toBe('99.990');
	});

	it('sends no tag when none is given', async () => {
		await runNode(sim, verify());
		expect(requestsTo('/hlr/notify')[0].body).not.toHaveProperty('tag');
	});

	it('gives the same item whether SMS Partner answers in JSON or XML', async () => {
		const viaJson = await runNode(sim, verify({ options: { responseFormat: 'json' } }));
		const viaXml = await runNode(sim, verify({ options: { responseFormat: 'xml' } }));
		expect(viaXml.items[0].json).toEqual({ ...viaJson.items[0].json, campaignId: 'HLR000002' });
	});

	it.each([
		[
			'a malformed number',
			{ phoneNumbers: '+33612345678, abc' },
			/^Phone Numbers holds "abc", which is not a phone number\./,
		],
		['no number', { phoneNumbers: '={{ "" }}' }, /^Phone Numbers is empty\./],
		['no notify URL', { notifyUrl: '={{ "" }}' }, /^Notify URL is empty\./],
		[
			'a notify URL that is not http(s)',
			{ notifyUrl: 'ftp://example.com/hlr' },
			/^Notify URL "ftp:\/\/example.com\/hlr" is not an http or https address\./,
		],
		[
			'a notify URL without a scheme',
			{ notifyUrl: 'n8n.example.com/webhook' },
			/^Notify URL "n8n.example.com\/webhook" is not an http or https address\./,
		],
		['a tag with a space', { tag: 'crm cleanup' }, /^Tag "crm cleanup" contains a space\./],
	])('refuses %s before any request', async (_case, extra, message) => {
		const run = await runNode(sim, verify(extra));
		expect(run.failure?.message).toMatch(message);
		expect(sim.requests).toEqual([]);
	});

	describe.each(['mirror', 'always-200'] as const)(
		'failures with errorStatus %s',
		(errorStatus) => {
			beforeEach(() => sim.configure({ errorStatus }));

			it.each([
				[1, '', /^SMS Partner error 1: The request reached SMS Partner without an API key/],
				[10, 'wrong-key-000', /^SMS Partner error 10: SMS Partner does not recognise this API key/],
				[11, POOR_KEY, /^SMS Partner error 11: The SMS Partner account has not enough credit/],
			])('code %d', async (code, apiKey, message) => {
				const run = await runNode(sim, verify(), [{}], { apiKey });
				expect(run.failure?.message).toMatch(message);
				const status = errorStatus === 'always-200' ? 200 : code === 11 ? 402 : 401;
				expect(run.failure?.description).toContain(`(HTTP ${status})`);
				expect(run.run.data.resultData.error?.name).toBe('NodeApiError');
			});
		},
	);

	it('fails with code 429 beyond 360 requests in a minute', async () => {
		await exhaustRateLimit('/hlr/notify');
		const run = await runNode(sim, verify());
		expect(run.failure?.message).toMatch(/^SMS Partner error 429: /);
	});

	it('over a batch, keeps one result per item with "continue (regular output)"', async () => {
		const input = [
			{ phones: '+33612345678' },
			{ phones: 'not-a-number' },
			{ phones: '0698765432, 0611223344' },
		];
		const run = await runNode(sim, verify({ phoneNumbers: '={{ $json.phones }}' }), input, {
			onError: 'continueRegularOutput',
		});

		expect(run.items.map((item) => item.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
		expect(run.items[0].json).toEqual({
			campaignId: 'HLR000001',
			numbers: 1,
			cost: 0.005,
			currency: 'EUR',
		});
		expect(run.items[1].json.error).toMatch(
			/^Phone Numbers holds "not-a-number", which is not a phone number/,
		);
		expect(run.items[2].json).toMatchObject({ campaignId: 'HLR000002', numbers: 2 });
		expect(requestsTo('/hlr/notify')).toHaveLength(2);
	});

	it('over a batch, sends failures to the error output with "continue (error output)"', async () => {
		const input = [
			{ id: 'A', phones: '+33612345678' },
			{ id: 'B', phones: '' },
			{ id: 'C', phones: '+33698765432' },
		];
		const run = await runNode(sim, verify({ phoneNumbers: '={{ $json.phones }}' }), input, {
			onError: 'continueErrorOutput',
		});

		expect(run.items.map((item) => [item.pairedItem, item.json.campaignId])).toEqual([
			[{ item: 0 }, 'HLR000001'],
			[{ item: 2 }, 'HLR000002'],
		]);
		expect(run.errorItems.map((item) => [item.pairedItem, item.json.id, item.json.error])).toEqual([
			[{ item: 1 }, 'B', expect.stringMatching(/^Phone Numbers is empty/)],
		]);
	});
});

describe('Number: the API key', () => {
	it('goes in the JSON body and appears nowhere in the saved run', async () => {
		for (const onError of [
			'continueRegularOutput',
			'continueErrorOutput',
			'stopWorkflow',
		] as const) {
			const lookupRun = await runNode(
				sim,
				lookup('={{ $json.phone }}'),
				[{ phone: '+33612345678' }, { phone: '' }],
				{ onError },
			);
			const verifyRun = await runNode(sim, verify(), [{}], { onError });
			expect(JSON.stringify(lookupRun.run)).not.toContain(DEFAULT_API_KEY);
			expect(JSON.stringify(verifyRun.run)).not.toContain(DEFAULT_API_KEY);
		}
		for (const request of sim.requests) {
			expect(request.query.apiKey).toBeUndefined();
			expect((request.body as any).apiKey).toBe(DEFAULT_API_KEY);
		}
	});
});

/**
 * Codes the node never provokes, since it checks and normalises the numbers first; a stand-in
 * API answers them so that their wording is checked too.
 */
describe('Number: codes only a misbehaving request can get', () => {
	let stub: StubApi;
	let answer: object = {};

	beforeAll(async () => {
		stub = await startStubApi((_req, res) => {
			res.writeHead(400, { 'content-type': 'application/json' });
			res.end(JSON.stringify(answer));
		});
	});

	afterAll(() => stub.close());

	it.each([
		['lookup', 2, /^SMS Partner error 2: SMS Partner received no phone number\./],
		['lookup', 3, /^SMS Partner error 3: SMS Partner could not split the list of numbers/],
		['lookup', 50, /^SMS Partner error 50: SMS Partner checks at most 500 numbers/],
		['verify', 2, /^SMS Partner error 2: SMS Partner received no phone number it could check/],
		['verify', 3, /^SMS Partner error 3: SMS Partner could not split the list of numbers/],
		['verify', 50, /^SMS Partner error 50: SMS Partner checks at most 500 numbers/],
	])('%s, code %d', async (operation, code, message) => {
		answer = { success: false, code, message: 'Le numéro de téléphone est requis' };
		const parameters = operation === 'lookup' ? lookup('+33612345678') : verify();
		const run = await runWorkflow(singleNodeWorkflow(parameters), {
			credentials: { smsPartnerApi: { apiKey: DEFAULT_API_KEY, baseUrl: stub.baseUrl } },
		});
		expect(run.run.data.resultData.error?.message).toMatch(message);
	});
});
