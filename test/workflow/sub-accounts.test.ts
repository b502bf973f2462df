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

const OTHER_KEY = 'other-account-key-01';
const EMPTY_KEY = 'empty-account-key-01';
const PARENT_EMAIL = 'simulateur@example.com';

const sim = useSimulator({
	startTime: START,
	accounts: [
		{ apiKey: DEFAULT_API_KEY },
		{ apiKey: OTHER_KEY, username: 'other@example.com' },
		{ apiKey: EMPTY_KEY, username: 'empty@example.com', creditEur: 0 },
	],
});

const op = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'subAccount',
	operation,
	...extra,
});

/** Creates a sub-account through the API, as another tool would; resolves with its token. */
async function seedSubAccount(
	email: string,
	creditToAttribute?: number,
	apiKey = DEFAULT_API_KEY,
): Promise<string> {
	const reply = await apiPost(sim, '/subaccount/create', {
		apiKey,
		type: 'simple',
		parameters: { email, ...(creditToAttribute ? { creditToAttribute } : {}) },
	});
	if (reply.body?.success !== true) throw new Error(`seed refused: ${reply.text}`);
	return reply.body.subaccount.token;
}

async function mainBalance(apiKey = DEFAULT_API_KEY): Promise<string> {
	return (await apiGet(sim, '/me', { apiKey })).body.credits.balance;
}

const requestsTo = (path: string) =>
	sim.requests.filter((request) => request.path === `/v1${path}`);

