import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../runner';
import { SEND_ERRORS, SEND_RETRY } from '../../nodes/SmsPartner/shared/sending';
import { DEFAULT_API_KEY, epochToParisWallTime } from '../../simulator';
import {
	minutesFromNow,
	runNode,
	singleNodeWorkflow,
	startStubApi,
	visible,
	type StubApi,
	useSimulator,
} from './helpers';

const POOR_KEY = 'sim-poor-key-0002';

// The node checks Send At against the real clock, so the simulator runs on real time too.
const sim = useSimulator({
	accounts: [{ apiKey: DEFAULT_API_KEY }, { apiKey: POOR_KEY, creditEur: 0.01 }],
});

const send = (fields: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'send',
	phoneNumbers: '={{ $json.phones }}',
	message: 'Your appointment is tomorrow at 10:00.',
	...fields,
});
const sends = () => sim.requests.filter((request) => request.path === '/v1/send');
const balance = async (): Promise<string> => {
	const me = (await (await fetch(`${sim.baseUrl}/me?apiKey=${DEFAULT_API_KEY}`)).json()) as {
		credits: { balance: string };
	};
	return me.credits.balance;
};
const pad = (n: number) => String(n).padStart(2, '0');

/** The schedule fields SMS Partner expects for an instant: Paris wall time. */
function parisFields(at: Date) {
	const wall = epochToParisWallTime(at.getTime());
	return {
		scheduledDeliveryDate: `${pad(wall.day)}/${pad(wall.month)}/${wall.year}`,
		time: wall.hour,
		minute: wall.minute,
	};
}

