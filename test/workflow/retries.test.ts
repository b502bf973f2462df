import { DEFAULT_API_KEY, type Simulator } from '../../simulator';
import { apiGet } from '../simulator/http';
import {
	minutesFromNow,
	runNode,
	sendSms,
	START,
	startStubApi,
	visible,
	useSimulator,
} from './helpers';

const sim = useSimulator({ startTime: START });

/** Quick retries, so that a test waits milliseconds where a user waits seconds. */
const QUICK = { retryDelay: 1 };

const attemptsAt = (path: string) =>
	sim.requests.filter((request) => request.path === `/v1${path}`);

async function scheduled(): Promise<number> {
	return sendSms(sim, { phoneNumbers: ['0612345678'], tag: 'rdv', at: minutesFromNow(sim, 120) });
}

describe('Retries of reads and cancels', () => {
	it.each(['http-500', 'http-502-html', 'http-429', 'cut-body', 'not-json', 'reset'] as const)(
		'a read that meets %s twice gets its answer on the third attempt',
		async (fault) => {
			sim.addFault({ path: '/me', fault, times: 2 });
			const run = await runNode(sim, { resource: 'account', operation: 'get', options: QUICK });
			expect(run.failure).toBeUndefined();
			expect(run.items).toHaveLength(1);
			expect(run.items[0].json).toMatchObject({ username: 'simulateur@example.com' });
			expect(attemptsAt('/me')).toHaveLength(3);
		},
	);

	it('stop after Max Retries and say how many attempts were made', async () => {
		sim.addFault({ path: '/me', fault: 'http-502-html' });
		const run = await runNode(
			sim,
			{ resource: 'account', operation: 'get', options: { ...QUICK, maxRetries: 2 } },
			[{}],
			{ onError: 'continueRegularOutput' },
		);
		expect(run.items[0].json.error).toBe(
			'SMS Partner HTTP error 502: SMS Partner is unavailable or failed. Try again later.',
		);
		expect(run.items[0].json.details).toMatchObject({
			description: expect.stringMatching(/\nTried 3 times\.$/),
		});
		expect(attemptsAt('/me')).toHaveLength(3);
	});

	it('with Max Retries 0, send each request once', async () => {
		sim.addFault({ path: '/me', fault: 'http-500' });
		const run = await runNode(sim, {
			resource: 'account',
			operation: 'get',
			options: { maxRetries: 0 },
		});
		expect(run.failure?.message).toMatch(/^SMS Partner error 500:/);
		expect(attemptsAt('/me')).toHaveLength(1);
	});

	it('stop after 10 retries, whatever a hand-written workflow asks', async () => {
		sim.addFault({ path: '/me', fault: 'http-500' });
		await runNode(sim, {
			resource: 'account',
			operation: 'get',
			options: { maxRetries: 50, retryDelay: 0 },
		});
		expect(attemptsAt('/me')).toHaveLength(11);
	});

	it('wait as long as Retry-After asks', async () => {
		sim.addFault({ path: '/me', fault: 'http-429', times: 1, retryAfter: 1 });
		const run = await runNode(sim, { resource: 'account', operation: 'get', options: QUICK });
		expect(run.failure).toBeUndefined();
		const [first, second] = attemptsAt('/me');
		// The simulator's clock runs with real time: the retry came no sooner than asked.
		expect(second.at - first.at).toBeGreaterThanOrEqual(950);
	});

	it('do not wait beyond the retry window when Retry-After asks for more', async () => {
		sim.addFault({ path: '/me', fault: 'http-429', retryAfter: 600 });
		const run = await runNode(sim, { resource: 'account', operation: 'get', options: QUICK });
		expect(run.failure?.message).toMatch(/^SMS Partner error 429: Too many requests/);
		expect(run.failure?.description).toContain(
			"SMS Partner asked to wait 600 s before another try, beyond the node's 120 s retry window.",
		);
		expect(attemptsAt('/me')).toHaveLength(1);
	});

	it('a cancel whose answer was lost, retried, reports the SMS cancelled, not "already cancelled"', async () => {
		const messageId = await scheduled();
		sim.addFault({ path: '/message-cancel', fault: 'reset', times: 1, afterProcessing: true });
		const run = await runNode(sim, {
			resource: 'sms',
			operation: 'cancel',
			messageId: String(messageId),
			options: QUICK,
		});
		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual([
			{
				json: {
					success: true,
					code: 200,
					messageId: String(messageId),
					message: expect.stringMatching(/annulé/),
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(attemptsAt('/message-cancel')).toHaveLength(2);
	});

	it('a cancel of an SMS cancelled earlier, by someone else, still fails with code 5', async () => {
		const messageId = await scheduled();
		await apiGet(sim, '/message-cancel', { apiKey: DEFAULT_API_KEY, messageId });
		sim.addFault({ path: '/message-cancel', fault: 'http-429', times: 1 });
		const run = await runNode(sim, {
			resource: 'sms',
			operation: 'cancel',
			messageId: String(messageId),
			options: QUICK,
		});
		expect(run.failure?.message).toMatch(/^SMS Partner error 5: This SMS was already cancelled/);
	});
});

describe('Sends are never sent twice', () => {
	const send = {
		resource: 'sms',
		operation: 'send',
		phoneNumbers: '0612345678',
		message: 'Rappel : rendez-vous demain à 10h.',
		additionalFields: { tag: 'once' },
		options: QUICK,
	};

	it.each(['reset', 'http-502-html', 'cut-body', 'http-500'] as const)(
		'a send whose answer is lost (%s) is not retried, and the error says to check first',
		async (fault) => {
			sim.addFault({ path: '/send', fault, afterProcessing: true });
			const run = await runNode(sim, send, [{ appointment: 'A1' }], {
				onError: 'continueErrorOutput',
			});
			expect(run.items).toEqual([]);
			expect(run.errorItems).toHaveLength(1);
			expect(run.errorItems[0].pairedItem).toEqual({ item: 0 });
			expect(run.errorItems[0].json.appointment).toBe('A1');
			expect(run.errorItems[0].json.error).toMatch(
				/The SMS may have been sent all the same: it was not retried, so that it does not happen twice\. Check Get Status by Tag \(when the send had a tag\) or the SMS Partner dashboard before running this item again\.$/,
			);
			expect(attemptsAt('/send')).toHaveLength(1);
			// It did go out, once.
			const statuses = await apiGet(sim, '/bulk-status-by-tag', {
				apiKey: DEFAULT_API_KEY,
				tag: 'once',
			});
			expect(statuses.body.StatutResponse_List).toHaveLength(1);
		},
	);

	it('a send turned away by a rate limit is retried, and goes out once', async () => {
		sim.addFault({ path: '/send', fault: 'http-429', times: 2 });
		const run = await runNode(sim, send);
		expect(run.failure).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ success: true });
		expect(attemptsAt('/send')).toHaveLength(3);
		const statuses = await apiGet(sim, '/bulk-status-by-tag', {
			apiKey: DEFAULT_API_KEY,
			tag: 'once',
		});
		expect(statuses.body.StatutResponse_List).toHaveLength(1);
	});
});

describe('Pacing', () => {
	/** Holds every request a little while and records how many were open at once. */
	async function countingStub() {
		let open = 0;
		let peak = 0;
		let received = 0;
		const stub = await startStubApi((_req, res) => {
			received++;
			peak = Math.max(peak, ++open);
			setTimeout(() => {
				open--;
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ success: true, code: 200, message: 'ok' }));
			}, 5);
		});
		return { stub, peak: () => peak, received: () => received };
	}

	it.each([
		[undefined, 10],
		[3, 3],
	])(
		'with Max Concurrent Requests %s, at most %i requests are in flight',
		async (maxConcurrentRequests, expected) => {
			const { stub, peak, received } = await countingStub();
			try {
				const run = await runNode(
					{ baseUrl: stub.baseUrl } as Simulator,
					{
						resource: 'sms',
						operation: 'cancel',
						messageId: '={{ $json.id }}',
						options: maxConcurrentRequests ? { maxConcurrentRequests } : {},
					},
					Array.from({ length: 60 }, (_, index) => ({ id: 1000 + index })),
				);
				expect(run.items).toHaveLength(60);
				expect(received()).toBe(60);
				expect(peak()).toBe(expected);
			} finally {
				await stub.close();
			}
		},
	);
});

