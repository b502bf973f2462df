import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { minutesFromNow, runNode, sendSms, visible, START } from './helpers';

const STOP_NUMBER = '+33611111111';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ startTime: START });
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	sim.reset();
	sim.configure({ errorStatus: 'mirror', deliveryDelaySeconds: 20 });
});

/** Pairs from an expression, as after an Aggregate node that put all items in `pairs`. */
function fromList(pairList = '={{ $json.pairs }}', extra: INodeParameters = {}): INodeParameters {
	return { resource: 'sms', operation: 'getManyStatuses', pairList, ...extra };
}

const multiStatusRequests = () =>
	sim.requests.filter((request) => request.path.endsWith('/multi-status'));

describe('Get Many Statuses', () => {
	it('checks every pair of an aggregated list in one request, an unknown pair as found: false', async () => {
		const at = minutesFromNow(sim, 10);
		const first = await sendSms(sim, { phoneNumbers: ['0612345678', STOP_NUMBER], at });
		const second = await sendSms(sim, { phoneNumbers: ['0612345699'], at });
		const laterAt = minutesFromNow(sim, 600);
		const later = await sendSms(sim, { phoneNumbers: ['0698765432'], at: laterAt });
		sim.clock.advance(15 * 60);
		sim.addStopNumber(STOP_NUMBER);
		// What an Aggregate node (All Item Data, into `pairs`) makes of rows from a database.
		const pairs = [
			{ messageId: first, phoneNumber: '0612345678', customer: 'RDV-1042' },
			{ messageId: String(first), phoneNumber: STOP_NUMBER, customer: 'RDV-1043' },
			{ messageId: second, phoneNumber: '+33612345699', customer: 'RDV-1044' },
			{ messageId: later, phoneNumber: '+33698765432', customer: 'RDV-1045' },
			{ messageId: second, phoneNumber: '+33600000000', customer: 'RDV-1046' },
		];

		const run = await runNode(sim, fromList(), [{ pairs }]);

		expect(run.failure).toBeUndefined();
		const delivered = new Date(at.getTime() + 20_000).toISOString();
		const found = { isSpam: false, found: true };
		expect(visible(run.items)).toEqual(
			[
				{
					messageId: first,
					phoneNumber: '+33612345678',
					status: 'Delivered',
					stopSms: false,
					date: delivered,
					...found,
				},
				{
					messageId: first,
					phoneNumber: STOP_NUMBER,
					status: 'Delivered',
					stopSms: true,
					date: delivered,
					...found,
				},
				{
					messageId: second,
					phoneNumber: '+33612345699',
					status: 'Not delivered',
					stopSms: false,
					date: delivered,
					...found,
				},
				{
					messageId: later,
					phoneNumber: '+33698765432',
					status: 'Waiting',
					stopSms: false,
					date: laterAt.toISOString(),
					...found,
				},
				{
					messageId: second,
					phoneNumber: '+33600000000',
					status: null,
					stopSms: null,
					isSpam: null,
					date: null,
					found: false,
					code: 4,
					message: 'Numéro introuvable',
				},
			].map((json) => ({ json, pairedItem: { item: 0 } })),
		);
		// One POST, with international numbers, numeric IDs and nothing but the pairs.
		expect(multiStatusRequests()).toHaveLength(1);
		expect(multiStatusRequests()[0]).toMatchObject({
			method: 'POST',
			query: {},
			contentType: expect.stringMatching(/^application\/json/),
			body: {
				SMSStatut_List: pairs.map(({ messageId, phoneNumber }) => ({
					phoneNumber: phoneNumber.replace(/^0/, '+33'),
					messageId: Number(messageId),
				})),
			},
		});
	});

	it('takes pairs typed in the fields, in national or international form', async () => {
		const messageId = await sendSms(sim, { phoneNumbers: ['0612345678', '+32470123456'] });
		const run = await runNode(sim, {
			resource: 'sms',
			operation: 'getManyStatuses',
			pairsSource: 'fields',
			pairs: {
				pair: [
					{ messageId: String(messageId), phoneNumber: '06 12 34 56 78' },
					{ messageId: String(messageId), phoneNumber: '+32470123456' },
				],
			},
		});
		expect(run.items.map(({ json }) => [json.messageId, json.phoneNumber, json.status])).toEqual([
			[messageId, '+33612345678', 'Waiting'],
			[messageId, '+32470123456', 'Waiting'],
		]);
	});

	it('takes pairs written as JSON text', async () => {
		const messageId = await sendSms(sim, { phoneNumbers: ['0612345678'] });
		const run = await runNode(
			sim,
			fromList(`[{"messageId": ${messageId}, "phoneNumber": "+33612345678"}]`),
		);
		expect(run.items.map(({ json }) => [json.messageId, json.found])).toEqual([[messageId, true]]);
	});

	it('checks 500 pairs in one request, and more 500 at a time, in order', async () => {
		const messageId = await sendSms(sim, { phoneNumbers: ['0612345678'] });
		const pair = { messageId, phoneNumber: '+33612345678' };
		const ok = await runNode(sim, fromList(), [{ pairs: Array(500).fill(pair) }]);
		expect(ok.items).toHaveLength(500);
		expect(multiStatusRequests()).toHaveLength(1);

		sim.reset();
		const known = await sendSms(sim, { phoneNumbers: ['0612345678'] });
		// The last pair alone is found: it goes out in the third request and comes out last.
		const pairs = [
			...Array(1000).fill({ messageId: 999999, phoneNumber: '+33612345678' }),
			{ messageId: known, phoneNumber: '+33612345678' },
		];
		const many = await runNode(sim, fromList(), [{ pairs }]);
		expect(many.items).toHaveLength(1001);
		expect(many.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		expect(many.items.map((item) => item.json.found).lastIndexOf(true)).toBe(1000);
		expect(many.items.filter((item) => item.json.found === true)).toHaveLength(1);
		expect(
			multiStatusRequests().map(
				(request) => (request.body as { SMSStatut_List: unknown[] }).SMSStatut_List.length,
			),
		).toEqual([500, 500, 1]);
	});

	it('gives the same items in XML as in JSON, found and not found alike', async () => {
		const messageId = await sendSms(sim, { phoneNumbers: ['0612345678', STOP_NUMBER] });
		sim.addStopNumber(STOP_NUMBER);
		sim.clock.advance(60);
		const pairs = [
			{ messageId, phoneNumber: '+33612345678' },
			{ messageId, phoneNumber: STOP_NUMBER },
			{ messageId: 999999, phoneNumber: '+33612345678' },
		];
		const viaJson = await runNode(sim, fromList(), [{ pairs }]);
		const viaXml = await runNode(sim, fromList(undefined, { options: { responseFormat: 'xml' } }), [
			{ pairs },
		]);
		expect(multiStatusRequests().at(-1)?.body).toMatchObject({ _format: 'xml' });
		expect(viaXml.items.map((item) => item.json.found)).toEqual([true, true, false]);
		expect(visible(viaXml.items)).toEqual(visible(viaJson.items));
	});

	describe.each(['mirror', 'always-200'] as const)(
		'failures with errorStatus %s',
		(errorStatus) => {
			beforeEach(() => sim.configure({ errorStatus }));

			it('code 10: a wrong API key', async () => {
				const run = await runNode(
					sim,
					fromList(),
					[{ pairs: [{ messageId: 1, phoneNumber: '+33612345678' }] }],
					{
						apiKey: 'wrong-key-000',
					},
				);
				expect(run.failure?.message).toMatch(
					/^SMS Partner error 10: SMS Partner does not recognise this API key/,
				);
			});

			it('code 1: no API key', async () => {
				const run = await runNode(
					sim,
					fromList(),
					[{ pairs: [{ messageId: 1, phoneNumber: '+33612345678' }] }],
					{
						apiKey: '',
					},
				);
				expect(run.failure?.message).toMatch(/^SMS Partner error 1: /);
			});
		},
	);

	it.each([
		['an expression that gives no list', { pairs: 'none' }, /^Pairs is not a list of pairs\./],
		['an empty list', { pairs: [] }, /^Pairs is empty\./],
		['a pair without number', { pairs: [{ messageId: 5 }] }, /^Pair 1 has no phoneNumber\./],
		[
			'a pair with a bad message ID',
			{
				pairs: [
					{ messageId: 1, phoneNumber: '+33612345678' },
					{ messageId: 0, phoneNumber: '+33612345678' },
				],
			},
			/^Pair 2: Message ID 0 is not a message ID/,
		],
	])('refuses %s before any request', async (_case, input, message) => {
		const run = await runNode(sim, fromList(), [input], { onError: 'continueRegularOutput' });
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json.error).toMatch(message);
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
		expect(sim.requests).toEqual([]);
	});

	it('refuses typed pairs when none is given', async () => {
		const run = await runNode(sim, {
			resource: 'sms',
			operation: 'getManyStatuses',
			pairsSource: 'fields',
		});
		expect(run.failure?.message).toMatch(/^Pairs is empty\./);
		expect(sim.requests).toEqual([]);
	});

	it('keeps good items when others fail, in both continue modes', async () => {
		const messageId = await sendSms(sim, { phoneNumbers: ['0612345678', '0698765432'] });
		const input = [
			{
				pairs: [
					{ messageId, phoneNumber: '0612345678' },
					{ messageId: 77, phoneNumber: '0612345678' },
				],
			},
			{ pairs: [] },
			{ pairs: [{ messageId, phoneNumber: '0698765432' }] },
		];

		const regular = await runNode(sim, fromList(), input, { onError: 'continueRegularOutput' });
		expect(
			regular.items.map((item) => [
				item.pairedItem,
				item.json.found ?? String(item.json.error).slice(0, 15),
			]),
		).toEqual([
			[{ item: 0 }, true],
			[{ item: 0 }, false],
			[{ item: 1 }, 'Pairs is empty.'],
			[{ item: 2 }, true],
		]);

		const split = await runNode(sim, fromList(), input, { onError: 'continueErrorOutput' });
		expect(split.items.map((item) => [item.pairedItem, item.json.phoneNumber])).toEqual([
			[{ item: 0 }, '+33612345678'],
			[{ item: 0 }, '+33612345678'],
			[{ item: 2 }, '+33698765432'],
		]);
		expect(split.errorItems.map((item) => [item.pairedItem, item.json.pairs])).toEqual([
			[{ item: 1 }, []],
		]);
		expect(JSON.stringify([regular.run, split.run])).not.toContain(DEFAULT_API_KEY);
	});
});
