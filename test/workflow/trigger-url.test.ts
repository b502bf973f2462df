import { NodeHelpers, type IDataObject, type INode, type INodeParameters } from 'n8n-workflow';

import { SmsPartner } from '../../nodes/SmsPartner/SmsPartner.node';
import {
	registerTriggerUrl,
	TRIGGER_URLS_KEY,
	type TriggerRegistration,
} from '../../nodes/SmsPartner/shared/trigger-url';
import { NODE, runNode, useSimulator, type OnError } from './helpers';

const sim = useSimulator();

const DLR_URL = 'https://n8n.example.com/webhook/1a2b/smspartner?token=reports';
const REPLY_URL = 'https://n8n.example.com/webhook/3c4d/smspartner?token=replies';
const CHECK_URL = 'https://n8n.example.com/webhook/5e6f/smspartner?token=checks';
const FIELD = 'Callbacks to This Workflow';
const VERIFY_FIELD = "Use This Workflow's Trigger URL";

/** The static data of an active workflow whose SMS Partner Triggers registered, as they do. */
function activeTriggers(triggers: Record<string, TriggerRegistration>): IDataObject {
	const global: IDataObject = {};
	for (const [name, registration] of Object.entries(triggers)) {
		registerTriggerUrl(global, name, registration);
	}
	return { global };
}

const REPORTS_AND_REPLIES = activeTriggers({
	Reports: { url: DLR_URL, events: ['deliveryReport'] },
	Replies: { url: REPLY_URL, events: ['reply', 'stop'] },
	Checks: { url: CHECK_URL, events: ['numberCheck'] },
});

/** Runs the node over `inputs` in a workflow with that static data. */
const run = (
	parameters: INodeParameters,
	staticData: IDataObject,
	{ inputs = [{}], onError = 'stopWorkflow' }: { inputs?: IDataObject[]; onError?: OnError } = {},
) => runNode(sim, parameters, inputs, { onError, staticData });

const send = (additionalFields: INodeParameters): INodeParameters => ({
	resource: 'sms',
	operation: 'send',
	phoneNumbers: '+33612345678',
	message: 'Your parcel arrives tomorrow. Reply OK to confirm.',
	additionalFields,
});

/** Each send operation with valid parameters, its path, and its Additional Fields. */
const SENDS: Array<[string, (additionalFields: INodeParameters) => INodeParameters, string]> = [
	['Send', send, '/send'],
	[
		'Send Bulk',
		(additionalFields) => ({
			resource: 'sms',
			operation: 'sendBulk',
			smsList: '[{"phoneNumber": "+33612345678", "message": "Hello Ann"}]',
			additionalFields,
		}),
		'/bulk-send',
	],
	[
		'Send From a Long Number',
		(additionalFields) => ({
			resource: 'sms',
			operation: 'sendLongNumber',
			from: '33700000001',
			phoneNumbers: '+33612345678',
			message: 'Reply YES to confirm.',
			additionalFields,
		}),
		'/vn/send',
	],
];

const verify = (fields: INodeParameters): INodeParameters => ({
	resource: 'number',
	operation: 'verify',
	phoneNumbers: '+33612345678',
	...fields,
});

const bodies = () => sim.requests.map((request) => request.body as IDataObject);

