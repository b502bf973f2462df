import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { sendSms as seedSms } from '../../simulator/seed';
import { minutesFromNow, runNode, sendSms, visible, START } from './helpers';

const STOP_NUMBER = '+33611111111';
const OTHER_KEY = 'other-key-0002';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({
		startTime: START,
		accounts: [{ apiKey: DEFAULT_API_KEY }, { apiKey: OTHER_KEY }],
	});
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	sim.reset();
	sim.configure({ errorStatus: 'mirror', deliveryDelaySeconds: 20 });
});

function byMessage(messageId: string | number, extra: INodeParameters = {}): INodeParameters {
	return { resource: 'sms', operation: 'getStatusByMessage', messageId, ...extra };
}

const statusRequests = () =>
	sim.requests.filter((request) => request.path.endsWith('/bulk-status'));

/** An SMS scheduled 10 minutes from now to `count` distinct numbers; returns its ID and numbers. */
async function sendMany(count: number): Promise<{ messageId: number; numbers: string[] }> {
	const numbers = Array.from({ length: count }, (_, index) => `+3361000000${index}`);
	const messageId = await sendSms(sim, { phoneNumbers: numbers, at: minutesFromNow(sim, 10) });
	return { messageId, numbers };
}

describe('Get Status by Message', () => {
	it('gives one item per recipient with message ID, number, status, STOP flag and ISO date', async () => {
		const at = minutesFromNow(sim, 10);
		const messageId = await sendSms(sim, {
			phoneNumbers: ['0612345678', '0612345699', STOP_NUMBER],
			at,
		});
		await sendSms(sim, { phoneNumbers: ['0600000000'], at });
		sim.clock.advance(15 * 60);
		sim.addStopNumber(STOP_NUMBER);

		const run = await runNode(sim, byMessage(String(messageId)));

		expect(run.failure).toBeUndefined();
		const date = new Date(at.getTime() + 20_000).toISOString();
		expect(visible(run.items)).toEqual(
			[
				{ phoneNumber: '+33612345678', status: 'Delivered', stopSms: false },
				{ phoneNumber: '+33612345699', status: 'Not delivered', stopSms: false },
				{ phoneNumber: STOP_NUMBER, status: 'Delivered', stopSms: true },
			].map((row) => ({ json: { messageId, ...row, date }, pairedItem: { item: 0 } })),
		);
	});

	it('names its fields exactly as Get Status by Tag does', async () => {
		const messageId = await sendSms(sim, {
			phoneNumbers: ['0612345678', STOP_NUMBER],
			tag: 'rdv',
		});
		sim.addStopNumber(STOP_NUMBER);
		const byTag = await runNode(sim, { resource: 'sms', operation: 'getStatusByTag', tag: 'rdv' });
		const mine = await runNode(sim, byMessage(messageId));

		// The same recipients with the same keys and values, the tag replaced by the message ID.
		const without = (items: INodeExecutionData[], key: string) =>
			items.map(({ json }) => Object.fromEntries(Object.entries(json).filter(([k]) => k !== key)));
		expect(byTag.items.map((item) => item.json.tag)).toEqual(['rdv', 'rdv']);
		expect(mine.items.map((item) => item.json.messageId)).toEqual([messageId, messageId]);
		expect(without(mine.items, 'messageId')).toEqual(without(byTag.items, 'tag'));
	});

	it('with Limit returns at most that many, with Return All every recipient, in one request each', async () => {
		const { messageId, numbers } = await sendMany(7);
		const limited = await runNode(sim, byMessage(messageId, { limit: 3 }));
		const all = await runNode(sim, byMessage(messageId, { returnAll: true }));

		expect(limited.items.map((item) => item.json.phoneNumber)).toEqual(numbers.slice(0, 3));
		expect(all.items.map((item) => item.json.phoneNumber)).toEqual(numbers);
		expect(statusRequests()).toHaveLength(2);
		expect(statusRequests()[0].query).toMatchObject({ messageId: String(messageId) });
	});

	it('gives the same items in XML as in JSON', async () => {
		const messageId = await sendSms(sim, {
			phoneNumbers: ['0612345678', STOP_NUMBER, '0612345699'],
		});
		sim.addStopNumber(STOP_NUMBER);
		sim.clock.advance(60);
		const viaJson = await runNode(sim, byMessage(messageId, { returnAll: true }));
		const viaXml = await runNode(
			sim,
			byMessage(messageId, { returnAll: true, options: { responseFormat: 'xml' } }),
		);
		expect(statusRequests().at(-1)?.query._format).toBe('xml');
		expect(viaXml.items).toHaveLength(3);
		expect(visible(viaXml.items)).toEqual(visible(viaJson.items));
	});

	describe.each(['mirror', 'always-200'] as const)(
		'failures with errorStatus %s',
		(errorStatus) => {
			beforeEach(() => sim.configure({ errorStatus }));

			it('code 4: an unknown message ID', async () => {
				const run = await runNode(sim, byMessage(424242));
				expect(run.failure?.message).toMatch(
					/^SMS Partner error 4: No SMS with this message ID exists on this account/,
				);
			});

			it("code 4: another account's message", async () => {
				const theirs = await seedSms(sim.baseUrl, OTHER_KEY, {
					phoneNumbers: ['0612345678'],
					message: 'x',
				});
				const run = await runNode(sim, byMessage(theirs));
				expect(run.failure?.message).toMatch(/^SMS Partner error 4: /);
			});

			it('code 10: a wrong API key', async () => {
				const run = await runNode(sim, byMessage(1001), [{}], { apiKey: 'wrong-key-000' });
				expect(run.failure?.message).toMatch(
					/^SMS Partner error 10: SMS Partner does not recognise this API key/,
				);
			});

			it('code 1: no API key', async () => {
				const run = await runNode(sim, byMessage(1001), [{}], { apiKey: '' });
				expect(run.failure?.message).toMatch(/^SMS Partner error 1: /);
			});
		},
	);

	it.each([
		['an empty message ID', '', 5, /^Message ID is empty\./],
		['a negative message ID', '-3', 5, /^Message ID "-3" is not a message ID/],
		['a limit below 1', '1001', 0, /^Limit "?0"? is not a whole number of at least 1\./],
	])('refuses %s before any request', async (_case, messageId, limit, message) => {
		const run = await runNode(
			sim,
			byMessage('={{ $json.messageId }}', { limit: '={{ $json.limit }}' }),
			[{ messageId, limit }],
			{ onError: 'continueRegularOutput' },
		);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json.error).toMatch(message);
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
		expect(sim.requests).toEqual([]);
	});

	it('keeps good items when others fail, in both continue modes', async () => {
		const first = await sendSms(sim, { phoneNumbers: ['0612345678', '0698765432'] });
		const second = await sendSms(sim, { phoneNumbers: ['0611223344'] });
		const input = [{ id: first }, { id: 424242 }, { id: 'x' }, { id: second }];
		const parameters = byMessage('={{ $json.id }}');

		const regular = await runNode(sim, parameters, input, { onError: 'continueRegularOutput' });
		expect(
			regular.items.map((item) => [
				item.pairedItem,
				item.json.phoneNumber ?? String(item.json.error).slice(0, 20),
			]),
		).toEqual([
			[{ item: 0 }, '+33612345678'],
			[{ item: 0 }, '+33698765432'],
			[{ item: 1 }, 'SMS Partner error 4:'],
			[{ item: 2 }, 'Message ID "x" is no'],
			[{ item: 3 }, '+33611223344'],
		]);

		const split = await runNode(sim, parameters, input, { onError: 'continueErrorOutput' });
		expect(split.items.map((item) => [item.pairedItem, item.json.messageId])).toEqual([
			[{ item: 0 }, first],
			[{ item: 0 }, first],
			[{ item: 3 }, second],
		]);
		expect(split.errorItems.map((item) => [item.pairedItem, item.json.id])).toEqual([
			[{ item: 1 }, 424242],
			[{ item: 2 }, 'x'],
		]);
		expect(JSON.stringify([regular.run, split.run])).not.toContain(DEFAULT_API_KEY);
	});
});
