/**
 * `npm start`: builds the package, starts the SMS Partner simulator, and a real n8n (installed into
 * .local/n8n on first use) with the package installed as a community package, a ready
 * "SMS Partner (simulator)" credential and the example workflows. Ctrl-C stops all of it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { DEFAULT_API_KEY, startSimulator } from '../../simulator';
import { LOCAL_DIR, PROJECT_ROOT } from './install';
import {
	OWNER,
	prepareWithExamples,
	publishTriggerWorkflows,
	RestSession,
	simulatorCredential,
	startN8n,
} from './instance';

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SIMULATOR_PORT = Number(process.env.SIMULATOR_PORT ?? 8787);
const TIME_ZONE = process.env.GENERIC_TIMEZONE ?? 'Europe/Paris';

async function main() {
	console.log('Building the package…');
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const build = spawnSync(npm, ['run', 'build', '--silent'], {
		cwd: PROJECT_ROOT,
		stdio: 'inherit',
	});
	if (build.status !== 0) throw new Error('The build failed.');

	const simulator = await startSimulator({ port: SIMULATOR_PORT });
	const stops: Array<() => Promise<void>> = [() => simulator.close()];
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the simulator…');
		for (const close of stops.reverse()) await close().catch(() => undefined);
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		console.log(`SMS Partner simulator: ${simulator.baseUrl} (API key ${DEFAULT_API_KEY})`);
		console.log(
			'Installing the packed package into n8n as a community package, importing the credential and the example workflows…',
		);
		const { instance, files, workflows } = await prepareWithExamples({
			userFolder: path.join(LOCAL_DIR, 'n8n-user'),
			packDir: path.join(LOCAL_DIR, 'pack'),
			credential: simulatorCredential(simulator.baseUrl, DEFAULT_API_KEY),
			port: N8N_PORT,
			// SMS Partner's users are mostly in France: a Send At of 16:40 leaves at 16:40 Paris time.
			extraEnv: { GENERIC_TIMEZONE: TIME_ZONE },
		});
		const withTrigger = await publishTriggerWorkflows(instance, workflows);
		console.log('Starting n8n…');
		const n8n = await startN8n(instance, { timeoutMs: 120_000 });
		stops.push(() => n8n.stop());
		n8n.process.on('exit', () => {
			if (!stopping) {
				console.error(`n8n stopped:\n${n8n.output().slice(-3000)}`);
				void stop(1);
			}
		});
		await new RestSession(instance.url).signIn();
		console.log(`
n8n ${instance.installation.version} with n8n-nodes-smspartner: ${instance.url}
  Sign in: ${OWNER.email} / ${OWNER.password} (a local account of this instance only)
  Credential "SMS Partner (simulator)" points at ${simulator.baseUrl}
  Time zone: ${TIME_ZONE} (GENERIC_TIMEZONE=… npm start to change it)
  Workflows: ${files.join(', ')} (re-imported at each start)

The full loop: open "${withTrigger.map((workflow) => String(workflow.name)).join('", "')}" (active),
open the menu (▾) of the Execute workflow button, choose "from Appointments", then click Execute
workflow (it starts from the SMS Partner Trigger at first, whose test listener sends nothing).
The reminders go out; about 20 s later the simulator posts their delivery reports to the SMS
Partner Trigger, and each starts a run (Executions tab). Reply as a patient:
  curl -X POST ${simulator.baseUrl.replace(/\/v1$/, '')}/__simulator/replies -H 'content-type: application/json' \\
    -d '{"messageId": <a messageId of the run>, "text": "OUI"}'
Ctrl-C stops n8n and the simulator.`);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		await stop(1);
	}
}

void main();
