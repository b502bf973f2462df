import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiGet, apiPost, type Reply } from './http';

const KEY = DEFAULT_API_KEY;
const OTHER_KEY = 'other-key';
const EMPTY_KEY = 'empty-key';

let sim: Simulator;

beforeAll(async () => {
	// 10:00 in Paris.
	sim = await startSimulator({
		startTime: new Date('2025-06-02T08:00:00Z'),
		accounts: [
			{ apiKey: KEY, username: 'parent@example.com' },
			{ apiKey: OTHER_KEY, username: 'other@example.com' },
			{ apiKey: EMPTY_KEY, username: 'empty@example.com', creditEur: 0 },
		],
	});
});
afterAll(() => sim.close());
beforeEach(() => {
	sim.reset();
	sim.configure({ errorStatus: 'mirror' });
});

async function apiDelete(path: string, body: unknown): Promise<Reply> {
	const response = await fetch(`${sim.baseUrl}${path}`, {
		method: 'DELETE',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	return {
		status: response.status,
		contentType: response.headers.get('content-type'),
		text,
		body: JSON.parse(text),
	};
}

const create = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	apiPost(sim, '/subaccount/create', { apiKey: KEY, type: 'simple', parameters, ...extra });

async function tokenOf(email: string, creditToAttribute?: number, apiKey = KEY): Promise<string> {
	const reply = await apiPost(sim, '/subaccount/create', {
		apiKey,
		type: 'simple',
		parameters: { email, creditToAttribute },
	});
	return reply.body.subaccount.token;
}

const list = (page?: number, apiKey = KEY) =>
	apiGet(sim, '/subaccount/list', page === undefined ? { apiKey } : { apiKey, page });
const balance = async (apiKey = KEY) =>
	(await apiGet(sim, '/me', { apiKey })).body.credits.balance as string;
const credit = (direction: 'add' | 'remove', body: Record<string, unknown>) =>
	apiPost(sim, `/subaccount/credit/${direction}`, { apiKey: KEY, ...body });

describe('POST /subaccount/create', () => {
	it('creates a sub-account, taking its credit from the main balance', async () => {
		const reply = await create({
			email: 'shop@example.com',
			creditToAttribute: '12.5',
			isBuyer: 0,
		});

		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({
			success: true,
			code: 200,
			subaccount: { email: 'shop@example.com', token: expect.stringMatching(/^[0-9a-f]{32}$/) },
			sendConfirmMailTo: 'parent@example.com',
			parent_email: 'parent@example.com',
		});
		expect(await balance()).toBe('87.500');
	});

	it('sends the confirmation of an advanced sub-account to its own address', async () => {
		const reply = await create({ email: 'agency@example.com', isBuyer: 1 }, { type: 'advanced' });
		expect(reply.body.sendConfirmMailTo).toBe('agency@example.com');
	});

	it('answers in XML with the sub-account as a nested entry', async () => {
		const reply = await create({ email: 'shop@example.com' }, { _format: 'xml' });
		expect(reply.text).toMatch(
			/^<\?xml version='1.0' encoding='UTF-8'\?>\n<result><entry>true<\/entry><entry>200<\/entry><entry><entry><!\[CDATA\[shop@example.com\]\]><\/entry><entry><!\[CDATA\[[0-9a-f]{32}\]\]><\/entry><\/entry>/,
		);
	});

	it.each([
		[3, 'an advanced one without isBuyer', { type: 'advanced' }, { email: 'a@example.com' }],
		[4, 'no type', { type: '' }, { email: 'a@example.com' }],
		[5, 'an unknown type', { type: 'premium' }, { email: 'a@example.com' }],
		[6, 'no e-mail', {}, { email: ' ' }],
		[6, 'no parameters at all', { parameters: undefined }, {}],
		[7, "the parent's e-mail", {}, { email: 'PARENT@example.com' }],
		[8, 'a credit of 0', {}, { email: 'a@example.com', creditToAttribute: 0 }],
		[8, 'a credit that is not a number', {}, { email: 'a@example.com', creditToAttribute: 'ten' }],
		[
			9,
			'more credit than the main balance',
			{},
			{ email: 'a@example.com', creditToAttribute: 100.001 },
		],
	])('code %d for %s', async (code, _case, extra, parameters) => {
		const reply = await create(parameters, extra);
		expect(reply.status).toBeGreaterThanOrEqual(400);
		expect(reply.body).toEqual({ success: false, code, message: expect.any(String) });
		expect(await balance()).toBe('100.000');
	});

	it("code 7 for an e-mail another account's sub-account uses", async () => {
		await tokenOf('taken@example.com', undefined, OTHER_KEY);
		const reply = await create({ email: 'Taken@example.com' });
		expect(reply.body.code).toBe(7);
	});

	it('forgets every sub-account on reset', async () => {
		await tokenOf('shop@example.com', 5);
		sim.reset();
		expect((await list()).body.total).toBe(0);
		expect((await create({ email: 'shop@example.com' })).body.success).toBe(true);
	});
});

describe('GET /subaccount/list', () => {
	it('lists 20 per page with the documented fields, dates in Paris time', async () => {
		const first = await tokenOf('s1@example.com', 0.8);
		for (let index = 2; index <= 21; index++) await tokenOf(`s${index}@example.com`);

		const page1 = await list();
		expect(page1.body).toMatchObject({
			success: true,
			code: 200,
			total: 21,
			nb_per_page: 20,
			page: 1,
		});
		expect(page1.body.data).toHaveLength(20);
		expect(page1.body.data[0]).toEqual({
			id: 1,
			email: 's1@example.com',
			type: 'simple',
			token: first,
			apiKey: expect.stringMatching(/^[0-9a-f]{32}$/),
			createdAt: expect.stringMatching(/^2025-06-02 10:00:\d{2}$/),
			credits: { balance: '0.800', currency: 'EUR' },
		});
		expect(page1.body.data[0].apiKey).not.toBe(first);

		const page2 = await list(2);
		expect(page2.body.page).toBe(2);
		expect(page2.body.data.map((row: any) => row.email)).toEqual(['s21@example.com']);
		expect((await list(3)).body.data).toEqual([]);
	});

	it("shows only the account's own sub-accounts", async () => {
		await tokenOf('mine@example.com');
		await tokenOf('theirs@example.com', undefined, OTHER_KEY);
		expect((await list()).body.data.map((row: any) => row.email)).toEqual(['mine@example.com']);
	});

	it('answers code 10 for a wrong key', async () => {
		const reply = await list(1, 'wrong');
		expect([reply.status, reply.body.code]).toEqual([401, 10]);
	});
});

describe('POST /subaccount/credit/add and /remove', () => {
	it('moves credit between the main balance and the sub-account', async () => {
		const token = await tokenOf('shop@example.com');

		const added = await credit('add', { credit: '10', tokenSubaccount: token });
		expect(added.body).toEqual({
			success: true,
			code: 200,
			credit: 90,
			subaccountCredit: 10,
			currency: 'EUR',
		});
		const removed = await credit('remove', { credit: 2.5, tokenSubaccount: token });
		expect(removed.body).toMatchObject({ credit: 92.5, subaccountCredit: 7.5 });
		expect(await balance()).toBe('92.500');
		expect((await list()).body.data[0].credits.balance).toBe('7.500');
	});

	it.each([
		[2, 'add', 'no credit', { credit: '' }],
		[3, 'add', 'no token', { tokenSubaccount: undefined }],
		[4, 'add', "another account's sub-account", { tokenSubaccount: 'other' }],
		[5, 'add', 'a credit of 0', { credit: 0 }],
		[5, 'remove', 'a negative credit', { credit: -1 }],
		[6, 'remove', 'an empty sub-account', {}],
		[7, 'remove', 'an unknown token', { tokenSubaccount: 'f'.repeat(32) }],
		[8, 'add', 'more than the main balance', { credit: 100.5 }],
	])('code %d on %s for %s', async (code, direction, _case, body) => {
		const token = await tokenOf('shop@example.com');
		const othersToken = await tokenOf('other@example.org', undefined, OTHER_KEY);
		const fields: Record<string, unknown> = { credit: 1, tokenSubaccount: token, ...body };
		if (fields.tokenSubaccount === 'other') fields.tokenSubaccount = othersToken;
		const reply = await credit(direction as 'add' | 'remove', fields);
		expect(reply.status).toBe(code === 4 ? 404 : 400);
		expect(reply.body).toEqual({ success: false, code, message: expect.any(String) });
		expect(await balance()).toBe('100.000');
	});

	it('code 6 on add when the main balance is empty, 8 on remove beyond the sub-account balance', async () => {
		const poor = await tokenOf('poor@example.com', undefined, EMPTY_KEY);
		const add = await apiPost(sim, '/subaccount/credit/add', {
			apiKey: EMPTY_KEY,
			credit: 1,
			tokenSubaccount: poor,
		});
		expect(add.body.code).toBe(6);

		const token = await tokenOf('shop@example.com', 3);
		expect((await credit('remove', { credit: 3.001, tokenSubaccount: token })).body.code).toBe(8);
	});

	it('answers errors with HTTP 200 in always-200 mode', async () => {
		sim.configure({ errorStatus: 'always-200' });
		const reply = await credit('add', { credit: 1, tokenSubaccount: 'nope' });
		expect([reply.status, reply.body.code]).toEqual([200, 7]);
	});
});

describe('DELETE /subaccount/remove', () => {
	it('removes the sub-account, its remaining credit going back to the main balance', async () => {
		const token = await tokenOf('shop@example.com', 4);
		const reply = await apiDelete('/subaccount/remove', { apiKey: KEY, token });

		expect([reply.status, reply.body]).toEqual([200, { success: true, code: 200 }]);
		expect((await list()).body.total).toBe(0);
		expect(await balance()).toBe('100.000');
		const again = await apiDelete('/subaccount/remove', { apiKey: KEY, token });
		expect([again.status, again.body.code]).toEqual([404, 404]);
	});

	it('answers 1 without a token, 404 for a token of another account', async () => {
		const theirs = await tokenOf('theirs@example.com', undefined, OTHER_KEY);
		const noToken = await apiDelete('/subaccount/remove', { apiKey: KEY });
		expect(noToken.body).toEqual({ success: false, code: 1, message: 'Le token est requis' });
		expect((await apiDelete('/subaccount/remove', { apiKey: KEY, token: theirs })).body.code).toBe(
			404,
		);
		expect((await list(1, OTHER_KEY)).body.total).toBe(1);
	});

	it('reads the key from the body, and only answers DELETE', async () => {
		const token = await tokenOf('shop@example.com');
		const inQuery = await fetch(`${sim.baseUrl}/subaccount/remove?apiKey=${KEY}`, {
			method: 'DELETE',
			body: JSON.stringify({ token }),
		});
		expect(((await inQuery.json()) as any).code).toBe(1);
		const viaPost = await apiPost(sim, '/subaccount/remove', { apiKey: KEY, token });
		expect(viaPost.status).toBe(405);
	});
});
