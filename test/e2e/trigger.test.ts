/**
 * The SMS Partner Trigger in a real n8n: the delivery-reports example, published (active) and run
 * as the editor's "Execute workflow" runs it, sends reminders whose delivery reports and replies
 * the simulator posts back to the trigger's production URL on 127.0.0.1; each callback starts an
 * execution that n8n saves. Forged, oversized and GET calls are answered without starting anything.
 */
import path from 'node:path';

import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { LOCAL_DIR } from '../../scripts/n8n/install';
import {
	importFixtures,
	installCommunityPackage,
	packPackage,
	prepareInstance,
	publishTriggerWorkflows,
	runManually,
	RestSession,
	simulatorCredential,
	startN8n,
	TRIGGER_TYPE,
	nodeOutput,
	savedExecution,
	waitForWebhook,
	type N8nInstance,
	type RunData,
	type RunningN8n,
} from '../../scripts/n8n/instance';
import { loadExample } from './fixtures';

const TRIGGER_DIR = path.join(LOCAL_DIR, 'e2e-trigger');
const WORKFLOW_ID = 'smsPartnerE2eTrig';
const example = loadExample('delivery-reports.json');
const triggerNode = example.nodes.find((node) => node.type === TRIGGER_TYPE)!;
const TOKEN = String(triggerNode.parameters.options.secretToken);
const CALLBACK_PATH = `${triggerNode.webhookId}/smspartner`;

type Json = Record<string, any>;

let simulator: Simulator;
let instance: N8nInstance;
let n8n: RunningN8n;
let session: RestSession;
/** The message IDs of the reminders sent, in the order of the appointments. */
let sentIds: number[] = [];
/** Executions already looked at, so that each test sees only the ones its calls started. */
const seen = new Set<string>();

/** The trigger's production URL, as the trigger registers it (with its token). */
const callbackUrl = () => `${instance.url}/webhook/${CALLBACK_PATH}?token=${TOKEN}`;

function post(url: string, body: string, contentType = 'application/json', method = 'POST') {
	return fetch(url, {
		method,
		headers: { 'content-type': contentType },
		body,
		signal: AbortSignal.timeout(30_000),
	});
}

async function finishedExecutionIds(): Promise<string[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
	const { status, body } = await session.request('GET', `/executions?filter=${filter}&limit=100`);
	if (status !== 200)
		throw new Error(`GET /rest/executions answered ${status}: ${JSON.stringify(body)}`);
	const results: Json[] = body.data.results;
	return results
		.filter((execution) => !['new', 'running', 'waiting'].includes(execution.status))
		.map((execution) => String(execution.id));
}