describe('Stopping on error', () => {
	const sendEach = {
		resource: 'sms',
		operation: 'send',
		phoneNumbers: '={{ $json.phone }}',
		message: 'Rappel : rendez-vous demain à 10h.',
		options: { maxConcurrentRequests: 1, maxRetries: 0 },
	};
	const input = ['0611111111', '0611111112', '0611111113'].map((phone) => ({ phone }));

	it('sends nothing more once an item has failed, and says what was carried out', async () => {
		sim.addFault({ path: '/send', fault: 'http-502-html', match: '33611111112' });
		const run = await runNode(sim, sendEach, input);
		expect(run.failure?.message).toMatch(
			/^SMS Partner HTTP error 502: .* The SMS may have been sent/,
		);
		expect(run.failure?.description).toContain(
			'1 other item had been carried out already; n8n does not show their results when the workflow stops. No request was started after this failure',
		);
		expect(run.run.data.resultData.error?.context?.itemIndex).toBe(1);
		// Item 0 went out, item 1 met the fault, item 2 was never sent.
		expect(
			attemptsAt('/send').map((request) => (request.body as { phoneNumbers: string }).phoneNumbers),
		).toEqual(['+33611111111', '+33611111112']);
	});

	it('with "continue", sends every item whatever happened to the others', async () => {
		sim.addFault({ path: '/send', fault: 'http-502-html', match: '33611111112' });
		const run = await runNode(sim, sendEach, input, { onError: 'continueRegularOutput' });
		expect(run.items.map((item) => Boolean(item.json.error))).toEqual([false, true, false]);
		expect(attemptsAt('/send')).toHaveLength(3);
	});
});
