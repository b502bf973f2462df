/**
 * The example workflows of examples/, run through n8n's engine against the local SMS Partner
 * simulator: a practice sends and schedules appointment reminders with a tag and reads their
 * statuses; later it cancels the reminders of two cancelled appointments, one of them too late.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../runner';
import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../simulator';

const FIVE_MINUTES = 5 * 60_000;

function loadWorkflow(file: string): WorkflowJson {
	return JSON.parse(readFileSync(path.join(__dirname, '..', 'examples', file), 'utf8'));
}

async function run(sim: Simulator, workflow: WorkflowJson, trigger: string, input: IDataObject[]) {
	console.log(`\nRunning "${workflow.name}" through the n8n engine…`);
	const result = await runWorkflow(workflow, {
		credentials: { smsPartnerApi: { apiKey: DEFAULT_API_KEY, baseUrl: sim.baseUrl } },
		pinData: { [trigger]: input.map((json) => ({ json })) },
	});
	if (result.run.status !== 'success') {
		throw new Error(`The workflow did not finish: ${result.run.data.resultData.error?.message}`);
	}
	return result.output;
}

function pairedIndex(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'object' ? paired.item : Number(paired);
}

function table(title: string, items: INodeExecutionData[], columns: string[]) {
	console.log(`\n${title}: ${items.length} items`);
	const widths = columns.map((column) =>
		Math.max(column.length, ...items.map((item) => String(item.json[column] ?? '').length)),
	);
	const row = (cells: string[]) => `  ${cells.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`;
	console.log(row(columns));
	for (const { json } of items)
		console.log(row(columns.map((column) => String(json[column] ?? ''))));
}

async function main() {
	// The simulator's clock starts at the real time, as the node checks Send At against it.
	const sim = await startSimulator();
	try {
		console.log(`SMS Partner simulator on ${sim.baseUrl}`);
		const tomorrow = new Date(Date.now() + 86_400_000);
		tomorrow.setUTCHours(9, 30, 0, 0);
		// The next 5-minute step at least 7 minutes away: still cancellable when it is scheduled.
		const soon = new Date(Math.ceil((Date.now() + 7 * 60_000) / FIVE_MINUTES) * FIVE_MINUTES);
		const appointments = [
			{ appointment: 'RDV-1041', patient: 'Jules', phone: '06 12 34 56 78', remindAt: '' },
			{
				appointment: 'RDV-1042',
				patient: 'Camille',
				phone: '0622334455',
				remindAt: tomorrow.toISOString(),
			},
			{
				appointment: 'RDV-1043',
				patient: 'Louis',
				phone: '+33633445566',
				remindAt: soon.toISOString(),
			},
			{ appointment: 'RDV-1044', patient: 'Emma', phone: '0612345699', remindAt: '' },
		];

		const sending = await run(
			sim,
			loadWorkflow('send-reminders.json'),
			'Appointments',
			appointments,
		);
		const sent = sending('Send reminder');
		table('"Send reminder" (Send)', sent, [
			'messageId',
			'phoneNumbers',
			'scheduledAt',
			'nbSms',
			'cost',
		]);
		table(
			'"Reminder statuses" (Get Status by Tag), right after sending',
			sending('Reminder statuses'),
			['phoneNumber', 'status', 'date'],
		);

		// Time passes: the SMS sent now are delivered, and Louis's reminder is 2 minutes away.
		sim.clock.advance((soon.getTime() - sim.clock.now()) / 1000 - 120);
		const messageIdOf = (appointment: string) =>
			sent.find((item) => appointments[pairedIndex(item)].appointment === appointment)?.json
				.messageId;
		const cancellations = ['RDV-1042', 'RDV-1043'].map((appointment) => ({
			appointment,
			messageId: messageIdOf(appointment),
		}));
		console.log(
			`\nLater (simulator clock ${new Date(sim.clock.now()).toISOString()}), appointments RDV-1042 and RDV-1043 are cancelled.`,
		);
		const cancelling = await run(
			sim,
			loadWorkflow('cancel-reminders.json'),
			'Cancelled appointments',
			cancellations,
		);
		table('"Reminder statuses" (Get Status by Tag)', cancelling('Reminder statuses'), [
			'phoneNumber',
			'status',
			'stopSms',
			'date',
		]);
		const done = cancelling('Cancel reminder', 0);
		const failed = cancelling('Cancel reminder', 1);
		console.log(
			`\n"Cancel reminder" (Cancel): ${done.length} cancelled, ${failed.length} on the error output`,
		);
		for (const item of [...done, ...failed].sort((a, b) => pairedIndex(a) - pairedIndex(b))) {
			const { appointment, messageId } = cancellations[pairedIndex(item)];
			const outcome = item.json.error ?? `cancelled. SMS Partner: "${item.json.message}"`;
			console.log(`  ${appointment} (message ${messageId}): ${outcome}`);
		}
		console.log(`\nThe simulator answered ${sim.requests.length} requests. Done.`);
	} finally {
		await sim.close();
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});