describe('Send', () => {
	it('sends one text per input item to its own numbers: a list, an array or one number', async () => {
		const run = await runNode(sim, send(), [
			{ phones: '0612345678, +33712345678' },
			{ phones: ['06 98 76 54 32', '+4915112345678'] },
			{ phones: '0611223344' },
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
					phoneNumbers: ['+33612345678', '+33712345678'],
					scheduledAt: null,
					sandbox: false,
				},
				pairedItem: { item: 0 },
			},
			{
				json: expect.objectContaining({
					messageId: 1002,
					phoneNumbers: ['+33698765432', '+4915112345678'],
				}),
				pairedItem: { item: 1 },
			},
			{
				json: expect.objectContaining({
					messageId: 1003,
					nbSms: 1,
					phoneNumbers: ['+33611223344'],
				}),
				pairedItem: { item: 2 },
			},
		]);
		expect(sends().map((request) => request.body)).toEqual([
			{
				phoneNumbers: '+33612345678,+33712345678',
				message: 'Your appointment is tomorrow at 10:00.',
				apiKey: DEFAULT_API_KEY,
			},
			expect.objectContaining({ phoneNumbers: '+33698765432,+4915112345678' }),
			expect.objectContaining({ phoneNumbers: '+33611223344' }),
		]);
	});

	it('outputs nbSms for a long text, as SMS Partner bills it', async () => {
		const run = await runNode(sim, send({ message: 'a'.repeat(300) }), [{ phones: '0612345678' }]);
		expect(run.items[0].json).toMatchObject({ nbSms: 2, cost: 0.09 });
	});

	it('puts every additional field in the request, booleans as 1', async () => {
		const run = await runNode(
			sim,
			send({
				additionalFields: {
					sender: 'MyShop',
					tag: 'promo-nov',
					gamme: 'lowCost',
					isStopSms: true,
					isUnicode: true,
					urlDlr: 'https://example.com/dlr',
					urlResponse: 'https://example.com/replies',
				},
			}),
			[{ phones: '0612345678' }],
		);
		expect(run.failure).toBeUndefined();
		expect(sends()[0].body).toEqual({
			phoneNumbers: '+33612345678',
			message: 'Your appointment is tomorrow at 10:00.',
			sender: 'MyShop',
			tag: 'promo-nov',
			gamme: 2,
			isStopSms: 1,
			isUnicode: 1,
			urlDlr: 'https://example.com/dlr',
			urlResponse: 'https://example.com/replies',
			apiKey: DEFAULT_API_KEY,
		});
		expect(run.items[0].json).toMatchObject({ cost: 0.03 });
	});

	it('sends nothing and charges nothing in Sandbox', async () => {
		const run = await runNode(sim, send({ sandbox: true }), [{ phones: '0612345678' }]);
		expect(run.items[0].json).toMatchObject({ success: true, cost: 0, sandbox: true });
		expect(sends()[0].body).toMatchObject({ sandbox: 1 });
		expect(await balance()).toBe('100.000');
	});

	describe('Send At', () => {
		it('schedules in Paris time and the send shows up as Waiting in the tag statuses', async () => {
			const at = minutesFromNow(sim, 90);
			const run = await runNode(
				sim,
				send({ sendAt: '={{ $json.at }}', additionalFields: { tag: 'reminders' } }),
				[{ phones: '0612345678', at: at.toISOString() }],
			);

			expect(run.failure).toBeUndefined();
			expect(run.items[0].json).toMatchObject({ success: true, scheduledAt: at.toISOString() });
			expect(sends()[0].body).toMatchObject(parisFields(at));

			const statuses = await runNode(sim, {
				resource: 'sms',
				operation: 'getStatusByTag',
				tag: 'reminders',
			});
			expect(statuses.items.map((item) => item.json)).toEqual([
				expect.objectContaining({
					phoneNumber: '+33612345678',
					status: 'Waiting',
					date: at.toISOString(),
				}),
			]);
		});

		it("reads a time without offset in the workflow's time zone", async () => {
			const at = minutesFromNow(sim, 60 * 26);
			const tokyo = new Intl.DateTimeFormat('sv-SE', {
				timeZone: 'Asia/Tokyo',
				dateStyle: 'short',
				timeStyle: 'short',
			})
				.format(at)
				.replace(' ', 'T');
			const workflow = {
				...singleNodeWorkflow(send({ sendAt: tokyo })),
				settings: { timezone: 'Asia/Tokyo' },
			};
			const { output } = await runWorkflow(workflow, {
				credentials: { smsPartnerApi: { apiKey: DEFAULT_API_KEY, baseUrl: sim.baseUrl } },
				pinData: { Trigger: [{ json: { phones: '0612345678' } }] },
			});
			expect(output('SMS Partner', 0)[0].json.scheduledAt).toBe(at.toISOString());
			expect(sends()[0].body).toMatchObject(parisFields(at));
		});

		it("takes n8n's own dates ($now) as the instant they hold", async () => {
			const run = await runNode(
				sim,
				send({ sendAt: '={{ $now.plus({ days: 1 }).startOf("hour") }}' }),
				[{ phones: '0612345678' }],
			);
			const scheduledAt = Date.parse(String(run.items[0].json.scheduledAt));
			expect(scheduledAt % 3_600_000).toBe(0);
			expect(scheduledAt - Date.now()).toBeGreaterThan(22 * 3_600_000);
		});

		it('refuses a time in the past before any request', async () => {
			const at = minutesFromNow(sim, -60);
			const run = await runNode(sim, send({ sendAt: at.toISOString() }), [
				{ phones: '0612345678' },
			]);
			expect(run.failure?.message).toMatch(/^Send At .+ is in the past\./);
			expect(run.failure?.message).toMatch(/Leave Send At empty to send now\.$/);
			expect(sim.requests).toEqual([]);
		});

		it('refuses a time less than 5 minutes away: too close to cancel later', async () => {
			// A fixed "now" one minute after a 5-minute step, so that the next step is 4 minutes away.
			const now = Math.floor(Date.now() / 300_000) * 300_000 + 60_000;
			const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
			try {
				const at = new Date(now + 4 * 60_000);
				const run = await runNode(sim, send({ sendAt: at.toISOString() }), [
					{ phones: '0612345678' },
				]);
				expect(run.failure?.message).toMatch(
					/^Send At \S+ \S+ \(.+ time\) is less than 5 minutes away: too close to cancel later, as SMS Partner cannot cancel a send in its last 5 minutes\. Pick \S+ \S+ or later\. Leave Send At empty to send now\.$/,
				);
			} finally {
				clock.mockRestore();
			}
			expect(sim.requests).toEqual([]);
		});

		it('refuses a time off the 5-minute grid and names the nearest valid times', async () => {
			const at = new Date(minutesFromNow(sim, 120).getTime() + 2 * 60_000);
			const run = await runNode(sim, send({ sendAt: at.toISOString() }), [
				{ phones: '0612345678' },
			]);
			expect(run.failure?.message).toMatch(
				/^Send At \S+ \d\d:\d[27] \(.+ time\) is not on a 5-minute step; .* the nearest valid times are \S+ \d\d:\d[05] and \S+ \d\d:\d[05] \(.+ time\)\.$/,
			);
			expect(sim.requests).toEqual([]);
		});
	});

	it.each([
		[
			'an invalid number',
			{ phones: '0612345678, 12345' },
			{},
			'Phone Numbers holds "12345", which is not a phone number',
		],
		[
			'more than 500 numbers',
			{ phones: Array.from({ length: 501 }, (_, i) => `+336${10000000 + i}`) },
			{},
			'Phone Numbers has 501 numbers; SMS Partner takes at most 500 per request',
		],
		[
			'a text over 10 SMS',
			{ phones: '0612345678' },
			{ message: 'a'.repeat(1600) },
			'Message is 1600 GSM characters long, which makes 11 SMS; SMS Partner sends at most 10 SMS per text (1530 GSM characters)',
		],
		[
			'a Unicode text over 10 SMS',
			{ phones: '0612345678' },
			{ message: '🙂'.repeat(340), additionalFields: { isUnicode: true } },
			'Message is 680 Unicode characters long, which makes 11 SMS',
		],
		[
			'a Low Cost text over 160 characters',
			{ phones: '0612345678' },
			{ message: 'a'.repeat(161), additionalFields: { gamme: 'lowCost' } },
			'Message is 161 characters long; the Low Cost range sends at most 160 characters',
		],
		[
			'a sender with a space',
			{ phones: '0612345678' },
			{ additionalFields: { sender: 'My Shop' } },
			'Sender "My Shop" is not 3 to 11 letters or digits',
		],
		[
			'a sender of 12 characters',
			{ phones: '0612345678' },
			{ additionalFields: { sender: 'MyShopParis1' } },
			'Sender "MyShopParis1" is not 3 to 11 letters or digits',
		],
		[
			'a tag with capitals',
			{ phones: '0612345678' },
			{ additionalFields: { tag: 'Promo' } },
			'Tag "Promo" has capital letters; SMS Partner takes lowercase tags only. Use "promo".',
		],
		[
			'a tag with a space',
			{ phones: '0612345678' },
			{ additionalFields: { tag: 'promo nov' } },
			'Tag "promo nov" contains a space',
		],
		[
			'a delivery report URL that is not one',
			{ phones: '0612345678' },
			{ additionalFields: { urlDlr: 'example.com/dlr' } },
			'Delivery Report URL "example.com/dlr" is not an http(s) URL',
		],
		['an empty text', { phones: '0612345678' }, { message: '={{ "" }}' }, 'Message is empty'],
	])('refuses %s before any request', async (_case, input, fields, message) => {
		const run = await runNode(sim, send(fields as INodeParameters), [input]);
		expect(run.failure?.message).toContain(message);
		expect(run.failure?.description).toMatch(/no request was sent/);
		expect(sim.requests).toEqual([]);
	});

	it('gives the same item whether SMS Partner answers in JSON or XML', async () => {
		const at = minutesFromNow(sim, 60);
		const fields = { sendAt: at.toISOString() };
		const viaJson = await runNode(sim, send({ ...fields, options: { responseFormat: 'json' } }), [
			{ phones: '0612345678' },
		]);
		const viaXml = await runNode(sim, send({ ...fields, options: { responseFormat: 'xml' } }), [
			{ phones: '0612345678' },
		]);
		expect(sends()[1].body).toMatchObject({ _format: 'xml' });
		expect(viaXml.items[0].json).toEqual({ ...viaJson.items[0].json, messageId: 1002 });
		expect(viaXml.items[0].json).toMatchObject({ nbSms: 1, cost: 0.045, currency: 'EUR' });
	});

	describe.each(['mirror', 'always-200'] as const)('API failures with errorStatus %s', (mode) => {
		beforeEach(() => sim.configure({ errorStatus: mode }));
		const status = (httpStatus: number) => (mode === 'mirror' ? httpStatus : 200);

		it('maps a STOP number (14) to plain English, and sends it once', async () => {
			sim.addStopNumber('+33712345678');
			const run = await runNode(sim, send(), [{ phones: '0612345678,0712345678' }]);
			expect(run.failure?.message).toBe(
				'SMS Partner error 14: One of the numbers is on the STOP list of the account (the person replied STOP), so SMS Partner refused the whole send. Remove that number from the recipients and send again.',
			);
			expect(run.failure?.description).toBe(
				`SMS Partner said: "Le numéro est dans la liste STOP SMS"\n(HTTP ${status(400)})`,
			);
			expect(sends()).toHaveLength(1);
		});

		it.each([
			[11, POOR_KEY, 402, /^SMS Partner error 11: The SMS Partner account has not enough credit/],
			[10, 'wrong-key', 401, /^SMS Partner error 10: SMS Partner does not recognise this API key/],
			[1, '', 401, /^SMS Partner error 1: The request reached SMS Partner without an API key/],
		])('maps code %d', async (_code, apiKey, httpStatus, message) => {
			const run = await runNode(sim, send(), [{ phones: '0612345678' }], { apiKey });
			expect(run.failure?.message).toMatch(message);
			expect(run.failure?.description).toContain(`(HTTP ${status(httpStatus)})`);
			expect(run.run.data.resultData.error?.name).toBe('NodeApiError');
		});
	});

	describe('over a batch of good and bad items', () => {
		const input = [
			{ ref: 'A1', phones: '0612345678' },
			{ ref: 'A2', phones: '0699999999,0700000000' },
			{ ref: 'A3', phones: 'abc' },
			{ ref: 'A4', phones: '0611111111' },
		];
		beforeEach(() => sim.addStopNumber('+33700000000'));

		it('with "continue (regular output)" yields one item per input, each linked', async () => {
			const run = await runNode(sim, send(), input, { onError: 'continueRegularOutput' });
			expect(run.items.map((item) => item.pairedItem)).toEqual(
				[0, 1, 2, 3].map((item) => ({ item })),
			);
			expect(run.items[0].json).toMatchObject({ success: true, messageId: 1001 });
			expect(run.items[1].json.error).toMatch(/^SMS Partner error 14:/);
			expect(run.items[1].json.details).toMatchObject({ code: 14, httpStatus: 400 });
			expect(run.items[2].json.error).toMatch(/^Phone Numbers holds "abc", which is not a phone/);
			expect(run.items[3].json).toMatchObject({ success: true, messageId: 1002 });
			expect(sends()).toHaveLength(3);
		});

		it('with "continue (error output)" splits the items and keeps the input fields on errors', async () => {
			const run = await runNode(sim, send(), input, { onError: 'continueErrorOutput' });
			expect(run.items.map((item) => [item.pairedItem, item.json.phoneNumbers])).toEqual([
				[{ item: 0 }, ['+33612345678']],
				[{ item: 3 }, ['+33611111111']],
			]);
			expect(
				run.errorItems.map((item) => [
					item.pairedItem,
					item.json.ref,
					String(item.json.error).slice(0, 20),
				]),
			).toEqual([
				[{ item: 1 }, 'A2', 'SMS Partner error 14'],
				[{ item: 2 }, 'A3', 'Phone Numbers holds '],
			]);
		});
	});

	it('puts the API key in the POST body only, and nowhere in the saved run', async () => {
		sim.addStopNumber('+33700000000');
		for (const onError of [
			'continueRegularOutput',
			'continueErrorOutput',
			'stopWorkflow',
		] as const) {
			const run = await runNode(
				sim,
				send(),
				[{ phones: '0612345678' }, { phones: '0700000000' }, { phones: 'x' }],
				{ onError },
			);
			expect(JSON.stringify(run.run)).not.toContain(DEFAULT_API_KEY);
		}
		for (const request of sends()) {
			expect(request.method).toBe('POST');
			expect(request.query).toEqual({});
			expect(request.body).toMatchObject({ apiKey: DEFAULT_API_KEY });
		}
	});
});

