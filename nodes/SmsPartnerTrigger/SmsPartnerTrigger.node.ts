import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { registerTriggerUrl, unregisterTriggerUrl } from '../SmsPartner/shared/trigger-url';
import {
	ALL_EVENTS,
	answerCallback,
	DEFAULT_MAX_BODY_KB,
	type TriggerSettings,
} from './callback-request';

/** Largest Max Body Size offered: n8n itself reads no more than 16 MB by default. */
const MAX_BODY_KB = 16 * 1024;

function readSettings(context: IHookFunctions | IWebhookFunctions): TriggerSettings {
	const events = context.getNodeParameter('events', []);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const kb = Number(options.maxBodySize ?? DEFAULT_MAX_BODY_KB);
	return {
		events: Array.isArray(events) ? events.map(String) : [String(events)],
		secretToken: typeof options.secretToken === 'string' ? options.secretToken : '',
		maxBodyBytes: Math.round(
			(Number.isFinite(kb) ? Math.min(Math.max(kb, 1), MAX_BODY_KB) : DEFAULT_MAX_BODY_KB) * 1024,
		),
		ignoreUnknown: options.ignoreUnknown === true,
	};
}

/** The URL SMS Partner must call: the production URL, with the secret token when there is one. */
function callbackUrl(webhookUrl: string, secretToken: string): string {
	if (secretToken === '') return webhookUrl;
	const separator = webhookUrl.includes('?') ? '&' : '?';
	return `${webhookUrl}${separator}token=${encodeURIComponent(secretToken)}`;
}

export class SmsPartnerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Partner Trigger',
		name: 'smsPartnerTrigger',
		icon: { light: 'file:smspartner.svg', dark: 'file:smspartner.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{($parameter["events"] || []).includes("*") ? "all events" : ($parameter["events"] || []).join(", ")}}',
		// n8n's nodes panel shows one "SMS Partner" entry for both nodes, with this description:
		// it speaks for the action node too.
		description:
			'Send, schedule and cancel SMS with SMS Partner, and start workflows when it posts a delivery report, a reply, a STOP or a number check result',
		defaults: { name: 'SMS Partner Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		triggerPanel: {
			header: 'Waiting for SMS Partner to call this trigger',
			executionsHelp: {
				inactive:
					"While building, click 'Listen for test event' and post a callback to the Test URL (Webhook URLs above), e.g. with curl. Then publish the workflow: each call SMS Partner makes to the Production URL starts it, and the runs show in the Executions list.",
				active:
					"The workflow is published: each call SMS Partner makes to the Production URL starts it, and the runs show in the Executions list. 'Listen for test event' listens on the Test URL, which sends never give to SMS Partner.",
			},
			activationHint:
				"Once you've finished building your workflow, publish it: SMS Partner calls the Production URL, which listens only while the workflow is published.",
		},
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'smspartner' },
			// A GET (a browser, a monitoring probe) is answered without starting the workflow.
			{
				name: 'setup',
				httpMethod: 'GET',
				responseMode: 'onReceived',
				path: 'smspartner',
				ndvHideUrl: true,
			},
		],
		properties: [
			{
				displayName:
					"SMS Partner calls the Production URL above (Webhook URLs) once the workflow is published (active). Give it to SMS Partner in one of two ways: in the SMS Partner node of this workflow, set Additional Fields > Callbacks to This Workflow (sends) or Use This Workflow's Trigger URL (Verify); or paste it in the SMS Partner dashboard (reply URL) or in a Delivery Report URL, Reply URL or Notify URL field. With a Secret Token, add ?token= and the token to the end of a pasted URL.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [ALL_EVENTS],
				description:
					'The callbacks that start the workflow; the others are answered and dropped. Payloads of no known shape start it too, with event "unknown", unless Options > Ignore Unknown Payloads is on.',
				options: [
					{
						name: 'All',
						value: ALL_EVENTS,
						description: 'Every callback SMS Partner posts',
					},
					{
						name: 'Delivery Report',
						value: 'deliveryReport',
						description:
							'The delivery status of each SMS of a send made with a Delivery Report URL (urlDlr)',
					},
					{
						name: 'Number Check Result',
						value: 'numberCheck',
						description: 'The result for each number of a Number > Verify (HLR) check',
					},
					{
						name: 'Reply',
						value: 'reply',
						description:
							'An answer to an SMS, to a short number (Premium) or a long number; a long reply to a long number comes in parts',
					},
					{
						name: 'STOP',
						value: 'stop',
						description:
							'A recipient answered STOP: SMS Partner has put the number on the STOP list of the account',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Ignore Unknown Payloads',
						name: 'ignoreUnknown',
						type: 'boolean',
						default: false,
						description:
							'Whether to drop calls whose body has none of the documented shapes, instead of starting the workflow with event "unknown" and the body under raw',
					},
					{
						displayName: 'Max Body Size (KB)',
						name: 'maxBodySize',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: MAX_BODY_KB },
						default: DEFAULT_MAX_BODY_KB,
						description:
							'Calls with a larger body are refused with HTTP 413 and start nothing. A callback is well under 1 KB.',
					},
					{
						displayName: 'Secret Token',
						name: 'secretToken',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description:
							'When set, only calls whose URL ends with ?token= and this value are taken; others are refused with HTTP 403. SMS Partner signs nothing, so this is what tells its calls from forged ones. Use a long random value, e.g. 32 letters and digits.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			// Always (re)registered, so that the URL kept is the one of the current activation.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				// A test URL only listens for a moment: sends must never be given one.
				if (this.getMode() === 'manual' || url === undefined) return true;
				const { events, secretToken } = readSettings(this);
				registerTriggerUrl(this.getWorkflowStaticData('global'), this.getNode().name, {
					url: callbackUrl(url, secretToken),
					events,
				});
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (this.getMode() !== 'manual') {
					unregisterTriggerUrl(this.getWorkflowStaticData('global'), this.getNode().name);
				}
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const answer = answerCallback(
			{
				method: request.method,
				query: this.getQueryData() as IDataObject,
				bodyBytes: request.rawBody?.length ?? Number(request.headers['content-length'] ?? 0),
				readBody: () => {
					const body = this.getBodyData();
					// n8n gives a multipart/form-data body (what PHP posts for an array) as { data, files }.
					return /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')
						? body.data
						: body;
				},
				receivedAt: new Date(),
			},
			readSettings(this),
		);
		if (answer.status !== 200) {
			this.getResponseObject().status(answer.status).json(answer.body);
			return { noWebhookResponse: true };
		}
		if (answer.items.length === 0) return { webhookResponse: answer.body };
		return {
			webhookResponse: answer.body,
			workflowData: [answer.items.map((json) => ({ json }))],
		};
	}
}
