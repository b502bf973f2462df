import { ENGINE_LOG_FILE, restoreEngineLogSettings } from './engine-debug-logs';

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as wait } from 'node:timers/promises';

import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { minutesFromNow, runNode, sendSms, START } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	rmSync(ENGINE_LOG_FILE, { force: true });
	sim = await startSimulator({ startTime: START });
});

afterAll(async () => {
	await sim.close();
	restoreEngineLogSettings();
	rmSync(ENGINE_LOG_FILE, { force: true });
});

/** The log file is written asynchronously: wait (at most 5 s) until the last run is in it. */
async function engineLog(lastLine: RegExp): Promise<string> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const text = existsSync(ENGINE_LOG_FILE) ? readFileSync(ENGINE_LOG_FILE, 'utf8') : '';
		if (lastLine.test(text)) return text;
		await wait(100);
	}
	throw new Error(`The engine log never showed ${lastLine}`);
}

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
	await runNode(sim, { resource: 'sms', operation: 'getStatusByTag', tag: 'nothing-here' });

	// The last run failed on code 4: once that is logged, every earlier line is in the file too.
	const log = await engineLog(/SMS Partner error 4/);
	expect(log).toMatch(/SMS Partner error 6/);
	expect(log).not.toContain(DEFAULT_API_KEY);
});
