import './engine-env';
import { DirectoryLoader } from 'n8n-core';
import type {
	IDataObject,
	INodeType,
	INodeTypes,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { SmsPartner } from '../nodes/SmsPartner/SmsPartner.node.js';
import { SmsPartnerTrigger } from '../nodes/SmsPartnerTrigger/SmsPartnerTrigger.node.js';

/**
 * The Manual Trigger as n8n defines it: emits one empty item, or the items pinned to it. The
 * example workflows start with it, so they import into n8n unchanged.
 */
export class ManualTrigger implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'When clicking "Execute workflow"' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

/**
 * The package's nodes, registered under the names n8n gives them, plus the Manual Trigger and any
 * `extra` types by full name (e.g. n8n's own HTTP Request node, for the benchmark).
 */
export function createNodeTypes(
	extra: Record<string, INodeType | IVersionedNodeType> = {},
): INodeTypes {
	const smsPartner = new SmsPartner();
	// n8n's loader adds the "Request Options" parameters (batching, timeout…) to declarative nodes.
	DirectoryLoader.applyDeclarativeNodeOptionParameters(smsPartner);
	const byName: Record<string, INodeType | IVersionedNodeType> = {
		'n8n-nodes-smspartner.smsPartner': smsPartner,
		'CUSTOM.smsPartner': smsPartner,
		'n8n-nodes-smspartner.smsPartnerTrigger': new SmsPartnerTrigger(),
		'n8n-nodes-base.manualTrigger': new ManualTrigger(),
		...extra,
	};
	const find = (name: string): INodeType | IVersionedNodeType => {
		const type = byName[name];
		if (!type) throw new Error(`Unknown node type "${name}"`);
		return type;
	};
	return {
		getByName: find,
		getByNameAndVersion: (name: string, version?: number) => {
			const type = find(name);
			return 'nodeVersions' in type ? type.getNodeType(version) : type;
		},
		getKnownTypes: (): IDataObject => ({}),
	};
}
