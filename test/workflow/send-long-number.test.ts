import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_API_KEY } from '../../simulator';
import { runNode, visible, useSimulator } from './helpers';

const sim = useSimulator();

const fromLongNumber = (fields: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'sendLongNumber',
	from: '+33 7 00 00 00 01',
	phoneNumbers: '={{ $json.phones }}',
	message: 'Reply YES to confirm.',
	...fields,
});
const vnSends = () => sim.requests.filter((request) => request.path === '/v1/vn/send');

describe('Send From a Long Number', () => {
	it('sends from the virtual number, without its plus, and gives one item like Send', async () => {
		const run = await runNode(
			sim,
			fromLongNumber({
				sandbox: true,
				additionalFields: { tag: 'confirm', urlResponse: 'https://example.com/r' },
			}),
			[{ phones: ['0612345678', '+33712345678'] }],
		);
		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual([
			{
				json: {
					success: true,
					code: 200,
					messageId: 1001,
					nbSms: 2,
					cost: 0,
					currency: 'EUR',
					phoneNumbers: ['+33612345678', '+33712345678'],
					scheduledAt: null,
					sandbox: true,
					from: '33700000001',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(vnSends()[0].body).toEqual({
			to: '+33612345678,+33712345678',
			from: '33700000001',
			message: 'Reply YES to confirm.',
			tag: 'confirm',
			urlResponse: 'https://example.com/r',
			sandbox: 1,
			apiKey: DEFAULT_API_KEY,
		});
	});

	it('gives the same item whether SMS Partner answers in JSON or XML', async () => {
		const viaJson = await runNode(sim, fromLongNumber(), [{ phones: '0612345678' }]);
		const viaXml = await runNode(sim, fromLongNumber({ options: { responseFormat: 'xml' } }), [
			{ phones: '0612345678' },
		]);
		expect(vnSends()[1].body).toMatchObject({ _format: 'xml' });
		expect(viaXml.items[0].json).toEqual({ ...viaJson.items[0].json, messageId: 1002 });
	});

	it.each([
		['an empty From', { from: '={{ "" }}' }, 'From is empty'],
		['a From that is no number', { from: 'MyShop' }, 'From "MyShop" is not a phone number'],
		[
			'an invalid recipient',
			{ phoneNumbers: '12' },
			'Phone Numbers holds "12", which is not a phone number',
		],
		['a text over 10 SMS', { message: 'a'.repeat(1531) }, 'Message is 1531 GSM characters long'],
		[
			'a tag with capitals',
			{ additionalFields: { tag: 'Vote' } },
			'Tag "Vote" has capital letters',
		],
	])('refuses %s before any request', async (_case, fields, message) => {
		const run = await runNode(sim, fromLongNumber(fields as INodeParameters), [
			{ phones: '0612345678' },
		]);
		expect(run.failure?.message).toContain(message);
		expect(sim.requests).toEqual([]);
	});

	it('maps a STOP number (14) with errorStatus always-200, and keeps the key out of the run', async () => {
		sim.configure({ errorStatus: 'always-200' });
		sim.addStopNumber('0612345678');
		const run = await runNode(
			sim,
			fromLongNumber(),
			[{ phones: '0612345678' }, { phones: '0698765432' }],
			{
				onError: 'continueRegularOutput',
			},
		);
		expect(
			run.items.map((item) => [item.pairedItem, item.json.error ?? item.json.messageId]),
		).toEqual([
			[
				{ item: 0 },
				expect.stringMatching(/^SMS Partner error 14: One of the numbers is on the STOP list/),
			],
			[{ item: 1 }, 1001],
		]);
		expect(run.items[0].json.details).toMatchObject({ code: 14, httpStatus: 200 });
		expect(JSON.stringify(run.run)).not.toContain(DEFAULT_API_KEY);
	});
});