/** The node outputs of the next `count` executions to finish (at most 60 s), oldest first. */
async function nextExecutions(count: number): Promise<RunData[]> {
	const deadline = Date.now() + 60_000;
	let fresh: string[] = [];
	while (Date.now() < deadline) {
		fresh = (await finishedExecutionIds()).filter((id) => !seen.has(id));
		if (fresh.length >= count) break;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	if (fresh.length < count) {
		throw new Error(
			`${fresh.length} of ${count} executions finished:\n${n8n.output().slice(-3000)}`,
		);
	}
	const ids = fresh.sort((a, b) => Number(a) - Number(b)).slice(0, count);
	const runs: RunData[] = [];
	for (const id of ids) {
		seen.add(id);
		const execution = await savedExecution(session, id);
		expect(execution.status).toBe('success');
		runs.push(execution.runData);
	}
	return runs;
}

/** Waits long enough for a wrongly started execution to show, then checks none did. */
async function expectNoNewExecution() {
	await new Promise((resolve) => setTimeout(resolve, 1500));
	expect((await finishedExecutionIds()).filter((id) => !seen.has(id))).toEqual([]);
	const running = await session.request(
		'GET',
		'/executions?filter=%7B%22status%22%3A%5B%22running%22%5D%7D',
	);
	expect(running.body.data.results.filter((e: Json) => e.workflowId === WORKFLOW_ID)).toEqual([]);
}

beforeAll(async () => {
	simulator = await startSimulator();
	instance = await prepareInstance({ userFolder: path.join(TRIGGER_DIR, 'user'), fresh: true });
	await installCommunityPackage(instance, await packPackage(path.join(TRIGGER_DIR, 'pack')));
	const workflow = { ...example, id: WORKFLOW_ID, active: false };
	await importFixtures(instance, simulatorCredential(simulator.baseUrl, DEFAULT_API_KEY), [
		workflow,
	]);
	expect(await publishTriggerWorkflows(instance, [workflow])).toEqual([workflow]);
	n8n = await startN8n(instance, { timeoutMs: 120_000 });
	await waitForWebhook(instance, CALLBACK_PATH);
	session = new RestSession(instance.url);
	await session.signIn();
});

afterAll(async () => {
	await n8n?.stop();
	await simulator?.close();
});

test('a GET on the trigger URL is a health check: answered, nothing started', async () => {
	const response = await fetch(callbackUrl(), { signal: AbortSignal.timeout(30_000) });
	expect(response.status).toBe(200);
	expect(await response.json()).toMatchObject({ message: expect.stringMatching(/listening/) });
	await expectNoNewExecution();
});

test("a manual run's sends give SMS Partner this active workflow's trigger URL; the delivery reports start the workflow", async () => {
	// What "Execute workflow" does in the editor: a manual run from the trigger with pinned items.
	await runManually(instance, session, WORKFLOW_ID, 'Appointments');
	const [sendRun] = await nextExecutions(1);
	const sent = nodeOutput(sendRun, 'Ask for confirmation');
	expect(sent).toHaveLength(2);
	sentIds = sent.map((item) => item.messageId);

	const sends = simulator.requests.filter((request) => request.path === '/v1/send');
	expect(sends).toHaveLength(2);
	for (const { body } of sends) {
		expect(body).toMatchObject({ urlDlr: callbackUrl(), urlResponse: callbackUrl() });
	}

	// Past the simulated delivery time, the simulator posts one report per SMS.
	simulator.clock.advance(60);
	const reports = await simulator.waitForCallbacks(2, {
		kind: 'deliveryReport',
		timeoutMs: 30_000,
	});
	expect(reports.map((report) => report.status)).toEqual([200, 200]);

	const runs = await nextExecutions(2);
	const reported = runs.flatMap((run) => nodeOutput(run, 'What happened'));
	const byNumber = Object.fromEntries(reported.map((item) => [item.phoneNumber, item]));
	const [jules, ines] = sent;
	expect(byNumber['+33612345678']).toMatchObject({
		event: 'deliveryReport',
		// The send's messageId as it is: a report matches its send without a conversion.
		messageId: jules.messageId,
		status: 'Delivered',
		delivered: true,
		summary: 'Reminder delivered to +33612345678',
		date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/),
	});
	expect(byNumber['+33699887799']).toMatchObject({
		event: 'deliveryReport',
		messageId: ines.messageId,
		delivered: false,
		summary: 'Reminder NOT delivered to +33699887799',
	});
	expect(byNumber['+33612345678'].raw).toMatchObject({ message_id: jules.messageId });
});

test('a reply and a STOP start the workflow with their text', async () => {
	expect(sentIds).toHaveLength(2);
	await simulator.reply({ messageId: sentIds[0], text: 'OUI' });
	const [replyRun] = await nextExecutions(1);
	expect(nodeOutput(replyRun, 'What happened')).toEqual([
		expect.objectContaining({ event: 'reply', text: 'OUI', messageId: sentIds[0] }),
	]);

	await simulator.reply({ messageId: sentIds[1], text: 'Stop' });
	const [stopRun] = await nextExecutions(1);
	expect(nodeOutput(stopRun, 'What happened')).toEqual([
		expect.objectContaining({
			event: 'stop',
			summary: expect.stringMatching(/answered STOP/),
		}),
	]);
});

