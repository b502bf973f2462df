/**
 * End to end in a real n8n: the package is packed with `npm pack` and installed into the n8n
 * user folder the way a community package is, the simulator credential and every example workflow
 * are imported with n8n's CLI, the workflows run with `n8n execute` against the simulator, and the
 * credential test runs through n8n's REST API, as the editor's "Test" button does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { LOCAL_DIR } from '../../scripts/n8n/install';
import {
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	importFixtures,
	installCommunityPackage,
	n8nCli,
	NODE_TYPE,
	nodeOutput,
	packPackage,
	prepareInstance,
	RestSession,
	simulatorCredential,
	startN8n,
	type N8nInstance,
	type RunData,
} from '../../scripts/n8n/instance';
import { loadExample, withPinnedItemsAsNodes, type WorkflowJson } from './fixtures';

const E2E_DIR = path.join(LOCAL_DIR, 'e2e');
const SEND_ID = 'smsPartnerE2eSnd';
const CANCEL_ID = 'smsPartnerE2eCnc';

let simulator: Simulator;
let instance: N8nInstance;
/** The message IDs of the reminders that send-reminders scheduled, in the order of its items. */
let scheduledIds: number[] = [];
const examples: Record<string, WorkflowJson> = {
	send: loadExample('send-reminders.json'),
	cancel: loadExample('cancel-reminders.json'),
};

/**
 * The example's appointments with their reminder times moved to the coming days: a fixed date
 * would one day be in the past, which Send refuses.
 */
const appointments = examples.send.pinData!.Appointments.map(({ json }, index) => {
	const day = Math.ceil((Date.now() + (index + 1) * 86_400_000) / 300_000) * 300_000;
	return { ...json, remindAt: json.remindAt ? new Date(day).toISOString() : '' };
});

