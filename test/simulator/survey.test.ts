import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiPost } from './http';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('POST /sondage/to/send', () => {
	it('answers like /send, one SMS per recipient', async () => {
		const reply = await apiPost(sim, '/sondage/to/send', {
			apiKey: DEFAULT_API_KEY,
			phoneNumbers: '0612345678,+33698765432',
			sondageIdent: 'abc123',
		});
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({
			success: true,
			code: 200,
			message_id: 1001,
			nb_sms: 2,
			cost: 0.09,
			currency: 'EUR',
		});
	});

	it('refuses a missing survey identifier with a field error (code 9)', async () => {
		const reply = await apiPost(sim, '/sondage/to/send', {
			apiKey: DEFAULT_API_KEY,
			phoneNumbers: '0612345678',
		});
		expect(reply.status).toBe(400);
		expect(reply.body).toEqual({
			success: false,
			code: 9,
			error: [
				{
					elementId: 'children[sondageIdent].data',
					message: 'Cette valeur ne doit pas être vide.',
				},
			],
		});
	});

	it('applies the /send rules to the recipients (code 2 without numbers)', async () => {
		const reply = await apiPost(sim, '/sondage/to/send', {
			apiKey: DEFAULT_API_KEY,
			sondageIdent: 'abc123',
		});
		expect(reply.body).toMatchObject({ success: false, code: 2 });
	});
});
