import { DEFAULT_API_KEY } from '../../simulator';
import { minutesFromNow, runNode, sendSms, visible, START, useSimulator } from './helpers';

const CANCELLED_TEXT = "L'envoi du SMS a été annulé.";

const sim = useSimulator({ startTime: START });

const cancel = (messageId: unknown, responseFormat?: 'json' | 'xml') => ({
	resource: 'sms',
	operation: 'cancel',
	messageId: messageId as string,
	...(responseFormat ? { options: { responseFormat } } : {}),
});

async function scheduled(minutes = 120): Promise<number> {
	return sendSms(sim, {
		phoneNumbers: ['0612345678'],
		tag: 'rdv',
		at: minutesFromNow(sim, minutes),
	});
}

describe('Cancel SMS', () => {
	it('cancels a scheduled SMS and says so in one item linked to its input', async () => {
		const messageId = await scheduled();
		const run = await runNode(sim, cancel('={{ $json.messageId }}'), [{ messageId }]);

		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual([
			{
				json: { success: true, code: 200, messageId, message: CANCELLED_TEXT },
				pairedItem: { item: 0 },
			},
		]);
		const again = await runNode(sim, cancel(String(messageId)));
		expect(again.failure?.message).toMatch(/^SMS Partner error 5: This SMS was already cancelled/);
	});

	it('keeps the message ID as given: a number stays a number, a string a string', async () => {
		const first = await scheduled();
		const second = await scheduled();
		const run = await runNode(sim, cancel('={{ $json.id }}'), [
			{ id: first },
			{ id: ` ${second}` },
		]);
		expect(run.items.map((item) => item.json.messageId)).toEqual([first, String(second)]);
	});

	it('gives the same item whether SMS Partner answers in JSON or XML', async () => {
		const viaJson = await runNode(sim, cancel(String(await scheduled()), 'json'));
		const viaXml = await runNode(sim, cancel(String(await scheduled()), 'xml'));
		expect(sim.requests.at(-1)?.query._format).toBe('xml');
		// Two SMS, two IDs: everything else must be equal.
		const sameId = (run: typeof viaJson) =>
			run.items.map((item) => ({ ...item.json, messageId: 0 }));
		expect(sameId(viaXml)).toEqual(sameId(viaJson));
		expect(viaXml.items[0].json).toMatchObject({
			success: true,
			code: 200,
			message: CANCELLED_TEXT,
		});
	});

	describe.each(['mirror', 'always-200'] as const)(
		'documented failures with errorStatus %s',
		(errorStatus) => {
			beforeEach(() => sim.configure({ errorStatus }));

			const cases: Array<[number, string, () => Promise<{ id: string; apiKey?: string }>]> = [
				[1, 'without an API key', async () => ({ id: String(await scheduled()), apiKey: '' })],
				[4, 'an unknown message ID', async () => ({ id: '999999' })],
				[
					5,
					'an SMS already cancelled',
					async () => {
						const id = String(await scheduled());
						await runNode(sim, cancel(id));
						return { id };
					},
				],
				[6, 'an SMS due in 2 minutes', async () => ({ id: String(await scheduled(2)) })],
				[
					7,
					'an SMS already sent',
					async () => ({ id: String(await sendSms(sim, { phoneNumbers: ['0612345678'] })) }),
				],
				[
					10,
					'a wrong API key',
					async () => ({ id: String(await scheduled()), apiKey: 'not-the-right-key' }),
				],
			];

			it.each(cases)(
				'code %d (%s) fails the item with a plain-English NodeApiError',
				async (code, _case, setup) => {
					const { id, apiKey } = await setup();
					const run = await runNode(sim, cancel(id), [{}], { apiKey });
					const expectedStatus = errorStatus === 'always-200' ? 200 : undefined;

					expect(run.items).toEqual([]);
					expect(run.failure?.message).toMatch(new RegExp(`^SMS Partner error ${code}: [A-Z]`));
					expect(run.failure?.description).toMatch(/^SMS Partner said: ".+"/);
					if (expectedStatus) expect(run.failure?.description).toContain('(HTTP 200)');
					expect(run.run.data.resultData.error?.name).toBe('NodeApiError');
				},
			);
		},
	);

	it('explains code 6 as too late to cancel, with the API text in the description', async () => {
		const run = await runNode(sim, cancel(String(await scheduled(2))));
		expect(run.failure?.message).toBe(
			'SMS Partner error 6: It is too late to cancel this SMS: it leaves in less than 5 minutes and will be sent as planned. Cancel at least 5 minutes before the send time.',
		);
		expect(run.failure?.description).toContain('SMS Partner said: "');
	});

	// A literal empty value is refused by n8n itself (required parameter); an expression can still
	// give one, and some values only the node can refuse.
	it.each([
		['', /^Message ID is empty\./],
		['   ', /^Message ID is empty\./],
		['abc', /^Message ID "abc" is not a message ID/],
		['12.5', /^Message ID "12.5" is not a message ID/],
		['1&apiKey=x', /^Message ID "1&apiKey=x" is not a message ID/],
	])('refuses the message ID %p before any request', async (messageId, message) => {
		const run = await runNode(sim, cancel('={{ $json.messageId }}'), [{ messageId }]);
		expect(run.failure?.message).toMatch(message);
		expect(run.failure?.description).toMatch(/no request was sent/);
		expect(sim.requests).toEqual([]);
	});
});

