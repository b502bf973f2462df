import path from 'node:path';

import type { INodeType, IVersionedNodeType } from 'n8n-workflow';

import { n8nDir, selectedRelease } from '../scripts/n8n/install';

/** The installed n8n's packages. */
export const N8N_MODULES = path.join(n8nDir(selectedRelease()), 'node_modules');

/** n8n's own nodes that the contenders use: full type name → [file, exported class]. */
const N8N_NODES: Record<string, [string, string]> = {
	'n8n-nodes-base.httpRequest': ['HttpRequest/HttpRequest.node.js', 'HttpRequest'],
	'n8n-nodes-base.aggregate': ['Transform/Aggregate/Aggregate.node.js', 'Aggregate'],
	'n8n-nodes-base.splitOut': ['Transform/SplitOut/SplitOut.node.js', 'SplitOut'],
};

type NodeType = INodeType | IVersionedNodeType;

/** Instances of n8n's nodes from the installed n8n, for `runWorkflow`'s `extraNodeTypes`. */
export function loadN8nNodes(): Record<string, NodeType> {
	const nodesDir = path.join(N8N_MODULES, 'n8n-nodes-base', 'dist', 'nodes');
	return Object.fromEntries(
		Object.entries(N8N_NODES).map(([name, [file, className]]) => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const exported = require(path.join(nodesDir, file)) as Record<string, new () => NodeType>;
			return [name, new exported[className]()];
		}),
	);
}
