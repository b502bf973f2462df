import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { lookupEntry } from '../../simulator/endpoints/numbers';
import { apiGet, apiPost } from './http';

const KEY = DEFAULT_API_KEY;
const OTHER_KEY = 'other-key';
const POOR_KEY = 'poor-key';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({
		startTime: new Date('2025-06-02T08:00:00Z'),
		accounts: [{ apiKey: KEY }, { apiKey: OTHER_KEY }, { apiKey: POOR_KEY, creditEur: 0.01 }],
	});
});
afterAll(() => sim.close());
beforeEach(() => {
	sim.reset();
	sim.configure({ errorStatus: 'mirror' });
});

const lookup = (phoneNumbers: unknown, extra: Record<string, unknown> = {}) =>
	apiPost(sim, '/lookup', { apiKey: KEY, phoneNumbers, ...extra });
const hlr = (body: Record<string, unknown>) =>
	apiPost(sim, '/hlr/notify', {
		apiKey: KEY,
		notifyUrl: 'https://example.com/hlr',
		...body,
	});

describe('POST /lookup', () => {
	it('answers one entry per number, in order, with the documented fields', async () => {
		const reply = await lookup('+33612345678,336 98 76 54 32, 0612345678,');

		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({
			success: true,
			code: 200,
			lookup: [
				{
					request: '+33612345678',
					success: true,
					countryCode: 'France',
					prefixCode: 33,
					phoneNumber: '+33612345678',
					type: 'Mobile',
					network: '',
					format: {
						e164: '+33612345678',
						international: '+33 6 12 34 56 78',
						national: '06 12 34 56 78',
						rfc3966: 'tel:+33-6-12-34-56-78',
					},
				},
				expect.objectContaining({ request: '336 98 76 54 32', success: true }),
				{
					request: '0612345678',
					success: false,
					message: "Le numéro de téléphone est vide ou n'est pas valide.",
				},
				{
					request: '',
					success: false,
					message: "Le numéro de téléphone est vide ou n'est pas valide.",
				},
			],
		});
		expect(reply.body.lookup[1].format.e164).toBe('+33698765432');
	});

	it('is free', async () => {
		await lookup('+33612345678');
		expect((await apiGet(sim, '/me', { apiKey: KEY })).body.credits.balance).toBe('100.000');
	});

	it('answers in XML without keys, a failed entry having three values', async () => {
		const reply = await lookup('+33612345678,abc', { _format: 'xml' });
		expect(reply.contentType).toMatch(/^application\/xml/);
		expect(reply.text).toContain(
			'<entry><entry><![CDATA[abc]]></entry><entry>false</entry><entry><![CDATA[Le numéro',
		);
		expect(reply.text).toContain(
			'<entry><![CDATA[+33612345678]]></entry><entry>true</entry><entry><![CDATA[France]]></entry><entry>33</entry>',
		);
	});

	it.each([
		[2, 'no numbers', undefined, 400],
		[2, 'an empty string', '  ', 400],
		[3, 'an array', ['+33612345678'], 400],
		[3, 'semicolons', '+33612345678;+33698765432', 400],
		[50, 'more than 500 numbers', Array(501).fill('+33612345678').join(','), 400],
	])('code %d for %s', async (code, _case, phoneNumbers, status) => {
		const reply = await lookup(phoneNumbers);
		expect(reply.status).toBe(status);
		expect(reply.body).toEqual({ success: false, code, message: expect.any(String) });
	});

	it.each([
		[1, '', 401],
		[10, 'wrong', 401],
	])('code %d for the key %p', async (code, apiKey, status) => {
		const reply = await apiPost(sim, '/lookup', { apiKey, phoneNumbers: '+33612345678' });
		expect(reply.status).toBe(status);
		expect(reply.body.code).toBe(code);
	});

	it('reads the key only from the body', async () => {
		const reply = await apiPost(
			sim,
			'/lookup',
			{ phoneNumbers: '+33612345678' },
			{ query: `apiKey=${KEY}` },
		);
		expect(reply.body.code).toBe(1);
	});
});