describe('Cancel SMS over a batch with good and bad items', () => {
	async function batch() {
		const ok1 = await scheduled();
		const late = await scheduled(2);
		const ok2 = await scheduled();
		return [
			{ appointment: 'A1', messageId: ok1 },
			{ appointment: 'A2', messageId: late },
			{ appointment: 'A3', messageId: 'abc' },
			{ appointment: 'A4', messageId: 424242 },
			{ appointment: 'A5', messageId: ok2 },
		];
	}

	it('with "continue (regular output)" yields one item per input, in order, each linked', async () => {
		const input = await batch();
		const run = await runNode(sim, cancel('={{ $json.messageId }}'), input, {
			onError: 'continueRegularOutput',
		});

		expect(run.failure).toBeUndefined();
		expect(run.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
		expect(run.items[0].json).toMatchObject({ success: true, messageId: input[0].messageId });
		expect(run.items[1].json.error).toMatch(/^SMS Partner error 6:/);
		expect(run.items[1].json.details).toMatchObject({ code: 6, httpStatus: 400 });
		expect(run.items[2].json.error).toMatch(/^Message ID "abc" is not a message ID/);
		expect(run.items[3].json.error).toMatch(/^SMS Partner error 4:/);
		expect(run.items[4].json).toMatchObject({ success: true, messageId: input[4].messageId });
		// The bad item sent nothing; the four others one request each.
		expect(sim.requests.filter((request) => request.path.endsWith('/message-cancel'))).toHaveLength(
			4,
		);
	});

	it('with "continue (error output)" splits the items, links each, and keeps the input fields on errors', async () => {
		const input = await batch();
		const run = await runNode(sim, cancel('={{ $json.messageId }}'), input, {
			onError: 'continueErrorOutput',
		});

		expect(run.failure).toBeUndefined();
		expect(run.items.map((item) => [item.pairedItem, item.json.messageId])).toEqual([
			[{ item: 0 }, input[0].messageId],
			[{ item: 4 }, input[4].messageId],
		]);
		expect(
			run.errorItems.map((item) => [
				item.pairedItem,
				item.json.appointment,
				String(item.json.error).slice(0, 20),
			]),
		).toEqual([
			[{ item: 1 }, 'A2', 'SMS Partner error 6:'],
			[{ item: 2 }, 'A3', 'Message ID "abc" is '],
			[{ item: 3 }, 'A4', 'SMS Partner error 4:'],
		]);
	});

	it('without "continue" stops at the first failure with the error of that item', async () => {
		const run = await runNode(sim, cancel('={{ $json.messageId }}'), await batch());
		expect(run.failure?.message).toMatch(/^SMS Partner error 6:/);
		expect(run.run.data.resultData.error?.context?.itemIndex).toBe(1);
	});
});

describe('The API key', () => {
	it('goes in the query string of GET requests and appears nowhere in the saved run', async () => {
		const good = await scheduled();
		const late = await scheduled(2);
		for (const onError of [
			'continueRegularOutput',
			'continueErrorOutput',
			'stopWorkflow',
		] as const) {
			const run = await runNode(
				sim,
				cancel('={{ $json.messageId }}'),
				[{ messageId: good }, { messageId: late }, { messageId: 'x' }],
				{
					onError,
				},
			);
			expect(JSON.stringify(run.run)).not.toContain(DEFAULT_API_KEY);
		}
		const cancels = sim.requests.filter((request) => request.path.endsWith('/message-cancel'));
		expect(cancels.length).toBeGreaterThan(0);
		for (const request of cancels) {
			expect(request.method).toBe('GET');
			expect(request.query.apiKey).toBe(DEFAULT_API_KEY);
			expect(request.body).toBeUndefined();
		}
	});
});
