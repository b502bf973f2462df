/**
 * The example workflow of examples/, run through n8n's engine against the local SMS Partner
 * simulator: a booking app has sent and scheduled reminders with a tag; the workflow reads their
 * statuses, then cancels the reminders of two cancelled appointments, one of them too late.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../runner';
import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../simulator';
import { sendSms } from '../simulator/seed';

const WORKFLOW_FILE = path.join(__dirname, '..', 'examples', 'appointment-reminders.json');
const TAG = 'demo-reminders';
/** 08:03 UTC: the 08:05 slot is 2 minutes away, too close to cancel. */
const START = new Date('2026-11-24T08:03:00Z');

async function bookReminders(sim: Simulator) {
	const tomorrowAt = (hour: number, minute: number) =>
		new Date(Date.UTC(2026, 10, 25, hour, minute));
	const send = (phoneNumbers: string[], message: string, at?: Date) =>
		sendSms(sim.baseUrl, DEFAULT_API_KEY, { phoneNumbers, message, tag: TAG, at });
	const confirmations = await send(['0612345678', '0612345699'], 'Votre rendez-vous est confirmé.');
	const kept = await send(['0611223344'], 'Rappel : rendez-vous demain à 10h.', tomorrowAt(9, 0));
	const camille = await send(
		['0622334455'],
		'Rappel : rendez-vous demain à 10h30.',
		tomorrowAt(9, 30),
	);
	const louis = await send(
		['0633445566'],
		'Rappel : rendez-vous à 9h05.',
		new Date('2026-11-24T08:05:00Z'),
	);
	return { confirmations, kept, camille, louis };
}

function line(...cells: unknown[]): string {
	return cells
		.map((cell, index) => String(cell ?? '').padEnd([16, 15, 26, 0][index] ?? 0))
		.join(' ');
}

function printStatuses(items: INodeExecutionData[]) {
	console.log(`\n"Reminder statuses" (Get Status by Tag "${TAG}"): ${items.length} items`);
	console.log(`  ${line('phoneNumber', 'status', 'date', 'stopSms')}`);
	for (const { json } of items) {
		console.log(`  ${line(json.phoneNumber, json.status, json.date, json.stopSms)}`);
	}
}

function printCancels(
	done: INodeExecutionData[],
	failed: INodeExecutionData[],
	input: IDataObject[],
) {
	console.log(
		`\n"Cancel reminder" (Cancel): ${done.length} cancelled, ${failed.length} on the error output`,
	);
	const rows = [
		...done.map((item) => ({ item, ok: true })),
		...failed.map((item) => ({ item, ok: false })),
	];
	rows.sort((a, b) => pairedIndex(a.item) - pairedIndex(b.item));
	for (const { item, ok } of rows) {
		const source = input[pairedIndex(item)];
		const head = `  input item ${pairedIndex(item)} (${source.appointment}, message ${source.messageId}):`;
		console.log(
			ok ? `${head} cancelled. SMS Partner: "${item.json.message}"` : `${head} ${item.json.error}`,
		);
	}
}

function pairedIndex(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'object' ? paired.item : Number(paired);
}

async function main() {
	const sim = await startSimulator({ startTime: START });
	try {
		console.log(`SMS Partner simulator on ${sim.baseUrl} (clock set to ${START.toISOString()})`);
		const ids = await bookReminders(sim);
		console.log(
			`The booking app sent confirmation ${ids.confirmations} now and scheduled reminders ${ids.kept}, ${ids.camille} (tomorrow) and ${ids.louis} (in 2 minutes), all tagged "${TAG}".`,
		);
		sim.clock.advance(60);

		const workflow = JSON.parse(readFileSync(WORKFLOW_FILE, 'utf8')) as WorkflowJson;
		const input = [
			{ appointment: 'RDV-1042', patient: 'Camille', messageId: ids.camille },
			{ appointment: 'RDV-1043', patient: 'Louis', messageId: ids.louis },
		];
		console.log(`\nRunning "${workflow.name}" through the n8n engine…`);
		const { run, output } = await runWorkflow(workflow, {
			credentials: { smsPartnerApi: { apiKey: DEFAULT_API_KEY, baseUrl: sim.baseUrl } },
			pinData: { 'Cancelled appointments': input.map((json) => ({ json })) },
		});
		if (run.status !== 'success') {
			throw new Error(`The workflow did not finish: ${run.data.resultData.error?.message}`);
		}
		printStatuses(output('Reminder statuses'));
		printCancels(output('Cancel reminder', 0), output('Cancel reminder', 1), input);
		console.log(`\nThe simulator answered ${sim.requests.length} requests. Done.`);
	} finally {
		await sim.close();
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});
