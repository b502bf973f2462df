import type { IConnections, INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from '../runner';

export const TRIGGER = 'Trigger';

/** A node of a chain: its name, type and parameters; the rest is what the editor would save. */
export type ChainNode = Pick<INode, 'name' | 'type' | 'typeVersion' | 'parameters'> &
	Partial<Pick<INode, 'credentials'>>;

/** A Manual Trigger followed by `nodes`, each feeding the next, as a user wires them. */
export function chain(nodes: ChainNode[]): WorkflowJson {
	const trigger: ChainNode = {
		name: TRIGGER,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		parameters: {},
	};
	const all = [trigger, ...nodes];
	const connections: IConnections = {};
	all.slice(1).forEach((node, index) => {
		connections[all[index].name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
	});
	return {
		name: 'bench',
		nodes: all.map((node, index) => ({ id: `node-${index}`, position: [index * 220, 0], ...node })),
		connections,
	};
}

export function smsPartnerNode(parameters: INodeParameters): ChainNode {
	return {
		name: 'SMS Partner',
		type: 'n8n-nodes-smspartner.smsPartner',
		typeVersion: 1,
		parameters,
		credentials: { smsPartnerApi: { id: '1', name: 'SMS Partner' } },
	};
}

/** n8n's HTTP Request node, as a user would set it up for this API: no credential, key in the request. */
export function httpRequestNode(parameters: INodeParameters): ChainNode {
	return {
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: { options: {}, ...parameters },
	};
}

/** Query parameters of the HTTP Request node, from name → value (an expression or a literal). */
export function queryParameters(query: Record<string, string>): INodeParameters {
	return {
		sendQuery: true,
		queryParameters: {
			parameters: Object.entries(query).map(([name, value]) => ({ name, value })),
		},
	};
}

/** A JSON body of the HTTP Request node, from name → value (an expression or a literal). */
export function jsonBodyParameters(body: Record<string, string>): INodeParameters {
	return {
		sendBody: true,
		contentType: 'json',
		specifyBody: 'keypair',
		bodyParameters: { parameters: Object.entries(body).map(([name, value]) => ({ name, value })) },
	};
}
