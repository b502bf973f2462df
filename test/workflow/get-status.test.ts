import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { minutesFromNow, runNode, sendSms, visible, START } from './helpers';

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

function getStatus(
	messageId: string | number,
	phoneNumber: string,
	extra: INodeParameters = {},
): INodeParameters {
	return { resource: 'sms', operation: 'getStatus', messageId, phoneNumber, ...extra };
}

/** An SMS to two numbers 10 minutes from now; returns its ID and send time. */
async function scheduled(): Promise<{ messageId: number; at: Date }> {
	const at = minutesFromNow(sim, 10);
	const messageId = await sendSms(sim, { phoneNumbers: ['0612345678', '+32470123456'], at });
	return { messageId, at };
}

const statusRequests = () =>
	sim.requests.filter((request) => request.path.endsWith('/message-status'));

describe('Get Status', () => {
	it('gives one item with status, STOP flag, ISO date, cost and country, the number normalised', async () => {
		const { messageId, at } = await scheduled();
		sim.clock.advance(15 * 60);

		const run = await runNode(sim, getStatus(String(messageId), '06 12 34 56 78'));

		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual([
			{
				json: {
					messageId,
					phoneNumber: '+33612345678',
					status: 'Delivered',
					stopSms: false,
					date: new Date(at.getTime() + 20_000).toISOString(),
					cost: 0.045,
					currency: 'EUR',
					countryCode: 'FR',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(statusRequests().map((request) => request.query.phoneNumber)).toEqual(['+33612345678']);
	});

	it('follows the status from Waiting to Delivered, and shows a later STOP', async () => {
		const { messageId, at } = await scheduled();
		const parameters = getStatus(messageId, '+32470123456');

		const before = await runNode(sim, parameters);
		sim.clock.advance(15 * 60);
		sim.addStopNumber('+32470123456');
		const after = await runNode(sim, parameters);

		const fields = ({ json }: { json: Record<string, unknown> }) =>
			[json.status, json.date, json.stopSms, json.countryCode] as unknown[];
		expect(fields(before.items[0])).toEqual(['Waiting', at.toISOString(), false, 'BE']);
		expect(fields(after.items[0])).toEqual([
			'Delivered',
			new Date(at.getTime() + 20_000).toISOString(),
			true,
			'BE',
		]);
	});

	it('gives the same item in XML as in JSON', async () => {
		const { messageId } = await scheduled();
		const viaJson = await runNode(sim, getStatus(messageId, '0612345678'));
		const viaXml = await runNode(
			sim,
			getStatus(messageId, '0612345678', { options: { responseFormat: 'xml' } }),
		);
		expect(statusRequests().at(-1)?.query._format).toBe('xml');
		expect(viaXml.items[0].json.status).toBe('Waiting');
		expect(visible(viaXml.items)).toEqual(visible(viaJson.items));
	});

	describe.each(['mirror', 'always-200'] as const)(
		'failures with errorStatus %s',
		(errorStatus) => {
			beforeEach(() => sim.configure({ errorStatus }));

			it('code 4: an unknown message ID', async () => {
				const run = await runNode(sim, getStatus(999999, '0612345678'));
				expect(run.failure?.message).toMatch(
					/^SMS Partner error 4: SMS Partner found no SMS with this message ID sent to this number/,
				);
				expect(run.failure?.description).toContain('Message introuvable');
			});

			it('code 4: a number the SMS was not sent to', async () => {
				const { messageId } = await scheduled();
				const run = await runNode(sim, getStatus(messageId, '0698765432'));
				expect(run.failure?.message).toMatch(/^SMS Partner error 4: /);
				expect(run.failure?.description).toContain('Numéro introuvable');
			});

			it('code 10: a wrong API key', async () => {
				const { messageId } = await scheduled();
				const run = await runNode(sim, getStatus(messageId, '0612345678'), [{}], {
					apiKey: 'wrong-key-000',
				});
				expect(run.failure?.message).toMatch(
					/^SMS Partner error 10: SMS Partner does not recognise this API key/,
				);
			});

			it('code 1: no API key', async () => {
				const run = await runNode(sim, getStatus(1001, '0612345678'), [{}], { apiKey: '' });
				expect(run.failure?.message).toMatch(/^SMS Partner error 1: /);
			});
		},
	);

	it.each([
		['an empty message ID', '', '0612345678', /^Message ID is empty\./],
		['a message ID that is not a number', 'abc', '0612345678', /^Message ID "abc" is not a/],
		['an empty phone number', '1001', '', /^Phone Number is empty\. Give the recipient/],
		['a phone number that is not one', '1001', '12345', /^Phone Number "12345" is not a phone/],
	])('refuses %s before any request', async (_case, messageId, phoneNumber, message) => {
		const run = await runNode(
			sim,
			getStatus('={{ $json.messageId }}', '={{ $json.phoneNumber }}'),
			[{ messageId, phoneNumber }],
			{ onError: 'continueRegularOutput' },
		);
		expect(visible(run.items)).toEqual([
			{
				json: {
					error: expect.stringMatching(message),
					details: {
						description: expect.stringMatching(/was checked before sending; no request was sent/),
					},
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sim.requests).toEqual([]);
	});

	it('keeps good items when others fail, in both continue modes', async () => {
		const { messageId } = await scheduled();
		const input = [
			{ messageId, phoneNumber: '0612345678' },
			{ messageId: 999999, phoneNumber: '0612345678' },
			{ messageId, phoneNumber: 'none' },
			{ messageId, phoneNumber: '+32470123456' },
		];
		const parameters = getStatus('={{ $json.messageId }}', '={{ $json.phoneNumber }}');

		const regular = await runNode(sim, parameters, input, { onError: 'continueRegularOutput' });
		expect(
			regular.items.map((item) => [
				item.pairedItem,
				item.json.phoneNumber ?? String(item.json.error).slice(0, 20),
			]),
		).toEqual([
			[{ item: 0 }, '+33612345678'],
			[{ item: 1 }, 'SMS Partner error 4:'],
			[{ item: 2 }, 'Phone Number "none" '],
			[{ item: 3 }, '+32470123456'],
		]);
		expect(regular.items[1].json.details).toMatchObject({ code: 4, httpStatus: 404 });

		const split = await runNode(sim, parameters, input, { onError: 'continueErrorOutput' });
		expect(split.items.map((item) => [item.pairedItem, item.json.status])).toEqual([
			[{ item: 0 }, 'Waiting'],
			[{ item: 3 }, 'Waiting'],
		]);
		expect(split.errorItems.map((item) => [item.pairedItem, item.json.messageId])).toEqual([
			[{ item: 1 }, 999999],
			[{ item: 2 }, messageId],
		]);
		expect(JSON.stringify([regular.run, split.run])).not.toContain(DEFAULT_API_KEY);
	});
});
