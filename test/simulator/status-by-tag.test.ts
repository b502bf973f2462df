import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiGet, apiPost } from './http';

const KEY = DEFAULT_API_KEY;
const OTHER_KEY = 'other-key';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({
		startTime: new Date('2025-06-02T08:00:00Z'),
		accounts: [{ apiKey: KEY }, { apiKey: OTHER_KEY }],
	});
});
afterAll(() => sim.close());
beforeEach(() => {
	sim.configure({
		tagPageSize: 100,
		tagTotal: 'items',
		pageParam: 'page',
		deliveryDelaySeconds: 20,
	});
	sim.reset();
});

const numbers = (count: number, first = 10) =>
	Array.from({ length: count }, (_, i) => `+336000000${first + i}`);
const send = (phoneNumbers: string[], tag: string, apiKey = KEY) =>
	apiPost(sim, '/send', { apiKey, phoneNumbers: phoneNumbers.join(','), message: 'x', tag });
const byTag = async (query: Record<string, string | number>) =>
	(await apiGet(sim, '/bulk-status-by-tag', { apiKey: KEY, ...query })).body;
const phones = (body: { StatutResponse_List: { phoneNumber: string }[] }) =>
	body.StatutResponse_List.map((item) => item.phoneNumber);

describe('statuses', () => {
	it('turn from Waiting to Delivered once the delivery delay has passed', async () => {
		const before = sim.clock.now();
		await send(['0612345678'], 'promo');
		const after = sim.clock.now();

		const waiting = (await byTag({ tag: 'promo' })).StatutResponse_List[0];
		expect(waiting).toMatchObject({
			phoneNumber: '+33612345678',
			status: 'Waiting',
			stopSMS: false,
		});
		expect(Number(waiting.date)).toBeGreaterThanOrEqual(Math.floor(before / 1000));
		expect(Number(waiting.date)).toBeLessThanOrEqual(Math.floor(after / 1000));

		sim.clock.advance(19);
		expect((await byTag({ tag: 'promo' })).StatutResponse_List[0].status).toBe('Waiting');
		sim.clock.advance(2);
		const delivered = (await byTag({ tag: 'promo' })).StatutResponse_List[0];
		expect(delivered.status).toBe('Delivered');
		expect(typeof delivered.date).toBe('string');
		expect(Number(delivered.date) - Number(waiting.date)).toBe(20);
	});

	it('end Not delivered for numbers ending in 99', async () => {
		await send(['0612345699', '0612345698'], 'promo');
		sim.clock.advance(21);
		const list = (await byTag({ tag: 'promo' })).StatutResponse_List;
		expect(list.map((item: { status: string }) => item.status)).toEqual([
			'Not delivered',
			'Delivered',
		]);
	});

	it('follow the configured delivery delay', async () => {
		sim.configure({ deliveryDelaySeconds: 60 });
		await send(['0612345678'], 'promo');
		sim.clock.advance(30);
		expect((await byTag({ tag: 'promo' })).StatutResponse_List[0].status).toBe('Waiting');
		sim.clock.advance(31);
		expect((await byTag({ tag: 'promo' })).StatutResponse_List[0].status).toBe('Delivered');
	});

	it('are Not delivered for a cancelled send, dated at its scheduled time', async () => {
		const reply = await apiPost(sim, '/send', {
			apiKey: KEY,
			phoneNumbers: '0612345678',
			message: 'x',
			tag: 'promo',
			scheduledDeliveryDate: '03/06/2025',
			time: 9,
			minute: 0,
		});
		await apiGet(sim, '/message-cancel', { apiKey: KEY, messageId: reply.body.message_id });
		expect((await byTag({ tag: 'promo' })).StatutResponse_List).toEqual([
			{
				phoneNumber: '+33612345678',
				status: 'Not delivered',
				stopSMS: false,
				date: String(Date.parse('2025-06-03T07:00:00Z') / 1000),
			},
		]);
	});

	it('cover every message of the account with that tag, by message then recipient', async () => {
		await send(numbers(2, 10), 'promo');
		await send(numbers(1, 20), 'other');
		await send(numbers(2, 30), 'promo');
		await send(numbers(1, 40), 'promo', OTHER_KEY);
		expect(phones(await byTag({ tag: 'promo' }))).toEqual([
			'+33600000010',
			'+33600000011',
			'+33600000030',
			'+33600000031',
		]);
	});

	it('need a tag (3) that the account has used (4)', async () => {
		await send(numbers(1), 'promo', OTHER_KEY);
		expect((await byTag({})).code).toBe(3);
		expect((await byTag({ tag: 'promo' })).code).toBe(4);
	});
});

describe('pages', () => {
	beforeEach(async () => {
		sim.configure({ tagPageSize: 2 });
		await send(numbers(5), 'promo');
	});

	it('hold tagPageSize items each, 1-based, with total counting items', async () => {
		const pages = await Promise.all([1, 2, 3].map((page) => byTag({ tag: 'promo', page })));
		expect(pages.map((body) => [body.currentPage, body.total, phones(body)])).toEqual([
			[1, 5, numbers(2, 10)],
			[2, 5, numbers(2, 12)],
			[3, 5, numbers(1, 14)],
		]);
	});

	it('past the end are empty successes', async () => {
		expect(await byTag({ tag: 'promo', page: 4 })).toEqual({
			success: true,
			code: 200,
			currentPage: 4,
			total: 5,
			StatutResponse_List: [],
		});
	});

	it('default to the first for a missing or invalid page', async () => {
		for (const query of [{}, { page: 0 }, { page: 'abc' }, { page: '1.5' }] as Record<
			string,
			string | number
		>[]) {
			const body = await byTag({ tag: 'promo', ...query });
			expect([body.currentPage, phones(body)]).toEqual([1, numbers(2, 10)]);
		}
	});

	it("count pages in total when tagTotal is 'pages'", async () => {
		sim.configure({ tagTotal: 'pages' });
		expect((await byTag({ tag: 'promo', page: 2 })).total).toBe(3);
	});

	it('ignore `page` when the API reads another parameter name', async () => {
		sim.configure({ pageParam: 'p' });
		const ignored = await byTag({ tag: 'promo', page: 2 });
		expect([ignored.currentPage, phones(ignored)]).toEqual([1, numbers(2, 10)]);
		const honoured = await byTag({ tag: 'promo', p: 2 });
		expect([honoured.currentPage, phones(honoured)]).toEqual([2, numbers(2, 12)]);
	});

	it('hold 100 items by default', async () => {
		sim.configure({ tagPageSize: 100 });
		await send(numbers(150, 100), 'big');
		expect((await byTag({ tag: 'big' })).StatutResponse_List).toHaveLength(100);
		expect((await byTag({ tag: 'big', page: 2 })).StatutResponse_List).toHaveLength(50);
	});
});
