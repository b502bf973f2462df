/**
 * `npm run test:queue`: the example workflows in n8n's queue mode (scaling), to show that the node
 * needs nothing for it, as production runs it: Redis and PostgreSQL on 127.0.0.1, one main
 * (`n8n start`) and one `n8n worker` sharing the database and the user folder; each example runs from a Webhook trigger, so that the main only enqueues the
 * execution and the worker runs it (`n8n execute` would run in its own process). Checks the items,
 * and that the worker, not the main, ran each execution. Exits non-zero on any failure.
 *
 * Needs Debian's `redis-server` and `postgresql` (.ci/run installs them when missing).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_API_KEY, startSimulator } from '../../simulator';
import { LOCAL_DIR } from './install';
import {
	EXAMPLES_DIR,
	freePort,
	importFixtures,
	installCommunityPackage,
	packPackage,
	prepareInstance,
	publishWorkflow,
	RestSession,
	runManually,
	simulatorCredential,
	startN8n,
	TRIGGER_TYPE,
	nodeOutput,
	savedExecution,
	waitForWebhook,
	type N8nInstance,
	type RunData,
	type RunningN8n,
} from './instance';
import { startPostgres, startRedis } from './services';

const QUEUE_DIR = path.join(LOCAL_DIR, 'queue');
/** delivery-reports as it is, and with the trigger's Production URL typed in, run manually. */
const MANUAL_RUN_ID = 'smsPartnerQuManu';
const MANUAL_TYPED_ID = 'smsPartnerQuMnTy';

type Json = Record<string, unknown>;
type Item = { json: Json };
type Workflow = {
	name: string;
	nodes: Json[];
	connections: Record<string, unknown>;
	pinData?: Record<string, Item[]>;
	[key: string]: unknown;
};

function log(line: string) {
	console.log(`[queue] ${line}`);
}

function check(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(`Check failed: ${message}`);
}

function loadExample(file: string): Workflow {
	return JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as Workflow;
}

/**
 * A copy of an example whose manual trigger is replaced by a Webhook (POST `webhookPath`, answering
 * with the last node's items) and a Split Out of the request's `items`, the trigger's pinned items.
 */
function withWebhookTrigger(workflow: Workflow, id: string, webhookPath: string): Workflow {
	const [trigger] = Object.keys(workflow.pinData ?? {});
	const triggerNode = workflow.nodes.find((node) => node.name === trigger);
	check(triggerNode, `${workflow.name}: no node "${trigger}"`);
	const webhook = `${trigger} (webhook)`;
	return {
		...workflow,
		id,
		name: `${workflow.name} (queue mode)`,
		active: false,
		pinData: {},
		nodes: [
			{
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
				id: `${id}-webhook`,
				name: webhook,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [-260, 0],
				webhookId: `${id}-webhook`,
			},
			...workflow.nodes.filter((node) => node.name !== trigger),
			{
				parameters: { fieldToSplitOut: 'body.items', options: {} },
				id: `${id}-split`,
				name: trigger,
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: triggerNode.position,
			},
		],
		connections: {
			...workflow.connections,
			[webhook]: { main: [[{ node: trigger, type: 'main', index: 0 }]] },
		},
	};
}

/**
 * In queue mode, production runs happen on workers, which n8n does not give the workflow's static
 * data, where the trigger registers its URL: the send gets the trigger's Production URL typed in
 * (here its token too) instead of Callbacks to This Workflow.
 */
function withPastedTriggerUrl(workflow: Workflow, n8nUrl: string): Workflow {
	const trigger = workflow.nodes.find((node) => node.type === TRIGGER_TYPE);
	check(trigger, `${workflow.name}: no SMS Partner Trigger`);
	const token = (trigger.parameters as { options: { secretToken: string } }).options.secretToken;
	const url = `${n8nUrl}/webhook/${String(trigger.webhookId)}/smspartner?token=${token}`;
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => {
			const parameters = node.parameters as { additionalFields?: Json };
			if (!parameters?.additionalFields?.triggerUrlFor) return node;
			const fields: Json = { ...parameters.additionalFields, urlDlr: url, urlResponse: url };
			delete fields.triggerUrlFor;
			return { ...node, parameters: { ...parameters, additionalFields: fields } };
		}),
	};
}

/**
 * The example unchanged but for its ids: its SMS Partner Trigger gets a webhook of its own, so that
 * both copies of delivery-reports can be published at once.
 */
function withOwnTriggerWebhook(workflow: Workflow, id: string): Workflow {
	return {
		...workflow,
		id,
		name: `${workflow.name} (manual run)`,
		active: false,
		nodes: workflow.nodes.map((node) =>
			node.type === TRIGGER_TYPE ? { ...node, webhookId: `${id}-callbacks` } : node,
		),
	};
}

