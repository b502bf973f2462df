import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../runner';
import { DEFAULT_API_KEY } from '../../simulator';
import {
	runNode,
	sendSms,
	singleNodeWorkflow,
	visible,
	NODE,
	START,
	TRIGGER,
	useSimulator,
} from './helpers';

const sim = useSimulator({ startTime: START });

const stopList = (operation: string, parameters: Record<string, unknown> = {}) => ({
	resource: 'stopList',
	operation,
	...parameters,
});

/** STOP entries made at whole seconds, so that their Paris times are known exactly. */
function optOut(entries: Array<[string, string]>) {
	for (const [phoneNumber, at] of entries) {
		sim.clock.set(new Date(at));
		sim.addStopNumber(phoneNumber);
	}
	sim.clock.set(START);
}

const ENTRIES = [
	{ id: 1, phoneNumber: '+33611111111', createdAt: '2026-07-01T10:00:00.000Z' },
	{ id: 2, phoneNumber: '+33622222222', createdAt: '2026-11-20T16:45:30.000Z' },
	{ id: 3, phoneNumber: '+447700900123', createdAt: '2026-11-24T08:00:00.000Z' },
];

function seedEntries() {
	optOut([
		['0611111111', '2026-07-01T10:00:00Z'],
		['+33622222222', '2026-11-20T16:45:30Z'],
		['+447700900123', '2026-11-24T08:00:00Z'],
	]);
}

const pathIs = (suffix: string) => sim.requests.filter((request) => request.path.endsWith(suffix));