describe('Send, against every error code a send can produce', () => {
	let stub: StubApi;
	let received = 0;

	// A stand-in for SMS Partner that answers each send with the error code given as its text.
	beforeAll(async () => {
		stub = await startStubApi((req, res) => {
			let raw = '';
			req.on('data', (chunk) => (raw += chunk));
			req.on('end', () => {
				received++;
				const code = Number(JSON.parse(raw).message);
				const answer =
					code === 9
						? {
								success: false,
								code,
								errors: [
									{
										elementId: 'children[sender].data',
										message: "L'émetteur ne peut pas être plus long que 11 caractères",
									},
								],
							}
						: { success: false, code, message: `erreur ${code}` };
				res.writeHead(code === 500 ? 500 : 400, { 'content-type': 'application/json' });
				res.end(JSON.stringify(answer));
			});
		});
	});
	afterAll(() => stub.close());

	const CODES = [
		2, 9, 11, 13, 14, 20, 22, 23, 30, 40, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 55, 90, 96,
		500,
	];

	it('has a plain-English text for each, used for the item, and never retries', async () => {
		received = 0;
		const { output } = await runWorkflow(
			singleNodeWorkflow(
				{
					resource: 'sms',
					operation: 'send',
					phoneNumbers: '0612345678',
					message: '={{ $json.code }}',
				},
				'continueRegularOutput',
			),
			{
				credentials: { smsPartnerApi: { apiKey: DEFAULT_API_KEY, baseUrl: stub.baseUrl } },
				pinData: { Trigger: CODES.map((code) => ({ json: { code: String(code) } })) },
			},
		);
		const items = output('SMS Partner', 0);
		expect(items.map((item) => item.json.error)).toEqual(
			CODES.map(
				(code) =>
					// 500 may come after the SMS was queued: the advice is then to check, not to resend.
					`SMS Partner error ${code}: ${code === 500 ? SEND_RETRY.uncertainOutcome : SEND_ERRORS[code]}`,
			),
		);
		expect(received).toBe(CODES.length);
		expect(items[1].json.details).toMatchObject({
			code: 9,
			description: expect.stringContaining(
				"sender: L'émetteur ne peut pas être plus long que 11 caractères",
			),
		});
		expect(items[7].json.error).toBe(
			'SMS Partner error 23: SMS Partner does not send marketing SMS on Sundays or public holidays. Schedule the send for a working day, or ask SMS Partner support to lift the limit if your SMS are not marketing.',
		);
	});
});

