/**
 * What n8n does when it activates a workflow with an SMS Partner Trigger: it calls the trigger's
 * webhook methods through n8n-core's HookContext, which computes the webhook URLs. The production
 * URL the trigger registers then reaches SMS Partner through a send of the same workflow.
 */
import { HookContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeParameters,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { runWorkflow } from '../../runner';
import { createNodeTypes } from '../../runner/node-types';
import { SmsPartnerTrigger } from '../../nodes/SmsPartnerTrigger/SmsPartnerTrigger.node';
import { TRIGGER_URLS_KEY } from '../../nodes/SmsPartner/shared/trigger-url';
import { DEFAULT_API_KEY } from '../../simulator';
import { NODE, singleNodeWorkflow, TRIGGER, useSimulator } from './helpers';

const sim = useSimulator();

const N8N = 'http://127.0.0.1:5678';
const TRIGGER_NODE = 'SMS Partner Trigger';
/** The base URLs n8n passes to every execution context. */
const additionalData = {
	webhookBaseUrl: `${N8N}/webhook`,
	webhookTestBaseUrl: `${N8N}/webhook-test`,
} as IWorkflowExecuteAdditionalData;

function workflowWith(parameters: INodeParameters): Workflow {
	const trigger: INode = {
		id: 'trigger-1',
		name: TRIGGER_NODE,
		type: 'n8n-nodes-smspartner.smsPartnerTrigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId: '5d1c9a40-6c1e-4f0b-9a77-2b9f0c3e8d11',
		parameters,
	};
	return new Workflow({
		id: 'wf-activation',
		nodes: [trigger],
		connections: {},
		active: true,
		nodeTypes: createNodeTypes(),
		staticData: {},
	});
}

/** Runs one of the trigger's webhook methods as n8n does on (de)activation or test listening. */
async function hook(
	workflow: Workflow,
	method: 'create' | 'delete',
	mode: WorkflowExecuteMode,
	activation: WorkflowActivateMode,
) {
	const context = new HookContext(
		workflow,
		workflow.getNode(TRIGGER_NODE)!,
		additionalData,
		mode,
		activation,
	);
	return await new SmsPartnerTrigger().webhookMethods.default[method].call(context);
}

const registry = (workflow: Workflow) =>
	(workflow.staticData.global as IDataObject | undefined)?.[TRIGGER_URLS_KEY];

test('activation registers the production URL with the secret token and the events', async () => {
	const workflow = workflowWith({
		events: ['deliveryReport', 'reply'],
		options: { secretToken: 'a&b/c' },
	});
	expect(await hook(workflow, 'create', 'trigger', 'activate')).toBe(true);
	expect(registry(workflow)).toEqual({
		[TRIGGER_NODE]: {
			url: `${N8N}/webhook/5d1c9a40-6c1e-4f0b-9a77-2b9f0c3e8d11/smspartner?token=a%26b%2Fc`,
			events: ['deliveryReport', 'reply'],
		},
	});
	// n8n saves the static data of an active workflow only when it is flagged as changed.
	expect(workflow.staticData.__dataChanged).toBe(true);

	expect(await hook(workflow, 'delete', 'trigger', 'update')).toBe(true);
	expect(registry(workflow)).toBeUndefined();
});

test('listening for a test event registers nothing: a test URL must never reach SMS Partner', async () => {
	const workflow = workflowWith({ events: ['*'] });
	await hook(workflow, 'create', 'manual', 'manual');
	expect(registry(workflow)).toBeUndefined();
});

test("a send of the active workflow gives SMS Partner the trigger's production URL", async () => {
	const workflow = workflowWith({ events: ['*'] });
	await hook(workflow, 'create', 'trigger', 'activate');
	const run = await runWorkflow(
		singleNodeWorkflow({
			resource: 'sms',
			operation: 'send',
			phoneNumbers: '+33612345678',
			message: 'Rappel',
			additionalFields: { triggerUrlFor: ['deliveryReports', 'replies'] },
		}),
		{
			credentials: { smsPartnerApi: { apiKey: DEFAULT_API_KEY, baseUrl: sim.baseUrl } },
			pinData: { [TRIGGER]: [{ json: {} }] },
			staticData: workflow.staticData,
		},
	);
	expect(run.output(NODE)).toHaveLength(1);
	const url = `${N8N}/webhook/5d1c9a40-6c1e-4f0b-9a77-2b9f0c3e8d11/smspartner`;
	expect(sim.requests.map((request) => request.body)).toEqual([
		expect.objectContaining({ urlDlr: url, urlResponse: url }),
	]);
});