/** `n8n execute --id=… --rawOutput`: the run's node outputs. */
async function execute(workflowId: string): Promise<RunData> {
	const result = await n8nCli(instance, ['execute', `--id=${workflowId}`, '--rawOutput']);
	// n8n's own log lines come first; the run is the JSON object after them.
	const start = result.stdout.search(/^\{/m);
	if (result.code !== 0 || start === -1) {
		throw new Error(
			`n8n execute failed (exit ${result.code}):\n${result.stderr}\n${result.stdout}`,
		);
	}
	const run = JSON.parse(result.stdout.slice(start));
	expect(run.status).toBe('success');
	return run.data.resultData.runData;
}

beforeAll(async () => {
	simulator = await startSimulator();
	instance = await prepareInstance({ userFolder: path.join(E2E_DIR, 'user'), fresh: true });
	const tarball = await packPackage(path.join(E2E_DIR, 'pack'));
	await installCommunityPackage(instance, tarball);
	await importFixtures(instance, simulatorCredential(simulator.baseUrl, DEFAULT_API_KEY), [
		{ id: 'smsPartnerExSend', active: false, ...examples.send },
		{ id: 'smsPartnerExCncl', active: false, ...examples.cancel },
		withPinnedItemsAsNodes(examples.send, SEND_ID, appointments),
	]);
});

afterAll(async () => {
	await simulator?.close();
});

test('the example workflows import with the installed package and the simulator credential', async () => {
	const file = path.join(E2E_DIR, 'exported.json');
	const exported = await n8nCli(instance, ['export:workflow', '--all', `--output=${file}`]);
	expect(exported.code).toBe(0);
	const workflows: WorkflowJson[] = JSON.parse(readFileSync(file, 'utf8'));
	for (const id of ['smsPartnerExSend', 'smsPartnerExCncl']) {
		const workflow = workflows.find((candidate) => candidate.id === id);
		const nodes = workflow?.nodes.filter((node) => node.type === NODE_TYPE) ?? [];
		expect(nodes.length).toBeGreaterThan(0);
		for (const node of nodes) {
			expect(node.credentials.smsPartnerApi).toEqual({ id: CREDENTIAL_ID, name: CREDENTIAL_NAME });
		}
	}
});

test('send-reminders: one Send item per appointment, then their statuses by tag', async () => {
	const runData = await execute(SEND_ID);

	const sent = nodeOutput(runData, 'Send reminder');
	expect(sent).toHaveLength(appointments.length);
	scheduledIds = sent.filter((json) => json.scheduledAt).map((json) => json.messageId);
	sent.forEach((json, index) => {
		expect(json).toMatchObject({ success: true, code: 200, nbSms: 1, sandbox: false });
		expect(typeof json.messageId).toBe('number');
		expect(json.phoneNumbers).toEqual([expect.stringMatching(/^\+33\d{9}$/)]);
		expect(json.scheduledAt).toBe(
			appointments[index].remindAt
				? new Date(String(appointments[index].remindAt)).toISOString()
				: null,
		);
	});
	expect(new Set(sent.map((json) => json.messageId)).size).toBe(appointments.length);

	const statuses = nodeOutput(runData, 'Reminder statuses');
	expect(statuses).toHaveLength(appointments.length);
	for (const json of statuses) {
		expect(json).toMatchObject({ tag: 'demo-reminders', stopSms: false });
		expect(['Waiting', 'Delivered', 'Not delivered']).toContain(json.status);
	}
	expect(statuses.map((json) => json.phoneNumber).sort()).toEqual(
		sent.flatMap((json) => json.phoneNumbers).sort(),
	);
});

test('cancel-reminders: a scheduled reminder is cancelled, an unknown one goes to the error output', async () => {
	// Runs after send-reminders. Its sends run concurrently, so their message IDs do not follow the
	// items: the cancellations take the IDs the sends returned, plus one that was never sent.
	expect(scheduledIds.length).toBeGreaterThan(0);
	const cancelled = [
		{ appointment: 'RDV-1042', patient: 'Camille', messageId: scheduledIds[0] },
		{ appointment: 'RDV-1099', patient: 'Nobody', messageId: 999999 },
	];
	await importFixtures(instance, simulatorCredential(simulator.baseUrl, DEFAULT_API_KEY), [
		withPinnedItemsAsNodes(examples.cancel, CANCEL_ID, cancelled),
	]);
	const runData = await execute(CANCEL_ID);

	expect(nodeOutput(runData, 'Cancel reminder', 0)).toEqual([
		{
			success: true,
			code: 200,
			messageId: scheduledIds[0],
			message: "L'envoi du SMS a été annulé.",
		},
	]);
	// The error output keeps the appointment, so the user knows which reminder still goes out.
	const failed = nodeOutput(runData, 'Cancel reminder', 1);
	expect(failed).toHaveLength(1);
	expect(failed[0]).toMatchObject({ appointment: 'RDV-1099', messageId: 999999 });
	expect(failed[0].error).toMatch(/^SMS Partner error 4: No SMS with this message ID exists/);
	const requests = simulator.requests.filter((request) => request.path === '/v1/message-cancel');
	expect(requests).toHaveLength(cancelled.length);
	expect(JSON.stringify(runData)).not.toContain(DEFAULT_API_KEY);
});

test("the credential test passes with the simulator's key and names the fix for a wrong key or Base URL", async () => {
	const n8n = await startN8n(instance);
	try {
		const session = new RestSession(instance.url);
		await session.signIn();
		const types = await session.getText('/types/nodes.json');
		expect(types).toContain(`"${NODE_TYPE}"`);

		const test = (apiKey: string, baseUrl = simulator.baseUrl) =>
			session.request('POST', '/credentials/test', {
				credentials: {
					id: CREDENTIAL_ID,
					name: CREDENTIAL_NAME,
					type: 'smsPartnerApi',
					data: { apiKey, baseUrl },
				},
			});
		const good = await test(DEFAULT_API_KEY);
		expect(good.status).toBe(200);
		expect(good.body.data).toMatchObject({ status: 'OK' });

		const bad = await test('not-the-key');
		expect(bad.status).toBe(200);
		expect(bad.body.data).toEqual({
			status: 'Error',
			message:
				'SMS Partner refused this API key (its code 10: invalid key). Copy the key again from the SMS Partner dashboard, and check that Base URL is https://api.smspartner.fr/v1 or your proxy.',
		});
		expect(JSON.stringify(bad.body)).not.toContain('not-the-key');

		// Another refusal than a bad key: not blamed on the key.
		simulator.addFault({ fault: 'http-429', path: '/me', times: 1 });
		const limited = await test(DEFAULT_API_KEY);
		expect(limited.body.data).toEqual({
			status: 'Error',
			message:
				'SMS Partner answered the account check (GET /me) with an error. Check the key and the account in the SMS Partner dashboard, and that Base URL is https://api.smspartner.fr/v1 or your proxy.',
		});

		// A Base URL where something answers, but not the API.
		const elsewhere = await test(DEFAULT_API_KEY, simulator.baseUrl.replace(/\/v1$/, '/nothing'));
		expect(elsewhere.body.data).toEqual({
			status: 'Error',
			message:
				'Base URL did not answer like the SMS Partner API. Check it, e.g. https://api.smspartner.fr/v1.',
		});
	} finally {
		await n8n.stop();
	}
});
