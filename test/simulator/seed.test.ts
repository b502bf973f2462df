import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { sendSms } from '../../simulator/seed';
import { apiGet } from './http';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ startTime: new Date('2025-06-02T08:00:00Z') });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('sendSms', () => {
	it('schedules at the given instant through the documented request', async () => {
		const at = new Date('2025-10-26T11:05:00Z');
		const id = await sendSms(sim.baseUrl, DEFAULT_API_KEY, {
			phoneNumbers: ['0612345678', '+33712345678'],
			message: 'Rappel',
			tag: 'seed',
			at,
		});
		expect(id).toBe(1001);
		expect(sim.requests[0].body).toEqual({
			apiKey: DEFAULT_API_KEY,
			phoneNumbers: '0612345678,+33712345678',
			message: 'Rappel',
			tag: 'seed',
			scheduledDeliveryDate: '26/10/2025',
			time: 12,
			minute: 5,
		});
		const statuses = await apiGet(sim, '/bulk-status-by-tag', {
			apiKey: DEFAULT_API_KEY,
			tag: 'seed',
		});
		expect(statuses.body.StatutResponse_List[0].date).toBe(String(at.getTime() / 1000));
	});

	it('rejects with the API answer when the send is refused', async () => {
		await expect(
			sendSms(sim.baseUrl, 'wrong-key', { phoneNumbers: ['0612345678'], message: 'x' }),
		).rejects.toThrow('"code":10');
	});
});
