/**
 * The output schemas shipped beside the nodes are what the operations output: each operation of
 * the catalogue runs through n8n's engine against the simulator, and the schema inferred from its
 * items must equal the file. `npm run schemas` (UPDATE_SCHEMAS=1) writes the files instead.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { callbackItem } from '../../nodes/SmsPartnerTrigger/callback-items';
import { DEFAULT_API_KEY } from '../../simulator';
import { minutesFromNow, runNode, START, useSimulator } from './helpers';
import { OPERATIONS } from './operation-catalogue';
import { NODE_SCHEMA_DIR, schemaFile, TRIGGER_SCHEMA_FILE } from './output-schemas';

const UPDATE = process.env.UPDATE_SCHEMAS === '1';
const sim = useSimulator();

/**
 * Runs besides the catalogue's, where its setup leaves a field null that may hold a value: a
 * scheduled send's time, a lookup's message for a number it refuses.
 */
const MORE_RUNS: Record<string, () => { parameters: INodeParameters; input?: IDataObject }> = {
	'sms:send': () => ({ parameters: { sendAt: minutesFromNow(sim, 60).toISOString() } }),
	'sms:sendSurvey': () => ({ parameters: { sendAt: minutesFromNow(sim, 60).toISOString() } }),
	'number:lookup': () => ({ parameters: {}, input: { phoneNumber: '+3361234' } }),
};

/** Compares the file with what was inferred, or writes it when updating. */
function expectFile(file: string, inferred: string) {
	if (UPDATE) {
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, inferred);
		return;
	}
	const name = path.relative(path.resolve(__dirname, '../..'), file);
	if (!existsSync(file)) throw new Error(`${name} is missing: run npm run schemas`);
	// A changed output needs its schema renewed: npm run schemas, then review the diff.
	expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(inferred));
}

describe.each(
	OPERATIONS.map(
		(operation) => [`${operation.resource} > ${operation.operation}`, operation] as const,
	),
)('%s', (_label, operation) => {
	it('outputs what its schema file says', async () => {
		const inputs = await operation.inputs({ sim, apiKey: DEFAULT_API_KEY }, 2);
		const parameters = {
			resource: operation.resource,
			operation: operation.operation,
			...operation.parameters,
		};
		const run = await runNode(sim, parameters, inputs);
		expect(run.failure).toBeUndefined();
		expect(run.items.length).toBeGreaterThan(0);
		const items = run.items.map((item) => item.json);
		const more = MORE_RUNS[`${operation.resource}:${operation.operation}`]?.();
		if (more) {
			const extra = await runNode(
				sim,
				{ ...parameters, ...more.parameters },
				more.input ? [more.input] : inputs,
			);
			expect(extra.failure).toBeUndefined();
			items.push(...extra.items.map((item) => item.json));
		}
		expectFile(
			path.join(NODE_SCHEMA_DIR, operation.resource, `${operation.operation}.json`),
			schemaFile(items),
		);
	});
});

/** One documented payload of each event (see README > SMS Partner Trigger). */
const CALLBACKS = [
	{
		message_id: 307,
		phone_number: '+33612345678',
		status: 'Delivered',
		date: '2026-01-15 10:05:20',
	},
	{ type: 'response', phone_number: '+33612345678', text: 'OUI', message_id: 307 },
	{ type: 'stop', phone_number: '+33612345678', text: 'STOP', message_id: 307 },
	{
		msisdn: '33612345678',
		to: '33700000000',
		messageId: '0B00000012345678',
		text: 'Merci',
		type: 'text',
		keyword: 'MERCI',
		'message-timestamp': '2026-07-14 10:07:00',
		concat: 'true',
		'concat-ref': '108',
		'concat-total': '2',
		'concat-part': '1',
	},
	{
		phone: '33612345678',
		messageId: 'HLR000123-1',
		mccMnc: '20801',
		ported: 1,
		errorGrpId: 0,
		errorName: 'NO_ERROR',
		errorDesc: 'No error',
		date: '2018-03-05T10:34:52.355+0000',
	},
];

it('the trigger outputs what its schema file says, for every event', () => {
	const items = CALLBACKS.map((payload) => callbackItem(payload, START));
	expect(new Set(items.map((item) => item.event))).toEqual(
		new Set(['deliveryReport', 'reply', 'stop', 'numberCheck']),
	);
	expectFile(TRIGGER_SCHEMA_FILE, schemaFile(items));
});