describe("Sends that use the workflow's SMS Partner Trigger URL", () => {
	it.each(SENDS)(
		'%s sends the URLs of the triggers that listen to delivery reports and to replies',
		async (_operation, parameters, path) => {
			const { items, failure } = await run(
				parameters({ triggerUrlFor: ['deliveryReports', 'replies'] }),
				REPORTS_AND_REPLIES,
			);
			expect(failure).toBeUndefined();
			expect(items[0].json).toMatchObject({ success: true });
			expect(sim.requests.map((request) => request.path)).toEqual([`/v1${path}`]);
			expect(bodies()[0]).toMatchObject({ urlDlr: DLR_URL, urlResponse: REPLY_URL });
		},
	);

	it('takes the one URL of a trigger that listens to every event for what is chosen only', async () => {
		const { failure } = await run(
			send({ triggerUrlFor: ['deliveryReports'] }),
			activeTriggers({ 'SMS Partner Trigger': { url: DLR_URL, events: ['*'] } }),
		);
		expect(failure).toBeUndefined();
		expect(bodies()[0].urlDlr).toBe(DLR_URL);
		expect(bodies()[0]).not.toHaveProperty('urlResponse');
	});

	it('sends replies to a trigger that listens only to STOP, since STOP replies come there', async () => {
		const { failure } = await run(
			send({ triggerUrlFor: ['replies'] }),
			activeTriggers({ Unsubscribes: { url: REPLY_URL, events: ['stop'] } }),
		);
		expect(failure).toBeUndefined();
		expect(bodies()[0].urlResponse).toBe(REPLY_URL);
	});

	it('takes the choice from an expression, as one value or a list', async () => {
		const { items, failure } = await run(
			send({ triggerUrlFor: '={{ $json.callbacks }}' }),
			REPORTS_AND_REPLIES,
			{ inputs: [{ callbacks: 'replies' }, { callbacks: ['deliveryReports'] }, { callbacks: [] }] },
		);
		expect(failure).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(bodies().map(({ urlDlr, urlResponse }) => ({ urlDlr, urlResponse }))).toEqual([
			{ urlDlr: undefined, urlResponse: REPLY_URL },
			{ urlDlr: DLR_URL, urlResponse: undefined },
			{ urlDlr: undefined, urlResponse: undefined },
		]);
	});

	it('changes nothing when the option is not set: typed URLs are sent, and none else', async () => {
		const typed = {
			urlDlr: 'https://example.com/sms/delivery',
			urlResponse: 'https://example.com/sms/replies',
		};
		await run(send(typed), REPORTS_AND_REPLIES);
		await run(send({}), REPORTS_AND_REPLIES);
		await run(send({ triggerUrlFor: [] }), REPORTS_AND_REPLIES);
		const [withUrls, ...without] = bodies();
		expect(withUrls).toMatchObject(typed);
		for (const body of without) {
			expect(body).not.toHaveProperty('urlDlr');
			expect(body).not.toHaveProperty('urlResponse');
		}
	});
});

describe("Number > Verify with the workflow's SMS Partner Trigger URL", () => {
	it('sends the URL of the trigger that listens to number check results as notifyUrl', async () => {
		const { items, failure } = await run(verify({ notifyTrigger: true }), REPORTS_AND_REPLIES);
		expect(failure).toBeUndefined();
		expect(items[0].json).toMatchObject({ numbers: 1 });
		expect(bodies()).toEqual([expect.objectContaining({ notifyUrl: CHECK_URL })]);
	});

	it('sends the typed Notify URL when the switch is off, trigger or not', async () => {
		const notifyUrl = 'https://example.com/hlr-results';
		const { failure } = await run(verify({ notifyTrigger: false, notifyUrl }), REPORTS_AND_REPLIES);
		expect(failure).toBeUndefined();
		expect(bodies()[0].notifyUrl).toBe(notifyUrl);
	});

	it('hides Notify URL while the switch is on, and requires it when shown', () => {
		const { description } = new SmsPartner();
		const issuesOf = (parameters: INodeParameters) => {
			const node = {
				name: NODE,
				type: 'n8n-nodes-smspartner.smsPartner',
				typeVersion: 1,
				position: [0, 0],
				parameters: NodeHelpers.getNodeParameters(
					description.properties,
					verify(parameters),
					true,
					false,
					null,
					description,
				),
			} as INode;
			return NodeHelpers.getNodeParametersIssues(description.properties, node, description);
		};
		expect(issuesOf({ notifyTrigger: true })).toBeNull();
		expect(issuesOf({ notifyTrigger: false })?.parameters).toHaveProperty('notifyUrl');
		expect(issuesOf({})?.parameters).toHaveProperty('notifyUrl');
	});
});