describe('POST /hlr/notify', () => {
	it('starts a campaign, counts the distinct numbers and charges 0.005 EUR each', async () => {
		const first = await hlr({ phoneNumbers: '+33612345678,+33698765432,+33612345678', tag: 'crm' });
		const second = await hlr({ phoneNumbers: '+33612345678' });

		expect(first.body).toEqual({
			success: true,
			code: 200,
			campaign_id: 'HLR000001',
			number: 2,
			cost: 0.01,
			currency: 'EUR',
		});
		expect(second.body.campaign_id).toBe('HLR000002');
		expect((await apiGet(sim, '/me', { apiKey: KEY })).body.credits.balance).toBe('99.985');
	});

	it('answers in XML with the values in the documented order', async () => {
		const reply = await hlr({ phoneNumbers: '+33612345678', _format: 'xml' });
		expect(reply.text).toContain(
			'<result><entry>true</entry><entry>200</entry><entry><![CDATA[HLR000001]]></entry><entry>1</entry><entry>0.005</entry><entry><![CDATA[EUR]]></entry></result>',
		);
	});

	it.each([
		[2, 'no numbers', {}],
		[2, 'no number it can read', { phoneNumbers: 'abc,0612345678' }],
		[3, 'semicolons', { phoneNumbers: '+33612345678;+33698765432' }],
		[50, 'more than 500 numbers', { phoneNumbers: Array(501).fill('+33612345678').join(',') }],
	])('code %d for %s', async (code, _case, body) => {
		const reply = await hlr(body);
		expect(reply.status).toBe(400);
		expect(reply.body).toEqual({ success: false, code, message: expect.any(String) });
	});

	it('code 11 when the balance does not cover the check, charging nothing', async () => {
		const reply = await hlr({
			apiKey: POOR_KEY,
			phoneNumbers: '+33612345678,+33698765432,+33611111111',
		});
		expect(reply.status).toBe(402);
		expect(reply.body.code).toBe(11);
		expect((await apiGet(sim, '/me', { apiKey: POOR_KEY })).body.credits.balance).toBe('0.010');
	});

	it('code 9 for a tag over 20 characters', async () => {
		const reply = await hlr({ phoneNumbers: '+33612345678', tag: 'x'.repeat(21) });
		expect(reply.body).toEqual({
			success: false,
			code: 9,
			error: [{ elementId: 'children[tag].data', message: expect.any(String) }],
		});
	});
});

describe('The rate limit of /lookup and /hlr/notify', () => {
	async function burst(path: string, count: number, apiKey = KEY) {
		const replies = [];
		for (let done = 0; done < count; done += 60) {
			const size = Math.min(60, count - done);
			replies.push(
				...(await Promise.all(
					Array.from({ length: size }, () =>
						apiPost(sim, path, { apiKey, phoneNumbers: '+33612345678' }),
					),
				)),
			);
		}
		return replies;
	}

	it('allows 360 requests a minute per account and endpoint, then answers HTTP 429', async () => {
		const replies = await burst('/lookup', 360);
		expect(replies.every((reply) => reply.status === 200)).toBe(true);

		const refused = await lookup('+33612345678');
		expect(refused.status).toBe(429);
		expect(refused.body).toEqual({
			success: false,
			code: 429,
			message: 'Trop de requêtes en une minute',
		});
		// Another account, and the other endpoint, have their own minute.
		expect(
			(await apiPost(sim, '/lookup', { apiKey: OTHER_KEY, phoneNumbers: '+33612345678' })).status,
		).toBe(200);
		expect((await hlr({ phoneNumbers: '+33612345678' })).status).toBe(200);

		sim.clock.advance(60);
		expect((await lookup('+33612345678')).status).toBe(200);
	});

	it('counts on a sliding minute of the simulated clock', async () => {
		await burst('/hlr/notify', 300);
		sim.clock.advance(30);
		await burst('/hlr/notify', 60);
		expect((await hlr({ phoneNumbers: '+33612345678' })).body.code).toBe(429);
		// The first 300 leave the window; the 60 later ones are still in it.
		sim.clock.advance(31);
		const again = await burst('/hlr/notify', 300);
		expect(again.every((reply) => reply.status === 200)).toBe(true);
		expect((await hlr({ phoneNumbers: '+33612345678' })).status).toBe(429);
	});

	it('keeps HTTP 429 in always-200 mode: the documented limit is an HTTP status', async () => {
		sim.configure({ errorStatus: 'always-200' });
		await burst('/lookup', 360);
		const refused = await lookup('+33612345678');
		expect([refused.status, refused.body.code]).toEqual([429, 429]);
	});
});

describe('lookupEntry', () => {
	it.each([
		['+33 1 23 45 67 89', 'France', 'Fixed line', '01 23 45 67 89'],
		['0033 9 70 12 34 56', 'France', 'VoIP', '09 70 12 34 56'],
		['+41 79 123 45 67', 'Switzerland', 'Unknown', '791234567'],
	])('reads %p', (request, country, type, national) => {
		expect(lookupEntry(request)).toMatchObject({
			success: true,
			countryCode: country,
			type,
			format: { national },
		});
	});

	it.each(['+3361234567', '+336123456789', '+999123456789', '+33 06 12 34 56 78', 'abc'])(
		'refuses %p',
		(request) => {
			expect(lookupEntry(request)).toEqual({
				request,
				success: false,
				message: "Le numéro de téléphone est vide ou n'est pas valide.",
			});
		},
	);
});
