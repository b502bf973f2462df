/**
 * `npm run screenshot`: the SMS Partner node and the SMS Partner Trigger in the real n8n editor,
 * saved as docs/editor.png and docs/trigger.png. Starts the simulator and a fresh n8n (as
 * `npm start` does, in its own folder), signs in with headless Chromium, opens each example and
 * the node's panel, and fails unless the panel renders with the node's own fields. Needs the Debian
 * package `chromium`.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_API_KEY, startSimulator } from '../../simulator';
import { launchChromium, openNode, signedInPage } from './browser';
import { LOCAL_DIR, PROJECT_ROOT } from './install';
import {
	prepareWithExamples,
	publishTriggerWorkflows,
	RestSession,
	simulatorCredential,
	startN8n,
	type RunningN8n,
} from './instance';

/** What to open, the fields that must show, and where the picture goes. */
const SHOTS = [
	{
		example: 'send-reminders.json',
		node: 'Send reminder',
		fields: ['Resource', 'Operation', 'Phone Numbers', 'Message'],
		output: path.join(PROJECT_ROOT, 'docs', 'editor.png'),
	},
	{
		example: 'delivery-reports.json',
		node: 'SMS Partner Trigger',
		fields: ['Events', 'Options', 'Webhook URLs'],
		// Unfolded, to show the URL that SMS Partner is given.
		open: 'Webhook URLs',
		output: path.join(PROJECT_ROOT, 'docs', 'trigger.png'),
	},
];

async function main() {
	if (!existsSync(path.join(PROJECT_ROOT, 'dist'))) throw new Error('Run npm run build first.');
	const simulator = await startSimulator();
	let n8n: RunningN8n | undefined;
	const browser = await launchChromium();
	try {
		const folder = path.join(LOCAL_DIR, 'screenshot');
		const { instance, files, workflows } = await prepareWithExamples({
			userFolder: path.join(folder, 'user'),
			packDir: path.join(folder, 'pack'),
			credential: simulatorCredential(simulator.baseUrl, DEFAULT_API_KEY),
			fresh: true,
		});
		await publishTriggerWorkflows(instance, workflows);
		n8n = await startN8n(instance, { timeoutMs: 120_000 });
		await new RestSession(instance.url).signIn();

		const page = await signedInPage(browser, instance);

		for (const shot of SHOTS) {
			const workflow = workflows[files.indexOf(shot.example)];
			await page.goto(`${instance.url}/workflow/${String(workflow.id)}`);
			const panel = await openNode(page, shot.node);
			for (const field of shot.fields) {
				await panel.getByText(field, { exact: true }).first().waitFor();
			}
			if (shot.open) await panel.getByText(shot.open, { exact: true }).first().click();
			const text = await panel.innerText();
			if (/not (currently )?installed|install this node/i.test(text)) {
				throw new Error(`The editor does not know ${shot.node}:\n${text.slice(0, 500)}`);
			}
			await page.waitForTimeout(1000);
			mkdirSync(path.dirname(shot.output), { recursive: true });
			await page.screenshot({ path: shot.output });
			console.log(
				`Saved ${path.relative(PROJECT_ROOT, shot.output)} (${statSync(shot.output).size} bytes).`,
			);
		}
	} finally {
		await browser.close();
		await n8n?.stop();
		await simulator.close();
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});