test('forged, oversized and other-method calls are refused and start nothing', async () => {
	const reply = JSON.stringify({
		type: 'response',
		phone_number: '+33612345678',
		text: 'x',
		message_id: 1,
	});
	const base = `${instance.url}/webhook/${CALLBACK_PATH}`;
	expect((await post(base, reply)).status).toBe(403);
	expect((await post(`${base}?token=guess`, reply)).status).toBe(403);
	const big = JSON.stringify({ type: 'response', text: 'x'.repeat(70 * 1024) });
	const oversized = await post(callbackUrl(), big);
	expect(oversized.status).toBe(413);
	expect(await oversized.json()).toMatchObject({ error: expect.stringMatching(/Max Body Size/) });
	expect(
		(await post(callbackUrl(), reply, 'application/json', 'PUT')).status,
	).toBeGreaterThanOrEqual(400);
	await expectNoNewExecution();
});

test('a long-number reply in parts, form-encoded, gives one item per part; an unknown shape passes flagged', async () => {
	const part = (number: number, text: string) =>
		new URLSearchParams({
			msisdn: '33612345678',
			to: '33700000000',
			messageId: `0B0000001234567${number}`,
			text,
			type: 'text',
			keyword: 'MERCI',
			'message-timestamp': '2026-11-24 10:07:00',
			concat: 'true',
			'concat-ref': '77',
			'concat-total': '2',
			'concat-part': String(number),
		}).toString();
	for (const [number, text] of [
		[1, 'Merci pour le rappel, '],
		[2, 'à demain.'],
	] as const) {
		const response = await post(
			callbackUrl(),
			part(number, text),
			'application/x-www-form-urlencoded',
		);
		expect(response.status).toBe(200);
	}
	const runs = await nextExecutions(2);
	const parts = runs.flatMap((run) => nodeOutput(run, 'What happened'));
	expect(
		parts
			.map((item) => [
				item.event,
				item.concatReference,
				item.concatPart,
				item.concatTotal,
				item.text,
			])
			.sort(),
	).toEqual([
		['reply', '77', 1, 2, 'Merci pour le rappel, '],
		['reply', '77', 2, 2, 'à demain.'],
	]);
	expect(parts[0]).toMatchObject({
		phoneNumber: '+33612345678',
		to: '+33700000000',
		messageId: null,
		inboundMessageId: expect.stringMatching(/^0B0000001234567[12]$/),
		date: '2026-11-24T09:07:00.000Z',
	});

	const unknown = { kind: 'something new', id: 5 };
	expect((await post(callbackUrl(), JSON.stringify(unknown))).status).toBe(200);
	const [unknownRun] = await nextExecutions(1);
	expect(nodeOutput(unknownRun, 'What happened')).toEqual([
		expect.objectContaining({ event: 'unknown', raw: unknown }),
	]);
});

test('a number check result posted as multipart/form-data, as PHP posts an array, gives its item', async () => {
	const form = new FormData();
	for (const [key, value] of Object.entries({
		phone: '33612345678',
		messageId: 'HLR000001-1',
		mccMnc: '20801',
		ported: '0',
		errorGrpId: '0',
		errorName: 'NO_ERROR',
		errorDesc: 'No error',
		date: '2026-11-24T10:34:52.355+0000',
	})) {
		form.append(key, value);
	}
	const response = await fetch(callbackUrl(), {
		method: 'POST',
		body: form,
		signal: AbortSignal.timeout(30_000),
	});
	expect(response.status).toBe(200);
	const [run] = await nextExecutions(1);
	expect(nodeOutput(run, 'What happened')).toEqual([
		expect.objectContaining({
			event: 'numberCheck',
			phoneNumber: '+33612345678',
			messageId: null,
			checkId: 'HLR000001-1',
			status: 'NO_ERROR',
			ported: false,
			errorGroupId: 0,
			date: '2026-11-24T10:34:52.355Z',
		}),
	]);
});
