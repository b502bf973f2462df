import './engine-debug-logs';

import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { minutesFromNow, runNode, sendSms, START } from './helpers';

let sim: Simulator;
const captured: string[] = [];

beforeAll(async () => {
	sim = await startSimulator({ startTime: START });
	const record = (...args: unknown[]) => {
		captured.push(
			args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '),
		);
	};
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest.spyOn(console, method).mockImplementation(record);
	}
	jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
		record(String(chunk));
		return true;
	});
});

afterAll(async () => {
	jest.restoreAllMocks();
	await sim.close();
});

it('the API key appears in no log line of the engine, in success and in failure', async () => {
	const messageId = await sendSms(sim, {
		phoneNumbers: ['0612345678'],
		tag: 'rdv',
		at: minutesFromNow(sim, 120),
	});
	const late = await sendSms(sim, { phoneNumbers: ['0612345678'], at: minutesFromNow(sim, 2) });
	const cancel = { resource: 'sms', operation: 'cancel', messageId: '={{ $json.id }}' };

	await runNode(sim, cancel, [{ id: messageId }, { id: late }, { id: 'x' }], {
		onError: 'continueRegularOutput',
	});
	await runNode(sim, cancel, [{ id: late }]);
	await runNode(sim, { resource: 'sms', operation: 'getStatusByTag', tag: 'rdv', returnAll: true });

	// The engine did log (debug level), so the check below looked at real lines.
	expect(captured.join('\n')).toMatch(/Running node "SMS Partner"/);
	expect(captured.join('\n')).not.toContain(DEFAULT_API_KEY);
});
