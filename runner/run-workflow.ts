import './engine-env';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IConnections,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IVersionedNodeType,
	type IPinData,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
} from 'n8n-workflow';

import { RunCredentialsHelper } from './credentials-helper';
import { createNodeTypes } from './node-types';

/** A workflow as n8n exports it to JSON. */
export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	pinData?: IPinData;
	settings?: IWorkflowSettings;
}

export interface RunOptions {
	/** Credential data by credential type, e.g. `{ smsPartnerApi: { apiKey, baseUrl } }`. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Items to pin to nodes (usually the trigger), replacing those saved in the workflow. */
	pinData?: IPinData;
	/** Node types besides the package's own and the Manual Trigger, by full type name. */
	extraNodeTypes?: Record<string, INodeType | IVersionedNodeType>;
	/**
	 * The workflow's static data, as n8n keeps it for an active workflow, e.g.
	 * `{ global: { smsPartnerTriggerUrls: { ... } } }`. n8n wraps it in place for the run.
	 */
	staticData?: IDataObject;
}

export interface WorkflowRun {
	run: IRun;
	/** The items of one output of a node's first run (output 1 is the error output). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
}

let executionCounter = 0;

/** Runs a workflow through n8n's real engine (WorkflowExecute), as a manual execution. */
export async function runWorkflow(
	workflowJson: WorkflowJson,
	options: RunOptions,
): Promise<WorkflowRun> {
	const nodeTypes = createNodeTypes(options.extraNodeTypes);
	const pinData = { ...workflowJson.pinData, ...options.pinData };
	const workflow = new Workflow({
		id: 'local',
		name: workflowJson.name ?? 'workflow',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		active: false,
		nodeTypes,
		pinData,
		settings: workflowJson.settings,
		staticData: options.staticData,
	});
	const executionId = String(++executionCounter);
	const workflowData: IWorkflowBase = {
		id: 'local',
		name: workflow.name ?? 'workflow',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
	};
	const additionalData = {
		credentialsHelper: new RunCredentialsHelper(options.credentials),
		hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
		executionId,
		variables: {},
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
	} as unknown as IWorkflowExecuteAdditionalData;

	const startNode = workflowJson.nodes.find(
		(node) => !hasIncomingConnection(workflowJson, node.name),
	);
	const run = await runEngine(
		new WorkflowExecute(additionalData, 'manual'),
		workflow,
		startNode,
		pinData,
	);
	return {
		run,
		output(nodeName, outputIndex = 0) {
			const taskData = run.data.resultData.runData[nodeName]?.[0];
			return taskData?.data?.main?.[outputIndex] ?? [];
		},
	};
}

function hasIncomingConnection(workflowJson: WorkflowJson, nodeName: string): boolean {
	return Object.values(workflowJson.connections).some((byType) =>
		Object.values(byType).some((outputs) =>
			outputs?.some((targets) => targets?.some((target) => target.node === nodeName)),
		),
	);
}

/** n8n-core 2.20 and later take one object; 1.x and 2.0 take positional arguments. */
function runEngine(
	engine: WorkflowExecute,
	workflow: Workflow,
	startNode: INode | undefined,
	pinData: IPinData,
): Promise<IRun> {
	const run = engine.run as unknown as (...args: unknown[]) => Promise<IRun>;
	return run.length === 1
		? run.call(engine, { workflow, startNode, pinData })
		: run.call(engine, workflow, startNode, undefined, pinData);
}