describe('Sub-Account > Create', () => {
	it('creates a simple sub-account with credit from the main account', async () => {
		const run = await runNode(
			sim,
			op('create', {
				subAccountType: 'simple',
				email: ' shop-lyon@example.com ',
				additionalFields: { creditToAttribute: 10, title: 'Shop Lyon', firstname: 'Camille' },
			}),
		);

		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual([
			{
				json: {
					email: 'shop-lyon@example.com',
					token: expect.stringMatching(/^[0-9a-f]{32}$/),
					sendConfirmMailTo: PARENT_EMAIL,
					parentEmail: PARENT_EMAIL,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(requestsTo('/subaccount/create')[0].body).toEqual({
			type: 'simple',
			parameters: {
				email: 'shop-lyon@example.com',
				isBuyer: 0,
				creditToAttribute: 10,
				title: 'Shop Lyon',
				firstname: 'Camille',
			},
			apiKey: DEFAULT_API_KEY,
		});
		expect(await mainBalance()).toBe('90.000');
	});

	it('creates an advanced sub-account that may buy credit; its holder confirms the e-mail', async () => {
		const run = await runNode(
			sim,
			op('create', { subAccountType: 'advanced', email: 'agency@example.com', isBuyer: true }),
		);

		expect(run.items[0].json).toMatchObject({
			email: 'agency@example.com',
			sendConfirmMailTo: 'agency@example.com',
			parentEmail: PARENT_EMAIL,
		});
		expect((requestsTo('/subaccount/create')[0].body as any).parameters).toEqual({
			email: 'agency@example.com',
			isBuyer: 1,
		});
		expect(await mainBalance()).toBe('100.000');
	});

	it('gives the same item whether SMS Partner answers in JSON or XML', async () => {
		const create = (email: string, responseFormat: string) =>
			runNode(sim, op('create', { email, options: { responseFormat } }));
		const viaJson = await create('a@example.com', 'json');
		const viaXml = await create('b@example.com', 'xml');

		expect((requestsTo('/subaccount/create')[1].body as any)._format).toBe('xml');
		expect(viaXml.items[0].json).toEqual({
			...viaJson.items[0].json,
			email: 'b@example.com',
			token: expect.stringMatching(/^[0-9a-f]{32}$/),
		});
		expect(viaXml.items[0].json.token).not.toBe(viaJson.items[0].json.token);
	});

	it.each([
		[7, 'an e-mail already used', async () => 'taken@example.com', {}],
		[
			9,
			'more credit than the main account has',
			async () => 'rich@example.com',
			{ creditToAttribute: 150 },
		],
	])('code %d: %s', async (code, _case, email, additionalFields) => {
		await seedSubAccount('taken@example.com');
		const run = await runNode(sim, op('create', { email: await email(), additionalFields }));
		expect(run.failure?.message).toMatch(new RegExp(`^SMS Partner error ${code}: [A-Z]`));
		expect(run.failure?.description).toMatch(/^SMS Partner said: ".+"/);
	});

	it.each([
		['an empty e-mail', { email: '={{ "" }}' }, /^Email is empty\./],
		[
			'a malformed e-mail',
			{ email: 'shop-lyon.example.com' },
			/^Email "shop-lyon.example.com" is not an e-mail address\./,
		],
		[
			'a credit of 0',
			{ email: 'a@example.com', additionalFields: { creditToAttribute: 0 } },
			/^Credit to Attribute 0 is not an amount in euros of at least 0\.001/,
		],
	])('refuses %s before any request', async (_case, extra, message) => {
		const run = await runNode(sim, op('create', extra));
		expect(run.failure?.message).toMatch(message);
		expect(sim.requests).toEqual([]);
	});
});

describe('Sub-Account > Get Many', () => {
	it('gives one item per sub-account, with ISO dates and number balances, never their API keys', async () => {
		const first = await seedSubAccount('one@example.com', 2.5);
		sim.clock.advance(3600);
		const second = await seedSubAccount('two@example.com');
		const listed = await apiGet(sim, '/subaccount/list', { apiKey: DEFAULT_API_KEY });
		const subAccountKeys = listed.body.data.map((row: any) => row.apiKey as string);

		const run = await runNode(sim, op('getMany', { returnAll: true }));

		expect(run.items.map((item) => item.json)).toEqual([
			{
				id: 1,
				email: 'one@example.com',
				type: 'simple',
				token: first,
				createdAt: expect.stringMatching(/^2026-11-24T08:03:\d{2}\.000Z$/),
				balance: 2.5,
				currency: 'EUR',
			},
			{
				id: 2,
				email: 'two@example.com',
				type: 'simple',
				token: second,
				createdAt: expect.stringMatching(/^2026-11-24T09:03:\d{2}\.000Z$/),
				balance: 0,
				currency: 'EUR',
			},
		]);
		// The list answer carries them; nothing of the run may.
		expect(subAccountKeys).toHaveLength(2);
		for (const key of subAccountKeys) expect(JSON.stringify(run.run)).not.toContain(key);
	});

	it('with Return All reads every page of 20; with Limit only the pages it needs', async () => {
		for (let index = 1; index <= 23; index++) await seedSubAccount(`shop${index}@example.com`);

		const all = await runNode(sim, op('getMany', { returnAll: true }));
		expect(all.items.map((item) => item.json.email)).toEqual(
			Array.from({ length: 23 }, (_, index) => `shop${index + 1}@example.com`),
		);
		expect(requestsTo('/subaccount/list').map((request) => request.query.page)).toEqual(['1', '2']);

		const some = await runNode(sim, op('getMany', { returnAll: false, limit: 5 }));
		expect(some.items.map((item) => item.json.id)).toEqual([1, 2, 3, 4, 5]);
		expect(requestsTo('/subaccount/list')).toHaveLength(3);
	});

	it('gives no item when there is no sub-account', async () => {
		const run = await runNode(sim, op('getMany', { returnAll: true }));
		expect(run.failure).toBeUndefined();
		expect(run.items).toEqual([]);
	});

	it('gives the same items whether SMS Partner answers in JSON or XML', async () => {
		for (let index = 1; index <= 21; index++) await seedSubAccount(`x${index}@example.com`, 1.25);
		const viaJson = await runNode(
			sim,
			op('getMany', { returnAll: true, options: { responseFormat: 'json' } }),
		);
		const viaXml = await runNode(
			sim,
			op('getMany', { returnAll: true, options: { responseFormat: 'xml' } }),
		);
		expect(requestsTo('/subaccount/list').at(-1)?.query._format).toBe('xml');
		expect(viaXml.items).toHaveLength(21);
		expect(visible(viaXml.items)).toEqual(visible(viaJson.items));
		expect(viaXml.items[0].json.balance).toBe(1.25);
	});

	it('refuses a limit below 1 before any request', async () => {
		const run = await runNode(sim, op('getMany', { limit: '={{ 0 }}' }));
		expect(run.failure?.message).toMatch(/^Limit "?0"? is not a whole number of at least 1\./);
		expect(sim.requests).toEqual([]);
	});

	it('code 10: a wrong API key', async () => {
		const run = await runNode(sim, op('getMany'), [{}], { apiKey: 'wrong-key-000' });
		expect(run.failure?.message).toMatch(/^SMS Partner error 10: /);
	});
});

describe('Sub-Account > Add Credit and Remove Credit', () => {
	it('moves credit to the sub-account and back, giving both balances', async () => {
		const token = await seedSubAccount('shop@example.com');

		const added = await runNode(sim, op('addCredit', { subAccount: token, credit: 12.5 }));
		expect(visible(added.items)).toEqual([
			{
				json: { credit: 87.5, subaccountCredit: 12.5, currency: 'EUR', token },
				pairedItem: { item: 0 },
			},
		]);
		expect(requestsTo('/subaccount/credit/add')[0].body).toEqual({
			credit: 12.5,
			tokenSubaccount: token,
			apiKey: DEFAULT_API_KEY,
		});

		const removed = await runNode(sim, op('removeCredit', { subAccount: token, credit: 2.5 }));
		expect(removed.items[0].json).toEqual({
			credit: 90,
			subaccountCredit: 10,
			currency: 'EUR',
			token,
		});
		expect(await mainBalance()).toBe('90.000');
	});

	it('gives the same item whether SMS Partner answers in JSON or XML', async () => {
		const token = await seedSubAccount('shop@example.com');
		const add = (responseFormat: string) =>
			runNode(sim, op('addCredit', { subAccount: token, credit: 1, options: { responseFormat } }));
		const viaJson = await add('json');
		const viaXml = await add('xml');
		expect(viaXml.items[0].json).toEqual({
			...viaJson.items[0].json,
			credit: 98,
			subaccountCredit: 2,
		});
	});

	describe.each(['mirror', 'always-200'] as const)(
		'failures with errorStatus %s',
		(errorStatus) => {
			beforeEach(() => sim.configure({ errorStatus }));

			const cases: Array<
				[number, string, string, () => Promise<{ token: string; credit: number; apiKey?: string }>]
			> = [
				[
					4,
					'addCredit',
					"another account's sub-account",
					async () => ({ token: await seedSubAccount('o@example.com', 0, OTHER_KEY), credit: 1 }),
				],
				[
					6,
					'addCredit',
					'an empty main account',
					async () => ({
						token: await seedSubAccount('e@example.com', 0, EMPTY_KEY),
						credit: 1,
						apiKey: EMPTY_KEY,
					}),
				],
				[
					6,
					'removeCredit',
					'an empty sub-account',
					async () => ({ token: await seedSubAccount('s@example.com'), credit: 1 }),
				],
				[7, 'addCredit', 'an unknown token', async () => ({ token: 'f'.repeat(32), credit: 1 })],
				[
					8,
					'addCredit',
					'more than the main balance',
					async () => ({ token: await seedSubAccount('s@example.com'), credit: 100.001 }),
				],
				[
					8,
					'removeCredit',
					'more than the sub-account balance',
					async () => ({ token: await seedSubAccount('s@example.com', 5), credit: 6 }),
				],
				[
					10,
					'removeCredit',
					'a wrong API key',
					async () => ({ token: 'f'.repeat(32), credit: 1, apiKey: 'wrong-key-000' }),
				],
			];

			it.each(cases)('code %d on %s: %s', async (code, operation, _case, setup) => {
				const { token, credit, apiKey } = await setup();
				const run = await runNode(sim, op(operation, { subAccount: token, credit }), [{}], {
					apiKey,
				});
				expect(run.failure?.message).toMatch(new RegExp(`^SMS Partner error ${code}: [A-Z]`));
				expect(run.failure?.description).toMatch(/^SMS Partner said: ".+"/);
				if (errorStatus === 'always-200') expect(run.failure?.description).toContain('(HTTP 200)');
				expect(run.run.data.resultData.error?.name).toBe('NodeApiError');
			});
		},
	);

	it('explains code 8 on Add Credit as too little credit on the main account', async () => {
		const token = await seedSubAccount('s@example.com');
		const run = await runNode(sim, op('addCredit', { subAccount: token, credit: 500 }));
		expect(run.failure?.message).toBe(
			'SMS Partner error 8: The main account has not enough credit for this amount. Give less, or top up the SMS Partner account first.',
		);
	});

	it.each([
		['an empty token', { subAccount: '={{ "" }}', credit: 1 }, /^Sub-Account Token is empty\./],
		[
			'a credit of 0',
			{ subAccount: 'abc', credit: 0 },
			/^Credit 0 is not an amount in euros of at least 0\.001/,
		],
		[
			'a negative credit',
			{ subAccount: 'abc', credit: '={{ -5 }}' },
			/^Credit -5 is not an amount in euros of at least 0\.001/,
		],
	])('refuses %s before any request', async (_case, extra, message) => {
		const run = await runNode(sim, op('removeCredit', extra));
		expect(run.failure?.message).toMatch(message);
		expect(sim.requests).toEqual([]);
	});

	async function batch() {
		const shop = await seedSubAccount('shop@example.com');
		const depot = await seedSubAccount('depot@example.com');
		return [
			{ name: 'shop', token: shop, amount: 5 },
			{ name: 'ghost', token: 'f'.repeat(32), amount: 5 },
			{ name: 'blank', token: '', amount: 5 },
			{ name: 'depot', token: depot, amount: 7 },
		];
	}
	const addFromItems = op('addCredit', {
		subAccount: '={{ $json.token }}',
		credit: '={{ $json.amount }}',
	});

	it('over a batch, keeps one result per item with "continue (regular output)"', async () => {
		const input = await batch();
		sim.requests.length = 0;
		const run = await runNode(sim, addFromItems, input, { onError: 'continueRegularOutput' });

		expect(run.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
		expect(run.items[0].json).toEqual({
			credit: 95,
			subaccountCredit: 5,
			currency: 'EUR',
			token: input[0].token,
		});
		expect(run.items[1].json.error).toMatch(/^SMS Partner error 7: No sub-account with this token/);
		expect(run.items[1].json.details).toMatchObject({ code: 7, httpStatus: 400 });
		expect(run.items[2].json.error).toMatch(/^Sub-Account Token is empty/);
		expect(run.items[3].json).toMatchObject({ credit: 88, subaccountCredit: 7 });
		expect(requestsTo('/subaccount/credit/add')).toHaveLength(3);
	});

	it('over a batch, sends failures to the error output with "continue (error output)"', async () => {
		const input = await batch();
		const run = await runNode(sim, addFromItems, input, { onError: 'continueErrorOutput' });

		expect(run.items.map((item) => [item.pairedItem, item.json.token])).toEqual([
			[{ item: 0 }, input[0].token],
			[{ item: 3 }, input[3].token],
		]);
		expect(
			run.errorItems.map((item) => [
				item.pairedItem,
				item.json.name,
				String(item.json.error).slice(0, 20),
			]),
		).toEqual([
			[{ item: 1 }, 'ghost', 'SMS Partner error 7:'],
			[{ item: 2 }, 'blank', 'Sub-Account Token is'],
		]);
	});
});

describe('Sub-Account > Delete', () => {
	it('deletes a sub-account, sending the key and token in the DELETE body', async () => {
		const token = await seedSubAccount('shop@example.com', 4);
		const run = await runNode(sim, op('delete', { subAccount: token }));

		expect(visible(run.items)).toEqual([
			{ json: { success: true, token }, pairedItem: { item: 0 } },
		]);
		const [request] = requestsTo('/subaccount/remove');
		expect(request.method).toBe('DELETE');
		expect(request.body).toEqual({ token, apiKey: DEFAULT_API_KEY });
		expect(request.query.apiKey).toBeUndefined();
		const list = await runNode(sim, op('getMany', { returnAll: true }));
		expect(list.items).toEqual([]);
		// What was left on it comes back to the main account.
		expect(await mainBalance()).toBe('100.000');
	});

	it('gives the same item whether SMS Partner answers in JSON or XML', async () => {
		const token = await seedSubAccount('shop@example.com');
		const run = await runNode(
			sim,
			op('delete', { subAccount: token, options: { responseFormat: 'xml' } }),
		);
		expect(run.items[0].json).toEqual({ success: true, token });
	});

	it.each(['mirror', 'always-200'] as const)(
		'code 404 (errorStatus %s): a sub-account already deleted',
		async (errorStatus) => {
			sim.configure({ errorStatus });
			const token = await seedSubAccount('shop@example.com');
			await runNode(sim, op('delete', { subAccount: token }));
			const again = await runNode(sim, op('delete', { subAccount: token }));
			expect(again.failure?.message).toMatch(
				/^SMS Partner error 404: No sub-account with this token exists on this account\./,
			);
		},
	);

	it('code 1: no API key', async () => {
		const run = await runNode(sim, op('delete', { subAccount: 'abc' }), [{}], { apiKey: '' });
		expect(run.failure?.message).toMatch(
			/^SMS Partner error 1: SMS Partner received no sub-account token or no API key/,
		);
	});

	it('refuses a token with a space before any request', async () => {
		const run = await runNode(sim, op('delete', { subAccount: 'abc def' }));
		expect(run.failure?.message).toMatch(/^Sub-Account Token "abc def" contains a space\./);
		expect(sim.requests).toEqual([]);
	});
});

describe('Sub-Account: the API key', () => {
	it('never appears in the saved run, whatever the operation or outcome', async () => {
		const token = await seedSubAccount('shop@example.com', 3);
		const runs = [];
		for (const onError of [
			'continueRegularOutput',
			'continueErrorOutput',
			'stopWorkflow',
		] as const) {
			const items = [{ token }, { token: 'f'.repeat(32) }, { token: '' }];
			const withToken = { subAccount: '={{ $json.token }}' };
			runs.push(
				await runNode(sim, op('addCredit', { ...withToken, credit: 1 }), items, { onError }),
			);
			runs.push(
				await runNode(sim, op('removeCredit', { ...withToken, credit: 1 }), items, { onError }),
			);
			runs.push(await runNode(sim, op('getMany', { returnAll: true }), [{}], { onError }));
			runs.push(
				await runNode(sim, op('create', { email: `${onError}@example.com` }), [{}], { onError }),
			);
			runs.push(await runNode(sim, op('delete', withToken), items.slice(1), { onError }));
		}
		for (const run of runs) expect(JSON.stringify(run.run)).not.toContain(DEFAULT_API_KEY);
		for (const request of sim.requests.filter((r) => r.path.startsWith('/v1/subaccount/'))) {
			const inQuery = request.method === 'GET';
			expect(request.query.apiKey).toBe(inQuery ? DEFAULT_API_KEY : undefined);
			if (!inQuery) expect((request.body as any).apiKey).toBe(DEFAULT_API_KEY);
		}
	});
});

/**
 * Codes the node never provokes, since it checks its input and always sends the fields the API
 * requires; a stand-in API answers them so that their wording is checked too.
 */
describe('Sub-Account: codes only a misbehaving request can get', () => {
	let stub: StubApi;
	let answer: object = {};

	beforeAll(async () => {
		stub = await startStubApi((_req, res) => {
			res.writeHead(400, { 'content-type': 'application/json' });
			res.end(JSON.stringify(answer));
		});
	});

	afterAll(() => stub.close());

	const create = op('create', { email: 'a@example.com' });
	const addCredit = op('addCredit', { subAccount: 'abc', credit: 1 });
	const removeCredit = op('removeCredit', { subAccount: 'abc', credit: 1 });

	it.each([
		[
			'create',
			2,
			create,
			/^SMS Partner error 2: This SMS Partner account may not create sub-accounts/,
		],
		['create', 3, create, /^SMS Partner error 3: SMS Partner needs to know whether the advanced/],
		['create', 4, create, /^SMS Partner error 4: SMS Partner received no sub-account type\./],
		[
			'create',
			5,
			create,
			/^SMS Partner error 5: SMS Partner does not know this sub-account type\./,
		],
		['create', 6, create, /^SMS Partner error 6: SMS Partner received no e-mail\./],
		[
			'create',
			8,
			create,
			/^SMS Partner error 8: The credit to give the new sub-account must be above 0/,
		],
		['addCredit', 2, addCredit, /^SMS Partner error 2: SMS Partner received no amount\./],
		[
			'addCredit',
			3,
			addCredit,
			/^SMS Partner error 3: SMS Partner received no sub-account token\./,
		],
		['removeCredit', 5, removeCredit, /^SMS Partner error 5: The amount must be above 0 EUR\./],
		['removeCredit', 4, removeCredit, /^SMS Partner error 4: This sub-account belongs to another/],
	])('%s, code %d', async (_operation, code, parameters, message) => {
		answer = { success: false, code, message: 'texte' };
		const run = await runWorkflow(singleNodeWorkflow(parameters), {
			credentials: { smsPartnerApi: { apiKey: DEFAULT_API_KEY, baseUrl: stub.baseUrl } },
		});
		expect(run.run.data.resultData.error?.message).toMatch(message);
	});
});