describe('STOP list: Get Many', () => {
	it('gives one item per entry with its ID, number and UTC creation time (from Paris time)', async () => {
		seedEntries();
		const run = await runNode(sim, stopList('getMany', { returnAll: true }));
		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual(ENTRIES.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('stops at Limit (default 50), and gives no item for an empty list', async () => {
		seedEntries();
		const limited = await runNode(sim, stopList('getMany', { limit: 2 }));
		expect(limited.items.map((item) => item.json)).toEqual(ENTRIES.slice(0, 2));
		const byDefault = await runNode(sim, stopList('getMany'));
		expect(byDefault.items).toHaveLength(3);
		sim.reset();
		const empty = await runNode(sim, stopList('getMany'));
		expect(empty.failure).toBeUndefined();
		expect(empty.items).toEqual([]);
	});

	it('gives the same items whether SMS Partner answers in JSON or XML', async () => {
		seedEntries();
		const viaJson = await runNode(sim, stopList('getMany', { returnAll: true }));
		const viaXml = await runNode(
			sim,
			stopList('getMany', { returnAll: true, options: { responseFormat: 'xml' } }),
		);
		expect(sim.requests.at(-1)?.query._format).toBe('xml');
		expect(visible(viaXml.items)).toEqual(visible(viaJson.items));
	});

	it('refuses a Limit below 1 before any request', async () => {
		const run = await runNode(sim, stopList('getMany', { limit: '={{ 0 }}' }));
		expect(run.failure?.message).toMatch(/^Limit 0 is not a whole number of at least 1/);
		expect(sim.requests).toEqual([]);
	});
});

describe('STOP list: Add', () => {
	it('adds a number in international form and gives its entry ID, which Get Many lists', async () => {
		const run = await runNode(sim, stopList('add', { phoneNumber: '={{ $json.phone }}' }), [
			{ phone: '06 12 34 56 78' },
		]);
		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual([
			{ json: { success: true, id: 1, phoneNumber: '+33612345678' }, pairedItem: { item: 0 } },
		]);
		const [request] = pathIs('/stop-sms/add');
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({ phoneNumber: '+33612345678', apiKey: DEFAULT_API_KEY });
		expect(request.query).toEqual({});
		const list = await runNode(sim, stopList('getMany'));
		expect(list.items.map((item) => [item.json.id, item.json.phoneNumber])).toEqual([
			[1, '+33612345678'],
		]);
		// The number now refuses sends.
		await expect(sendSms(sim, { phoneNumbers: ['0612345678'] })).rejects.toThrow(/"code":14/);
	});

	it('gives the same item whether SMS Partner answers in JSON or XML (XML asked in the body)', async () => {
		const viaJson = await runNode(sim, stopList('add', { phoneNumber: '0611111111' }));
		const viaXml = await runNode(
			sim,
			stopList('add', { phoneNumber: '0622222222', options: { responseFormat: 'xml' } }),
		);
		expect((pathIs('/stop-sms/add')[1].body as Record<string, unknown>)._format).toBe('xml');
		expect(viaJson.items[0].json).toEqual({ success: true, id: 1, phoneNumber: '+33611111111' });
		expect(viaXml.items[0].json).toEqual({ success: true, id: 2, phoneNumber: '+33622222222' });
	});

	it.each([
		['', /^Phone Number is empty\./],
		['12345', /^Phone Number "12345" is not a phone number\./],
		['+33 6 12 34 56 78, 0698765432', /is not a phone number\./],
	])('refuses the number %p before any request', async (phone, message) => {
		const run = await runNode(sim, stopList('add', { phoneNumber: '={{ $json.phone }}' }), [
			{ phone },
		]);
		expect(run.failure?.message).toMatch(message);
		expect(run.failure?.description).toMatch(/no request was sent/);
		expect(sim.requests).toEqual([]);
	});

	describe.each(['mirror', 'always-200'] as const)(
		'failures with errorStatus %s',
		(errorStatus) => {
			beforeEach(() => sim.configure({ errorStatus }));

			it('code 15: a number already on the list', async () => {
				optOut([['0612345678', '2026-11-01T10:00:00Z']]);
				const run = await runNode(sim, stopList('add', { phoneNumber: '+33612345678' }));
				expect(run.failure?.message).toBe(
					'SMS Partner error 15: This number is already on the STOP list, so nothing changed. Get Many gives its entry if you need its ID.',
				);
				expect(run.failure?.description).toBe(
					`SMS Partner said: "Le numéro est déjà dans la liste STOP SMS"\n(HTTP ${errorStatus === 'mirror' ? 400 : 200})`,
				);
			});

			it.each([
				[1, ''],
				[10, 'wrong-key'],
			])('code %d: the key', async (code, apiKey) => {
				const run = await runNode(sim, stopList('add', { phoneNumber: '0612345678' }), [{}], {
					apiKey,
				});
				expect(run.failure?.message).toMatch(new RegExp(`^SMS Partner error ${code}: [A-Z]`));
				expect(run.run.data.resultData.error?.name).toBe('NodeApiError');
			});
		},
	);

	// The node never sends an empty or invalid number; a proxy or another client could.
	it.each([
		[2, '', 'SMS Partner received no phone number. Fill in Phone Number.'],
		[9, '12345', 'SMS Partner refused the phone number as invalid.'],
	])('explains code %d of the API in plain English', async (code, phoneNumber, text) => {
		const { explainApiError } = await import('../../nodes/SmsPartner/shared/api-errors');
		const { STOP_ADD_ERRORS } =
			await import('../../nodes/SmsPartner/resources/stopList/add.operation');
		const reply = await fetch(`${sim.baseUrl}/stop-sms/add`, {
			method: 'POST',
			body: JSON.stringify({ apiKey: DEFAULT_API_KEY, phoneNumber }),
		});
		expect(((await reply.json()) as { code: number }).code).toBe(code);
		expect(explainApiError(code, STOP_ADD_ERRORS)).toMatch(new RegExp(`^${text}`));
	});
});

describe('STOP list: Remove', () => {
	it('removes an entry by its ID and echoes it; the number can receive SMS again', async () => {
		seedEntries();
		const run = await runNode(sim, stopList('remove', { id: '={{ $json.id }}' }), [{ id: 2 }]);
		expect(visible(run.items)).toEqual([
			{ json: { success: true, id: 2 }, pairedItem: { item: 0 } },
		]);
		expect(pathIs('/stop-sms/delete')[0].query).toEqual({ apiKey: DEFAULT_API_KEY, id: '2' });
		const list = await runNode(sim, stopList('getMany'));
		expect(list.items.map((item) => item.json.id)).toEqual([1, 3]);
		await expect(sendSms(sim, { phoneNumbers: ['+33622222222'] })).resolves.toEqual(
			expect.any(Number),
		);
	});

	it('gives the same item whether SMS Partner answers in JSON or XML', async () => {
		seedEntries();
		const viaJson = await runNode(sim, stopList('remove', { id: '1' }));
		const viaXml = await runNode(
			sim,
			stopList('remove', { id: '2', options: { responseFormat: 'xml' } }),
		);
		expect(sim.requests.at(-1)?.query._format).toBe('xml');
		expect(viaJson.items[0].json).toEqual({ success: true, id: 1 });
		expect(viaXml.items[0].json).toEqual({ success: true, id: 2 });
	});

	it('removes the entries that Get Many lists when chained with {{ $json.id }}', async () => {
		seedEntries();
		const getMany = singleNodeWorkflow(stopList('getMany', { returnAll: true }));
		const remove = {
			...getMany.nodes[1],
			id: 'remove',
			name: 'Remove',
			position: [440, 0] as [number, number],
			parameters: stopList('remove', { id: '={{ $json.id }}' }) as INodeParameters,
		};
		const workflow = {
			...getMany,
			nodes: [...getMany.nodes, remove],
			connections: {
				...getMany.connections,
				[NODE]: { main: [[{ node: 'Remove', type: 'main' as const, index: 0 }]] },
			},
		};
		const run = await runWorkflow(workflow, {
			credentials: { smsPartnerApi: { apiKey: DEFAULT_API_KEY, baseUrl: sim.baseUrl } },
			pinData: { [TRIGGER]: [{ json: {} }] },
		});
		expect(visible(run.output('Remove'))).toEqual(
			[1, 2, 3].map((id, item) => ({ json: { success: true, id }, pairedItem: { item } })),
		);
		expect((await runNode(sim, stopList('getMany'))).items).toEqual([]);
	});

	it.each([
		['', /^Entry ID is empty\./],
		['+33611111111', /^Entry ID "\+33611111111" is not an entry ID/],
		['0', /^Entry ID "0" is not an entry ID/],
		['1&id=2', /^Entry ID "1&id=2" is not an entry ID/],
	])('refuses the entry ID %p before any request', async (id, message) => {
		const run = await runNode(sim, stopList('remove', { id: '={{ $json.id }}' }), [{ id }]);
		expect(run.failure?.message).toMatch(message);
		expect(run.failure?.message).toContain('Get Many');
		expect(sim.requests).toEqual([]);
	});

	describe.each(['mirror', 'always-200'] as const)(
		'failures with errorStatus %s',
		(errorStatus) => {
			beforeEach(() => sim.configure({ errorStatus }));

			it('code 4: an entry ID not on the list', async () => {
				const run = await runNode(sim, stopList('remove', { id: '42' }));
				expect(run.failure?.message).toMatch(
					/^SMS Partner error 4: No entry with this ID is on the STOP list of this account/,
				);
				expect(run.failure?.description).toBe(
					`SMS Partner said: "L’ID du numéro introuvable"\n(HTTP ${errorStatus === 'mirror' ? 404 : 200})`,
				);
			});

			it('code 10: a wrong key', async () => {
				const run = await runNode(sim, stopList('remove', { id: '1' }), [{}], { apiKey: 'nope' });
				expect(run.failure?.message).toMatch(/^SMS Partner error 10: /);
			});
		},
	);

	it('explains code 3 of the API (no ID), which the node never lets through', async () => {
		const { explainApiError } = await import('../../nodes/SmsPartner/shared/api-errors');
		const { STOP_REMOVE_ERRORS } =
			await import('../../nodes/SmsPartner/resources/stopList/remove.operation');
		const reply = await fetch(`${sim.baseUrl}/stop-sms/delete?apiKey=${DEFAULT_API_KEY}`);
		expect(((await reply.json()) as { code: number }).code).toBe(3);
		expect(explainApiError(3, STOP_REMOVE_ERRORS)).toMatch(/^SMS Partner received no entry ID/);
	});
});

describe('STOP list over a batch with good and bad items', () => {
	const input = [
		{ patient: 'P1', id: 1 },
		{ patient: 'P2', id: 'abc' },
		{ patient: 'P3', id: 99 },
		{ patient: 'P4', id: 3 },
	];

	it('with "continue (regular output)" yields one item per input, in order, each linked', async () => {
		seedEntries();
		const run = await runNode(sim, stopList('remove', { id: '={{ $json.id }}' }), input, {
			onError: 'continueRegularOutput',
		});
		expect(run.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
		expect(run.items[0].json).toEqual({ success: true, id: 1 });
		expect(run.items[1].json.error).toMatch(/^Entry ID "abc" is not an entry ID/);
		expect(run.items[2].json).toMatchObject({
			error: expect.stringMatching(/^SMS Partner error 4:/),
			details: { code: 4, httpStatus: 404 },
		});
		expect(run.items[3].json).toEqual({ success: true, id: 3 });
		expect(pathIs('/stop-sms/delete')).toHaveLength(3);
	});

	it('with "continue (error output)" splits the items and keeps the input fields on errors', async () => {
		seedEntries();
		const run = await runNode(sim, stopList('remove', { id: '={{ $json.id }}' }), input, {
			onError: 'continueErrorOutput',
		});
		expect(run.items.map((item) => [item.pairedItem, item.json.id])).toEqual([
			[{ item: 0 }, 1],
			[{ item: 3 }, 3],
		]);
		expect(
			run.errorItems.map((item) => [
				item.pairedItem,
				item.json.patient,
				String(item.json.error).slice(0, 21),
			]),
		).toEqual([
			[{ item: 1 }, 'P2', 'Entry ID "abc" is not'],
			[{ item: 2 }, 'P3', 'SMS Partner error 4: '],
		]);
	});

	it('keeps the API key out of the saved run, for every operation', async () => {
		seedEntries();
		for (const onError of [
			'continueRegularOutput',
			'continueErrorOutput',
			'stopWorkflow',
		] as const) {
			for (const parameters of [
				stopList('getMany', { options: { rawResponse: true } }),
				stopList('add', { phoneNumber: '={{ $json.phone }}' }),
				stopList('remove', { id: '={{ $json.id }}' }),
			]) {
				const run = await runNode(
					sim,
					parameters,
					[
						{ phone: '0633333333', id: 99 },
						{ phone: 'x', id: 'x' },
					],
					{
						onError,
					},
				);
				expect(JSON.stringify(run.run)).not.toContain(DEFAULT_API_KEY);
			}
		}
	});
});