/** Calls a production webhook, and returns its answer and the execution the main enqueued for it. */
async function callWebhook(
	instance: N8nInstance,
	main: RunningN8n,
	webhookPath: string,
	items: Json[],
): Promise<{ answer: Json[]; executionId: string; jobId: string }> {
	const before = main.output().length;
	const response = await fetch(`${instance.url}/webhook/${webhookPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ items }),
		signal: AbortSignal.timeout(60_000),
	});
	const text = await response.text();
	check(
		response.status === 200,
		`POST /webhook/${webhookPath} answers 200 (got ${response.status}: ${text})`,
	);
	const enqueued = /Enqueued execution (\d+) \(job (\d+)\)/.exec(main.output().slice(before));
	check(enqueued, `the main logged "Enqueued execution …" for /webhook/${webhookPath}`);
	return { answer: JSON.parse(text) as Json[], executionId: enqueued[1], jobId: enqueued[2] };
}

/** Waits until an n8n process prints `line` (at most `timeoutMs`). */
async function waitForLine(n8n: RunningN8n, line: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!n8n.output().includes(line)) {
		check(Date.now() < deadline, `"${line}" printed within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** An execution the main handed to the worker: a webhook's (job known) or a manual run's. */
type Handed = { executionId: string; jobId?: string; mode: 'webhook' | 'manual' };

/**
 * Waits (bounded) until the worker finished the execution, checks that the worker and not the main
 * ran it, in the expected mode, and returns it as saved (REST API). Its status is the caller's check.
 */
async function workerExecution(
	session: RestSession,
	main: RunningN8n,
	worker: RunningN8n,
	{ executionId, jobId = '', mode }: Handed,
): Promise<{ status: string; runData: RunData }> {
	const job = `execution ${executionId} (job ${jobId}`;
	await waitForLine(worker, `Worker finished ${job}`, 60_000);
	check(worker.output().includes(`Worker started ${job}`), `the worker logged "started ${job}"`);
	check(!main.output().includes(`Worker started ${job}`), 'the main did not run the execution');
	const execution = await savedExecution(session, executionId);
	check(execution.mode === mode, `execution ${executionId} has mode "${mode}" (${execution.mode})`);
	return execution;
}

/** A webhook's execution, which must have succeeded on the worker; returns its node outputs. */
async function webhookRun(
	session: RestSession,
	main: RunningN8n,
	worker: RunningN8n,
	executionId: string,
	jobId: string,
): Promise<RunData> {
	const execution = await workerExecution(session, main, worker, {
		executionId,
		jobId,
		mode: 'webhook',
	});
	check(execution.status === 'success', `execution ${executionId} succeeded (${execution.status})`);
	return execution.runData;
}

async function main() {
	const begun = Date.now();
	const stops: Array<() => Promise<void>> = [];
	try {
		const redis = await startRedis();
		stops.push(() => redis.stop());
		const postgres = await startPostgres();
		stops.push(() => postgres.stop());
		log(`Redis on 127.0.0.1:${redis.port}, PostgreSQL on 127.0.0.1:${postgres.port}`);
		const simulator = await startSimulator();
		stops.push(() => simulator.close());

		// Manual runs on the workers too, as n8n 3.0 always runs them.
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			...redis.env,
			...postgres.env,
		};
		const instance = await prepareInstance({
			userFolder: path.join(QUEUE_DIR, 'user'),
			fresh: true,
			extraEnv: queueEnv,
		});
		await installCommunityPackage(instance, await packPackage(path.join(QUEUE_DIR, 'pack')));
		const send = loadExample('send-reminders.json');
		const cancel = loadExample('cancel-reminders.json');
		const confirm = loadExample('delivery-reports.json');
		const workflows = [
			withWebhookTrigger(send, 'smsPartnerQuSend', 'smspartner-queue-send'),
			withWebhookTrigger(cancel, 'smsPartnerQuCncl', 'smspartner-queue-cancel'),
			withPastedTriggerUrl(
				withWebhookTrigger(confirm, 'smsPartnerQuConf', 'smspartner-queue-confirm'),
				instance.url,
			),
			withOwnTriggerWebhook(confirm, MANUAL_RUN_ID),
			withPastedTriggerUrl(withOwnTriggerWebhook(confirm, MANUAL_TYPED_ID), instance.url),
		];
		await importFixtures(
			instance,
			simulatorCredential(simulator.baseUrl, DEFAULT_API_KEY),
			workflows,
		);
		for (const workflow of workflows) await publishWorkflow(instance, String(workflow.id));

		log('Starting the main (n8n start) and a worker (n8n worker)…');
		// The worker has its own task broker port: two n8n processes on one machine.
		const workerInstance = {
			...instance,
			env: { ...instance.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
		};
		const [mainStart, workerStart] = await Promise.allSettled([
			startN8n(instance, { timeoutMs: 120_000 }),
			startN8n(workerInstance, {
				args: ['worker'],
				readyLine: 'n8n worker is now ready',
				timeoutMs: 120_000,
			}),
		]);
		for (const started of [mainStart, workerStart]) {
			if (started.status === 'fulfilled') stops.push(() => started.value.stop());
		}
		if (mainStart.status === 'rejected') throw mainStart.reason;
		if (workerStart.status === 'rejected') throw workerStart.reason;
		const main = mainStart.value;
		const worker = workerStart.value;
		const triggerNode = confirm.nodes.find((node) => node.type === TRIGGER_TYPE);
		check(triggerNode, 'delivery-reports has an SMS Partner Trigger');
		const callbackPath = `${String(triggerNode.webhookId)}/smspartner`;
		for (const webhookPath of [
			'smspartner-queue-send',
			'smspartner-queue-cancel',
			'smspartner-queue-confirm',
			callbackPath,
		]) {
			await waitForWebhook(instance, webhookPath);
		}
		const session = new RestSession(instance.url);
		await session.signIn();

		// send-reminders, with reminder times in the coming days (Send refuses a past one).
		const appointments: Json[] = send.pinData!.Appointments.map(({ json }, index) => {
			const day = Math.ceil((Date.now() + (index + 1) * 86_400_000) / 300_000) * 300_000;
			return { ...json, remindAt: json.remindAt ? new Date(day).toISOString() : '' };
		});
		const sendCall = await callWebhook(instance, main, 'smspartner-queue-send', appointments);
		const sendRun = await webhookRun(session, main, worker, sendCall.executionId, sendCall.jobId);
		const sent = nodeOutput(sendRun, 'Send reminder');
		check(sent.length === appointments.length, `one Send item per appointment (${sent.length})`);
		sent.forEach((json, index) => {
			check(json.success === true && json.code === 200, `Send item ${index} succeeded`);
			check(typeof json.messageId === 'number', `Send item ${index} has a messageId`);
			const remindAt = appointments[index].remindAt;
			check(
				json.scheduledAt === (remindAt ? new Date(String(remindAt)).toISOString() : null),
				`Send item ${index} is scheduled at ${String(remindAt) || 'no time'} (${String(json.scheduledAt)})`,
			);
		});
		const statuses = nodeOutput(sendRun, 'Reminder statuses');
		check(statuses.length === appointments.length, 'one status per reminder');
		check(
			JSON.stringify(sendCall.answer) === JSON.stringify(statuses),
			'the webhook answers with the statuses (the last node)',
		);
		log(
			`send-reminders: execution ${sendCall.executionId} ran on the worker; ${sent.length} sent, ${statuses.length} statuses`,
		);

		// cancel-reminders: the example's first appointment with the ID its reminder was sent under,
		// the others with IDs never sent. n8n sends a node's items concurrently, so the IDs the
		// simulator hands out need not follow the items' order, as the example's pinned IDs assume.
		const lastId = Math.max(...sent.map((json) => Number(json.messageId)));
		const cancelled = cancel.pinData!['Cancelled appointments'].map(({ json }, index) => {
			const sentIndex = appointments.findIndex((a) => a.appointment === json.appointment);
			check(index > 0 || sentIndex >= 0, `${String(json.appointment)} was sent`);
			return { ...json, messageId: index === 0 ? sent[sentIndex].messageId : lastId + index };
		});
		const cancelCall = await callWebhook(instance, main, 'smspartner-queue-cancel', cancelled);
		const cancelRun = await webhookRun(
			session,
			main,
			worker,
			cancelCall.executionId,
			cancelCall.jobId,
		);
		const done = nodeOutput(cancelRun, 'Cancel reminder', 0);
		const failed = nodeOutput(cancelRun, 'Cancel reminder', 1);
		check(done.length + failed.length === cancelled.length, 'one Cancel item per appointment');
		check(
			done.length === 1 && done[0].success === true,
			`the sent reminder was cancelled: ${JSON.stringify(done)}`,
		);
		check(done[0].messageId === cancelled[0].messageId, 'the cancelled ID is the sent one');
		for (const json of failed) {
			check(
				/^SMS Partner error 4: /.test(String(json.error)),
				`the error output says the ID is unknown: ${String(json.error)}`,
			);
		}
		check(
			simulator.requests.filter((request) => request.path === '/v1/message-cancel').length ===
				cancelled.length,
			'the simulator received one cancel request per appointment',
		);
		check(
			!JSON.stringify([sendRun, cancelRun]).includes(DEFAULT_API_KEY),
			'no API key in the runs',
		);
		log(
			`cancel-reminders: execution ${cancelCall.executionId} ran on the worker; ${done.length} cancelled, ${failed.length} to the error output`,
		);

		// delivery-reports: the send runs on the worker with the trigger's URL; each delivery report
		// the simulator posts to the main runs on the worker too.
		const patients = confirm.pinData!.Appointments.map(({ json }) => json);
		const confirmCall = await callWebhook(instance, main, 'smspartner-queue-confirm', patients);
		await webhookRun(session, main, worker, confirmCall.executionId, confirmCall.jobId);
		const dlrSends = simulator.requests.filter(
			(request) => request.path === '/v1/send' && (request.body as Json).urlDlr,
		);
		check(
			dlrSends.length === patients.length &&
				dlrSends.every((request) =>
					String((request.body as Json).urlDlr).startsWith(
						`${instance.url}/webhook/${callbackPath}?token=`,
					),
				),
			"the sends carried the trigger's Production URL",
		);
		const before = main.output().length;
		simulator.clock.advance(60);
		const reports = await simulator.waitForCallbacks(patients.length, {
			kind: 'deliveryReport',
			timeoutMs: 30_000,
		});
		check(
			reports.every((report) => report.status === 200),
			`the main took every delivery report: ${reports.map((report) => report.status).join(', ')}`,
		);
		const enqueued = [
			...main
				.output()
				.slice(before)
				.matchAll(/Enqueued execution (\d+) \(job (\d+)\)/g),
		];
		check(
			enqueued.length === patients.length,
			`one execution enqueued per report (${enqueued.length})`,
		);
		for (const [, executionId, jobId] of enqueued) {
			// The trigger answers on receipt: the worker may still be running the execution.
			const reportRun = await webhookRun(session, main, worker, executionId, jobId);
			const [item] = nodeOutput(reportRun, 'What happened');
			check(item?.event === 'deliveryReport', `execution ${executionId} holds a delivery report`);
		}
		log(`delivery-reports: ${enqueued.length} delivery reports ran on the worker`);

		// Manual runs (the editor's Execute workflow) on the worker, as n8n 3.0 runs every one. The
		// worker does not see the trigger's registration: the example as it is is refused with a
		// message saying what to type instead, and runs once the Production URL is typed in.
		const manualRun = async (workflowId: string) => {
			const executionId = await runManually(instance, session, workflowId, 'Appointments');
			const execution = await workerExecution(session, main, worker, {
				executionId,
				mode: 'manual',
			});
			return { executionId, ...execution };
		};
		const sendsBefore = simulator.requests.filter((request) => request.path === '/v1/send').length;
		const refused = await manualRun(MANUAL_RUN_ID);
		const [sendRunOnWorker] = refused.runData['Ask for confirmation'] ?? [];
		const refusal = sendRunOnWorker?.error?.message ?? '';
		check(refused.status === 'error', `the manual run failed (${refused.status})`);
		check(
			/^Callbacks to This Workflow: this run sees no active SMS Partner Trigger of this workflow/.test(
				refusal,
			) && /fill in Delivery Report URL with the trigger's Production URL/.test(refusal),
			`the send says what to type instead: ${refusal}`,
		);
		check(
			simulator.requests.filter((request) => request.path === '/v1/send').length === sendsBefore,
			'the refused run sent nothing',
		);
		const typed = await manualRun(MANUAL_TYPED_ID);
		check(typed.status === 'success', `the run with the URL typed in succeeded (${typed.status})`);
		const confirmations = nodeOutput(typed.runData, 'Ask for confirmation');
		check(
			confirmations.length === patients.length &&
				confirmations.every((json) => json.success === true && typeof json.messageId === 'number'),
			`one sent confirmation per appointment: ${JSON.stringify(confirmations)}`,
		);
		log(
			`manual runs on the worker: execution ${refused.executionId} refused ("${refusal.slice(0, 80)}…"), execution ${typed.executionId} sent ${confirmations.length} with the URL typed in`,
		);

		const evidence =
			/Enqueued execution|Execution \d+ \(job|Worker (started|finished) execution|postgres|sqlite/i;
		for (const [name, n8n] of [
			['main', main],
			['worker', worker],
		] as const) {
			for (const line of n8n.output().split('\n')) {
				if (evidence.test(line)) log(`${name}: ${line.trim()}`);
			}
		}
		log(`Passed in ${Math.round((Date.now() - begun) / 1000)} s.`);
	} finally {
		for (const stop of stops.reverse()) await stop().catch(() => undefined);
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});
