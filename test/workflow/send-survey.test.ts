import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_API_KEY } from '../../simulator';
import { runNode, visible, useSimulator } from './helpers';

const sim = useSimulator();

const survey = (fields: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'sendSurvey',
	phoneNumbers: '={{ $json.phones }}',
	surveyId: 'satisfaction-2026',
	...fields,
});
const surveySends = () => sim.requests.filter((request) => request.path === '/v1/sondage/to/send');
/** The next 5-minute step at least 10 minutes from now, as Send At asks. */
const inTenMinutes = () => new Date(Math.ceil((Date.now() + 10 * 60_000) / 300_000) * 300_000);

describe('Send Survey', () => {
	it('sends the survey to normalised numbers and gives one item like Send', async () => {
		const run = await runNode(sim, survey({ additionalFields: { tag: 'nps' } }), [
			{ phones: '06 12 34 56 78, +33698765432' },
		]);
		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual([
			{
				json: {
					success: true,
					code: 200,
					messageId: 1001,
					nbSms: 2,
					cost: 0.09,
					currency: 'EUR',
					phoneNumbers: ['+33612345678', '+33698765432'],
					scheduledAt: null,
					sandbox: false,
					surveyId: 'satisfaction-2026',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(surveySends()[0].body).toEqual({
			apiKey: DEFAULT_API_KEY,
			phoneNumbers: '+33612345678,+33698765432',
			sondageIdent: 'satisfaction-2026',
			tag: 'nps',
		});
		expect(surveySends()[0].query).toEqual({});
	});

	it('schedules the survey in Paris time; the statuses by tag then show it waiting', async () => {
		const at = inTenMinutes();
		const run = await runNode(
			sim,
			survey({ sendAt: at.toISOString(), additionalFields: { tag: 'nps' } }),
			[{ phones: ['0612345678'] }],
		);
		expect(run.items[0].json.scheduledAt).toBe(at.toISOString());
		const body = surveySends()[0].body as Record<string, unknown>;
		expect(Object.keys(body)).toEqual(
			expect.arrayContaining(['scheduledDeliveryDate', 'time', 'minute']),
		);
		const statuses = await runNode(sim, {
			resource: 'sms',
			operation: 'getStatusByTag',
			tag: 'nps',
		});
		expect(statuses.items.map((item) => [item.json.phoneNumber, item.json.status])).toEqual([
			['+33612345678', 'Waiting'],
		]);
	});

	it('gives the same item in XML as in JSON', async () => {
		const viaJson = await runNode(sim, survey(), [{ phones: '0612345678' }]);
		sim.reset();
		const viaXml = await runNode(sim, survey({ options: { responseFormat: 'xml' } }), [
			{ phones: '0612345678' },
		]);
		expect((surveySends()[0].body as Record<string, unknown>)._format).toBe('xml');
		expect(visible(viaXml.items)).toEqual(visible(viaJson.items));
	});

	it.each([
		['an empty survey ID', { surveyId: '={{ "" }}' }, /^Survey ID is empty\./],
		[
			'a bad number',
			{ phoneNumbers: '0612' },
			/^Phone Numbers holds "0612", which is not a phone number\./,
		],
		['a tag with a space', { additionalFields: { tag: 'a b' } }, /^Tag "a b" contains a space\./],
	])('refuses %s before any request', async (_case, fields, message) => {
		const run = await runNode(sim, survey(fields), [{ phones: '0612345678' }]);
		expect(run.failure?.message).toMatch(message);
		expect(sim.requests).toEqual([]);
	});

	it.each(['mirror', 'always-200'] as const)(
		'fails on a STOP number with code 14 (errorStatus %s), other items unharmed',
		async (errorStatus) => {
			sim.configure({ errorStatus });
			sim.addStopNumber('+33611111111');
			const input = [{ phones: '0612345678' }, { phones: '0611111111' }, { phones: 'x' }];
			const regular = await runNode(sim, survey(), input, { onError: 'continueRegularOutput' });
			expect(
				regular.items.map((item) => [
					item.pairedItem,
					item.json.messageId ?? String(item.json.error).slice(0, 21),
				]),
			).toEqual([
				[{ item: 0 }, 1001],
				[{ item: 1 }, 'SMS Partner error 14:'],
				[{ item: 2 }, 'Phone Numbers holds "'],
			]);
			const split = await runNode(sim, survey(), input, { onError: 'continueErrorOutput' });
			expect(split.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
			expect(split.errorItems.map((item) => [item.pairedItem, item.json.phones])).toEqual([
				[{ item: 1 }, '0611111111'],
				[{ item: 2 }, 'x'],
			]);
			expect(JSON.stringify([regular.run, split.run])).not.toContain(DEFAULT_API_KEY);
		},
	);
});