describe('Refusals, one per item, before any request', () => {
	const noTrigger = `${FIELD}: this run sees no active SMS Partner Trigger of this workflow. Add an SMS Partner Trigger to this workflow and publish (activate) it: n8n then knows the trigger's production URL, in the runs it gives the workflow's static data. Some runs never see it: manual runs in n8n 1, and in queue mode the runs on workers (production runs, and from n8n 3.0 every manual run). There, fill in Delivery Report URL with the trigger's Production URL (the trigger's panel shows it under Webhook URLs; with a Secret Token, add ?token=<the token>) and stop using ${FIELD}.`;

	it.each<[string, INodeParameters, IDataObject, string | RegExp]>([
		['no trigger is active', send({ triggerUrlFor: ['deliveryReports'] }), {}, noTrigger],
		[
			'static data holds something else than registrations',
			send({ triggerUrlFor: ['deliveryReports'] }),
			{ global: { [TRIGGER_URLS_KEY]: ['not', 'a', 'registry'] } },
			noTrigger,
		],
		[
			'no active trigger listens to the event',
			send({ triggerUrlFor: ['deliveryReports'] }),
			activeTriggers({ Replies: { url: REPLY_URL, events: ['reply'] } }),
			`${FIELD}: no SMS Partner Trigger of this workflow listens to delivery reports (active: "Replies"). Add Delivery Report to the Events of one of them, then publish (activate) the workflow again so that n8n registers the change; or fill in Delivery Report URL instead.`,
		],
		[
			'two active triggers listen to the event',
			send({ triggerUrlFor: ['replies'] }),
			activeTriggers({
				Replies: { url: REPLY_URL, events: ['reply'] },
				Everything: { url: DLR_URL, events: ['*'] },
			}),
			`${FIELD}: 2 SMS Partner Triggers of this workflow listen to replies ("Replies", "Everything"), so which URL to use is unclear. Fill in Reply URL with the Production URL of the trigger to use, instead of ${FIELD}; or keep Reply in the Events of only one of them.`,
		],
		[
			'the option and the URL field are both filled in',
			send({ triggerUrlFor: ['deliveryReports'], urlDlr: 'https://example.com/sms/delivery' }),
			REPORTS_AND_REPLIES,
			`${FIELD} includes Delivery Reports, and Delivery Report URL is filled in too. Keep one: empty Delivery Report URL to use the trigger's URL, or remove Delivery Reports from ${FIELD} to use the URL typed in.`,
		],
		[
			'an expression gives a value that is not a choice',
			send({ triggerUrlFor: '={{ ["replies", "deliveryReport"] }}' }),
			REPORTS_AND_REPLIES,
			`${FIELD} "deliveryReport" is not one of the choices. Choose Delivery Reports, Replies or both; in an expression, give a list such as ["deliveryReports", "replies"].`,
		],
		[
			'Verify finds no active trigger listening to number check results',
			verify({ notifyTrigger: true }),
			activeTriggers({ Reports: { url: DLR_URL, events: ['deliveryReport'] } }),
			`${VERIFY_FIELD}: no SMS Partner Trigger of this workflow listens to number check results (active: "Reports"). Add Number Check Result to the Events of one of them, then publish (activate) the workflow again so that n8n registers the change; or fill in Notify URL instead.`,
		],
		[
			'Verify is asked for the trigger by an expression that is neither true nor false',
			verify({ notifyTrigger: '={{ "yes" }}', notifyUrl: 'https://example.com/hlr' }),
			REPORTS_AND_REPLIES,
			/^Use This Workflow's Trigger URL "yes" is neither true nor false\. /,
		],
	])('when %s', async (_case, parameters, staticData, message) => {
		const inputs = [{ ref: 'a' }, { ref: 'b' }];
		const { items, failure } = await run(parameters, staticData, {
			inputs,
			onError: 'continueRegularOutput',
		});
		expect(failure).toBeUndefined();
		const error = typeof message === 'string' ? message : expect.stringMatching(message);
		expect(items.map(({ json, pairedItem }) => ({ error: json.error, pairedItem }))).toEqual(
			inputs.map((_input, item) => ({ error, pairedItem: { item } })),
		);
		expect(sim.requests).toEqual([]);
	});

	it('stops the workflow with the same refusal when errors are not continued', async () => {
		const { failure } = await run(send({ triggerUrlFor: ['deliveryReports'] }), {});
		expect(failure?.message).toBe(noTrigger);
		expect(failure?.description).toBe(
			`Parameter "${FIELD}" was checked before sending; no request was sent.`,
		);
		expect(sim.requests).toEqual([]);
	});
});