describe('Send in Batches', () => {
	/** 1,201 distinct mobile numbers: three requests of 500, 500 and 201. */
	const phones = Array.from(
		{ length: 1201 },
		(_, index) => `+3361${String(index).padStart(7, '0')}`,
	);
	const numbersOf = (request: { body: unknown }) =>
		String((request.body as { phoneNumbers: string }).phoneNumbers).split(',');

	it('sends to more than 500 numbers in requests of 500, one item each, in order', async () => {
		const run = await runNode(sim, send({ sendInBatches: true }), [{ phones }]);
		expect(run.failure).toBeUndefined();
		expect(sends().map((request) => numbersOf(request).length)).toEqual([500, 500, 201]);
		expect(sends().flatMap(numbersOf)).toEqual(phones);
		expect(run.items.map((item) => (item.json.phoneNumbers as string[]).length)).toEqual([
			500, 500, 201,
		]);
		expect(new Set(run.items.map((item) => item.json.messageId)).size).toBe(3);
		expect(run.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	it('is off by default: more than 500 numbers are refused before anything is sent', async () => {
		const run = await runNode(sim, send(), [{ phones }]);
		expect(run.failure?.message).toMatch(
			/^Phone Numbers has 1201 numbers; SMS Partner takes at most 500 per request/,
		);
		expect(sends()).toEqual([]);
	});

	it('stops at a failed batch and names the batches already sent', async () => {
		// The first number of the second batch picks the failing request.
		sim.addFault({ path: '/send', fault: 'http-500', match: phones[500].slice(1) });
		const run = await runNode(sim, send({ sendInBatches: true }), [{ phones }], {
			onError: 'continueRegularOutput',
		});
		const [first] = sends();
		expect(sends()).toHaveLength(2);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json.error).toMatch(
			/^SMS Partner error 500: The SMS may have been sent all the same: .* \(1 of 3 batches had been sent before this failure\)$/,
		);
		expect(run.items[0].json.details).toMatchObject({
			description: expect.stringMatching(
				/Sent before this failure: 1 of 3 batches, 500 numbers, message IDs \d+\. The later batches were not sent/,
			),
		});
		expect(numbersOf(first)).toEqual(phones.slice(0, 500));
	});
});
