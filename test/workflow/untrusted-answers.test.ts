import { DEFAULT_API_KEY, type Simulator } from '../../simulator';
import { MAX_ANSWER_CHARS } from '../../nodes/SmsPartner/shared/response';
import { runNode, startStubApi, type StubApi } from './helpers';

/** What the stand-in API answers next, whatever the request. */
let nextBody = '';
let stub: StubApi;

beforeAll(async () => {
	stub = await startStubApi((_req, res) => {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(nextBody);
	});
});

afterAll(() => stub.close());

const api = () => ({ baseUrl: stub.baseUrl }) as Simulator;
const once = { maxRetries: 0 };

describe('Answers are untrusted', () => {
	it('keys that lead to a prototype are dropped, in shaped items and in Raw Response', async () => {
		nextBody = JSON.stringify({ success: true, code: 200, message: 'ok' }).replace(
			'{',
			'{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},',
		);
		for (const rawResponse of [false, true]) {
			const run = await runNode(api(), {
				resource: 'sms',
				operation: 'cancel',
				messageId: '307',
				options: { ...once, rawResponse },
			});
			expect(run.failure).toBeUndefined();
			const [item] = run.items;
			expect(Object.keys(item.json)).not.toContain('__proto__');
			expect(Object.keys(item.json)).not.toContain('constructor');
			expect(Object.getPrototypeOf(item.json)).toBe(Object.prototype);
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('an answer of the wrong type fails its item as unreadable, without a crash', async () => {
		nextBody = JSON.stringify({
			success: true,
			code: 200,
			currentPage: 1,
			total: 1,
			StatutResponse_List: 'not a list',
		});
		const run = await runNode(
			api(),
			{ resource: 'sms', operation: 'getStatusByTag', tag: 'rdv', options: once },
			[{ ref: 'A' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(run.items).toEqual([]);
		expect(run.errorItems).toHaveLength(1);
		expect(run.errorItems[0].pairedItem).toEqual({ item: 0 });
		expect(run.errorItems[0].json.error).toMatch(
			/^SMS Partner sent an answer that could not be read \(HTTP 200\)/,
		);
	});

	it('an answer longer than any SMS Partner answer is refused, unparsed', async () => {
		nextBody = `{"success":true,"code":200,"message":"${'x'.repeat(MAX_ANSWER_CHARS)}"}`;
		const run = await runNode(
			api(),
			{ resource: 'sms', operation: 'cancel', messageId: '307', options: once },
			[{}],
			{ onError: 'continueRegularOutput', apiKey: DEFAULT_API_KEY },
		);
		nextBody = '';
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json.error).toMatch(/^SMS Partner sent an answer that could not be read/);
		expect(run.items[0].json.details).toMatchObject({
			description: expect.stringMatching(/more than the \d+ the node reads\)$/),
		});
	});
});
