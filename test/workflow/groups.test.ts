import { DEFAULT_API_KEY } from '../../simulator';
import { apiPost } from '../simulator/http';
import { runNode, visible, START, useSimulator } from './helpers';

const sim = useSimulator({ startTime: START });

async function seedGroup(name: string): Promise<number> {
	return (await apiPost(sim, '/group/add', { apiKey: DEFAULT_API_KEY, name })).body.groupId;
}

const requestsTo = (path: string) =>
	sim.requests.filter((request) => request.path === `/v1${path}`);

describe('Group > Create', () => {
	it('creates a group from each item and gives its id as a number, reading success not code 2', async () => {
		const run = await runNode(
			sim,
			{ resource: 'group', operation: 'create', name: '={{ $json.name }}' },
			[{ name: ' Clients ' }, { name: 'Prospects' }],
		);
		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual([
			{ json: { groupId: 6363, name: 'Clients' }, pairedItem: { item: 0 } },
			{ json: { groupId: 6364, name: 'Prospects' }, pairedItem: { item: 1 } },
		]);
		const [first] = requestsTo('/group/add');
		expect(first.method).toBe('POST');
		expect(first.body).toEqual({ name: 'Clients', apiKey: DEFAULT_API_KEY });
		expect(first.query).toEqual({});
	});

	it('refuses an empty name before any request', async () => {
		const run = await runNode(
			sim,
			{ resource: 'group', operation: 'create', name: '={{ $json.name }}' },
			[{ name: '   ' }],
		);
		expect(run.failure?.message).toMatch(/^Name is empty\. Give the group a name/);
		expect(run.failure?.description).toMatch(/no request was sent/);
		expect(sim.requests).toEqual([]);
	});
});

describe('Group > Get Many', () => {
	it('gives one item per group with id, name, UTC date and flags', async () => {
		await seedGroup('Clients');
		await seedGroup('Prospects');
		const run = await runNode(sim, { resource: 'group', operation: 'getMany', returnAll: true });
		expect(visible(run.items)).toEqual([
			{
				json: {
					groupId: 6363,
					name: 'Clients',
					createdAt: START.toISOString(),
					isSpecialFile: false,
					isLocationFile: false,
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					groupId: 6364,
					name: 'Prospects',
					createdAt: START.toISOString(),
					isSpecialFile: false,
					isLocationFile: false,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('stops at Limit, in one request', async () => {
		for (const name of ['A', 'B', 'C']) await seedGroup(name);
		const run = await runNode(sim, { resource: 'group', operation: 'getMany', limit: 2 });
		expect(run.items.map((item) => item.json.name)).toEqual(['A', 'B']);
		expect(requestsTo('/group/list')).toHaveLength(1);
	});

	it('gives the same items whether SMS Partner answers in JSON or XML', async () => {
		await seedGroup('Clients');
		await seedGroup('Prospects');
		const list = (responseFormat: string) =>
			runNode(sim, {
				resource: 'group',
				operation: 'getMany',
				returnAll: true,
				options: { responseFormat },
			});
		const viaJson = await list('json');
		const viaXml = await list('xml');
		expect(sim.requests.at(-1)?.query._format).toBe('xml');
		expect(viaXml.items.map((item) => item.json)).toEqual(viaJson.items.map((item) => item.json));
		expect(viaXml.items).toHaveLength(2);
	});

	it('refuses a limit of 0 before any request', async () => {
		const run = await runNode(sim, { resource: 'group', operation: 'getMany', limit: 0 });
		expect(run.failure?.message).toMatch(/^Limit 0 is not a whole number of at least 1/);
		expect(sim.requests).toEqual([]);
	});

	it('fails with code 10 for a wrong key', async () => {
		const run = await runNode(sim, { resource: 'group', operation: 'getMany' }, [{}], {
			apiKey: 'wrong-key-0000',
		});
		expect(run.failure?.message).toMatch(
			/^SMS Partner error 10: SMS Partner does not recognise this API key/,
		);
	});
});

describe('Group > Delete', () => {
	const remove = { resource: 'group', operation: 'delete', groupId: '={{ $json.groupId }}' };

	it('deletes the group and echoes its id', async () => {
		const groupId = await seedGroup('Clients');
		const run = await runNode(sim, remove, [{ groupId: String(groupId) }]);
		expect(visible(run.items)).toEqual([
			{ json: { success: true, groupId }, pairedItem: { item: 0 } },
		]);
		expect(requestsTo('/group/delete')[0]).toMatchObject({
			method: 'POST',
			body: { groupId, apiKey: DEFAULT_API_KEY },
		});
		const list = await runNode(sim, { resource: 'group', operation: 'getMany', returnAll: true });
		expect(list.items).toEqual([]);
	});

	it.each(['mirror', 'always-200'] as const)(
		'explains code 404 (no such group) with errorStatus %s',
		async (errorStatus) => {
			sim.configure({ errorStatus });
			const run = await runNode(sim, remove, [{ groupId: 999 }]);
			expect(run.failure?.message).toBe(
				'SMS Partner error 404: No group with this ID exists on this account: it was already deleted, or belongs to another account. Check the group ID and the credential.',
			);
			expect(run.failure?.description).toContain('SMS Partner said: "Le groupe n’existe pas"');
			expect(run.run.data.resultData.error?.name).toBe('NodeApiError');
		},
	);

	it.each([
		['', /^Group Name or ID is empty\./],
		['abc', /^Group Name or ID "abc" is not an ID/],
		['0', /^Group Name or ID "0" is not an ID/],
	])('refuses the group %p before any request', async (groupId, message) => {
		const run = await runNode(sim, remove, [{ groupId }]);
		expect(run.failure?.message).toMatch(message);
		expect(sim.requests).toEqual([]);
	});

	async function batch() {
		const first = await seedGroup('A');
		const second = await seedGroup('B');
		return [{ groupId: first }, { groupId: 'abc' }, { groupId: 4242 }, { groupId: second }];
	}

	it('with "continue (regular output)" gives one item per input, each linked', async () => {
		const input = await batch();
		const run = await runNode(sim, remove, input, { onError: 'continueRegularOutput' });
		expect(run.failure).toBeUndefined();
		expect(run.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
		expect(run.items[0].json).toEqual({ success: true, groupId: input[0].groupId });
		expect(run.items[1].json.error).toMatch(/^Group Name or ID "abc" is not an ID/);
		expect(run.items[2].json.error).toMatch(/^SMS Partner error 404:/);
		expect(run.items[2].json.details).toMatchObject({ code: 404, httpStatus: 404 });
		expect(run.items[3].json).toEqual({ success: true, groupId: input[3].groupId });
	});

	it('with "continue (error output)" splits the items and keeps the links', async () => {
		const input = await batch();
		const run = await runNode(sim, remove, input, { onError: 'continueErrorOutput' });
		expect(run.items.map((item) => [item.pairedItem, item.json.groupId])).toEqual([
			[{ item: 0 }, input[0].groupId],
			[{ item: 3 }, input[3].groupId],
		]);
		expect(
			run.errorItems.map((item) => [item.pairedItem, String(item.json.error).slice(0, 22)]),
		).toEqual([
			[{ item: 1 }, 'Group Name or ID "abc"'],
			[{ item: 2 }, 'SMS Partner error 404:'],
		]);
	});

	it('never shows the API key in the saved run', async () => {
		for (const onError of [
			'continueRegularOutput',
			'continueErrorOutput',
			'stopWorkflow',
		] as const) {
			const run = await runNode(sim, remove, await batch(), { onError });
			expect(JSON.stringify(run.run)).not.toContain(DEFAULT_API_KEY);
		}
	});
});
