import { DEFAULT_API_KEY } from '../../simulator';
import { minutesFromNow, runNode, sendSms, visible, START, useSimulator } from './helpers';

const sim = useSimulator({
	startTime: START,
	accounts: [{ apiKey: DEFAULT_API_KEY, username: 'clinique@example.fr', creditEur: 25 }],
});

const getAccount = (responseFormat?: 'json' | 'xml', extra: Record<string, unknown> = {}) => ({
	resource: 'account',
	operation: 'get',
	...(responseFormat ? { options: { responseFormat, ...extra } } : {}),
});

// 25 EUR buys 555 Premium SMS at 0.045, 833 ECO SMS at 0.030 and 5000 HLR checks at 0.005.
const ACCOUNT = {
	username: 'clinique@example.fr',
	firstname: 'Camille',
	lastname: 'Martin',
	creditSms: 555,
	creditSmsEco: 833,
	creditHlr: 5000,
	toSend: 0,
	balance: 25,
	currency: 'EUR',
};

describe('Get Account', () => {
	it('gives one flat item with the credits and the balance as numbers', async () => {
		const run = await runNode(sim, getAccount());
		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual([{ json: ACCOUNT, pairedItem: { item: 0 } }]);
		expect(sim.requests.map(({ method, path }) => [method, path])).toEqual([['GET', '/v1/me']]);
	});

	it('follows the balance and the SMS waiting to go out', async () => {
		await sendSms(sim, {
			phoneNumbers: ['0612345678', '0698765432'],
			at: minutesFromNow(sim, 120),
		});
		const run = await runNode(sim, getAccount());
		expect(run.items[0].json).toEqual({
			...ACCOUNT,
			creditSms: 553,
			creditSmsEco: 830,
			creditHlr: 4982,
			toSend: 2,
			balance: 24.91,
		});
	});

	it('gives the same item whether SMS Partner answers in JSON or XML (named user fields)', async () => {
		const viaJson = await runNode(sim, getAccount('json'));
		const viaXml = await runNode(sim, getAccount('xml'));
		expect(sim.requests.at(-1)?.query._format).toBe('xml');
		expect(viaXml.failure).toBeUndefined();
		expect(visible(viaXml.items)).toEqual(visible(viaJson.items));
		expect(viaXml.items[0].json).toEqual(ACCOUNT);
	});

	it('answers once per input item, each linked to its item', async () => {
		const run = await runNode(sim, getAccount(), [{ a: 1 }, { a: 2 }]);
		expect(visible(run.items)).toEqual([
			{ json: ACCOUNT, pairedItem: { item: 0 } },
			{ json: ACCOUNT, pairedItem: { item: 1 } },
		]);
	});

	it('gives the answer as received with Raw Response, XML included', async () => {
		const run = await runNode(sim, getAccount('xml', { rawResponse: true }));
		expect(run.items[0].json).toEqual({
			success: true,
			code: 200,
			user: { username: 'clinique@example.fr', firstname: 'Camille', lastname: 'Martin' },
			credits: {
				creditSms: 555,
				creditSmsECO: 833,
				creditHlr: 5000,
				toSend: 0,
				solde: '25.000',
				currency: 'EUR',
				balance: '25.000',
			},
		});
	});

	describe.each(['mirror', 'always-200'] as const)(
		'failures with errorStatus %s',
		(errorStatus) => {
			beforeEach(() => sim.configure({ errorStatus }));

			it.each([
				[1, '', /^SMS Partner error 1: The request reached SMS Partner without an API key/],
				[10, 'wrong-key', /^SMS Partner error 10: SMS Partner does not recognise this API key/],
			])(
				'code %d fails the item with a plain-English NodeApiError',
				async (_code, apiKey, message) => {
					const run = await runNode(sim, getAccount(), [{}], { apiKey });
					expect(run.items).toEqual([]);
					expect(run.failure?.message).toMatch(message);
					expect(run.failure?.description).toContain(
						`(HTTP ${errorStatus === 'mirror' ? 401 : 200})`,
					);
					expect(run.run.data.resultData.error?.name).toBe('NodeApiError');
				},
			);

			it('with "continue (regular output)" yields an error item per input, linked', async () => {
				const run = await runNode(sim, getAccount('xml'), [{}, {}], {
					apiKey: 'wrong-key',
					onError: 'continueRegularOutput',
				});
				expect(
					run.items.map((item) => [item.pairedItem, String(item.json.error).slice(0, 22)]),
				).toEqual([
					[{ item: 0 }, 'SMS Partner error 10: '],
					[{ item: 1 }, 'SMS Partner error 10: '],
				]);
			});
		},
	);

	it('puts the API key in the query string only, never in the saved run', async () => {
		for (const onError of [
			'continueRegularOutput',
			'continueErrorOutput',
			'stopWorkflow',
		] as const) {
			for (const responseFormat of ['json', 'xml'] as const) {
				const run = await runNode(sim, getAccount(responseFormat, { rawResponse: true }), [{}], {
					onError,
				});
				expect(JSON.stringify(run.run)).not.toContain(DEFAULT_API_KEY);
			}
		}
		for (const request of sim.requests) {
			expect(request.query.apiKey).toBe(DEFAULT_API_KEY);
			expect(request.body).toBeUndefined();
		}
	});
});
