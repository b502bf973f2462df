import type { INodeParameters } from 'n8n-workflow';

import { toBulkResults } from '../../nodes/SmsPartner/resources/sms/sendBulk.operation';
import { DEFAULT_API_KEY } from '../../simulator';
import { minutesFromNow, runNode, visible, useSimulator } from './helpers';

// The node checks Send At against the real clock, so the simulator runs on real time too.
const sim = useSimulator();

const bulk = (fields: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'sendBulk',
	smsList: '={{ $json.messages }}',
	...fields,
});
const bulkSends = () => sim.requests.filter((request) => request.path === '/v1/bulk-send');

const ANN = { phoneNumber: '0612345678', message: 'Hello Ann, your order has shipped.' };
const BOB = { phoneNumber: '+33712345678', message: `Hello Bob, ${'b'.repeat(200)}` };

describe('Send Bulk', () => {
	it('sends the pairs of the list, then those typed in: one item per recipient', async () => {
		const run = await runNode(
			sim,
			bulk({
				smsToSend: { sms: [{ phoneNumber: '06 11 22 33 44', message: 'Typed in' }] },
				additionalFields: { tag: 'orders', sender: 'MyShop' },
			}),
			[{ messages: [ANN, BOB] }],
		);

		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual(
			[
				{
					messageId: 1001,
					phoneNumber: '+33612345678',
					success: true,
					code: 200,
					nbSms: 1,
					cost: 0.045,
				},
				{
					messageId: 1001,
					phoneNumber: '+33712345678',
					success: true,
					code: 200,
					nbSms: 2,
					cost: 0.09,
				},
				{
					messageId: 1001,
					phoneNumber: '+33611223344',
					success: true,
					code: 200,
					nbSms: 1,
					cost: 0.045,
				},
			].map((json) => ({ json, pairedItem: { item: 0 } })),
		);
		expect(bulkSends()[0].body).toEqual({
			SMSList: [
				{ phoneNumber: '+33612345678', message: ANN.message },
				{ phoneNumber: '+33712345678', message: BOB.message },
				{ phoneNumber: '+33611223344', message: 'Typed in' },
			],
			tag: 'orders',
			sender: 'MyShop',
			apiKey: DEFAULT_API_KEY,
		});
	});

	it('takes the list as JSON text, one request per input item', async () => {
		const run = await runNode(sim, bulk({ smsList: JSON.stringify([ANN]) }), [{}, {}]);
		expect(run.items.map((item) => [item.json.messageId, item.pairedItem])).toEqual([
			[1001, { item: 0 }],
			[1002, { item: 1 }],
		]);
	});

	it('schedules the batch in Paris time, in Sandbox', async () => {
		const at = minutesFromNow(sim, 60);
		const run = await runNode(sim, bulk({ sendAt: at.toISOString(), sandbox: true }), [
			{ messages: [ANN] },
		]);
		expect(run.items[0].json).toMatchObject({ success: true, cost: 0 });
		expect(bulkSends()[0].body).toMatchObject({
			sandbox: 1,
			scheduledDeliveryDate: expect.stringMatching(/^\d\d\/\d\d\/\d{4}$/),
			minute: new Date(at).getUTCMinutes(),
		});
	});

	it('gives the same items whether SMS Partner answers in JSON or XML', async () => {
		const viaJson = await runNode(sim, bulk({ options: { responseFormat: 'json' } }), [
			{ messages: [ANN, BOB] },
		]);
		const viaXml = await runNode(sim, bulk({ options: { responseFormat: 'xml' } }), [
			{ messages: [ANN, BOB] },
		]);
		expect(bulkSends()[1].body).toMatchObject({ _format: 'xml' });
		expect(viaXml.items.map((item) => ({ ...item.json, messageId: 1001 }))).toEqual(
			viaJson.items.map((item) => item.json),
		);
	});

	it.each([
		[
			'an invalid number, naming its entry',
			[ANN, { phoneNumber: '12', message: 'x' }],
			'SMS List entry 2: "12" is not a phone number',
		],
		['an entry without number', [{ message: 'x' }], 'SMS List entry 1: has no phoneNumber'],
		['an entry without text', [{ phoneNumber: '0612345678' }], 'SMS List entry 1 message is empty'],
		[
			'a text over 10 SMS',
			[ANN, { ...BOB, message: 'a'.repeat(1531) }],
			'SMS List entry 2 message is 1531 GSM characters long, which makes 11 SMS',
		],
		[
			'more than 500 SMS',
			Array(501).fill(ANN),
			'SMS List has 501 SMS; SMS Partner takes at most 500 per request',
		],
		['an empty list', [], 'SMS List and SMS to Send hold no SMS to send'],
		['something else than pairs', 'hello', 'SMS List is not valid JSON'],
	])('refuses %s before any request', async (_case, messages, message) => {
		const run = await runNode(sim, bulk(), [{ messages }]);
		expect(run.failure?.message).toContain(message);
		expect(sim.requests).toEqual([]);
	});

	it('maps a STOP number (14) and keeps the other items under "continue (error output)"', async () => {
		sim.addStopNumber(BOB.phoneNumber);
		const run = await runNode(
			sim,
			bulk(),
			[
				{ batch: 'B1', messages: [ANN] },
				{ batch: 'B2', messages: [ANN, BOB] },
				{ batch: 'B3', messages: [] },
			],
			{ onError: 'continueErrorOutput' },
		);
		expect(run.items.map((item) => [item.pairedItem, item.json.phoneNumber])).toEqual([
			[{ item: 0 }, '+33612345678'],
		]);
		expect(
			run.errorItems.map((item) => [
				item.pairedItem,
				item.json.batch,
				String(item.json.error).slice(0, 21),
			]),
		).toEqual([
			[{ item: 1 }, 'B2', 'SMS Partner error 14:'],
			[{ item: 2 }, 'B3', 'SMS List and SMS to S'],
		]);
	});

	it('under "continue (regular output)" gives the recipients of good items and one error per bad item', async () => {
		sim.addStopNumber(BOB.phoneNumber);
		const run = await runNode(sim, bulk(), [{ messages: [ANN, ANN] }, { messages: [BOB] }], {
			onError: 'continueRegularOutput',
		});
		expect(
			run.items.map((item) => [item.pairedItem, item.json.phoneNumber ?? item.json.error]),
		).toEqual([
			[{ item: 0 }, '+33612345678'],
			[{ item: 0 }, '+33612345678'],
			[{ item: 1 }, expect.stringMatching(/^SMS Partner error 14: /)],
		]);
		expect(JSON.stringify(run.run)).not.toContain(DEFAULT_API_KEY);
	});
});

describe('toBulkResults', () => {
	it('gives each recipient the batch message ID and keeps a failed recipient as failed', () => {
		expect(
			toBulkResults({
				success: true,
				code: 200,
				message_id: 307,
				SMSResponse_List: [
					{ success: true, code: 200, nbSms: 1, cost: 0.038, phoneNumber: '+33612345678' },
					{
						success: false,
						code: 9,
						nbSms: 0,
						cost: '0',
						phoneNumber: '922264',
						message: 'invalide',
					},
				],
			}),
		).toEqual([
			{
				messageId: 307,
				phoneNumber: '+33612345678',
				success: true,
				code: 200,
				nbSms: 1,
				cost: 0.038,
			},
			{
				messageId: 307,
				phoneNumber: '922264',
				success: false,
				code: 9,
				nbSms: 0,
				cost: 0,
				message: 'invalide',
			},
		]);
	});

	it('refuses an answer without its list rather than output nothing', () => {
		expect(() => toBulkResults({ success: true, code: 200 })).toThrow();
	});
});
