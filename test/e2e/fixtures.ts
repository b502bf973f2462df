import { readFileSync } from 'node:fs';
import path from 'node:path';

export type WorkflowJson = {
	id?: string;
	name: string;
	nodes: Array<Record<string, any>>;
	connections: Record<string, any>;
	pinData?: Record<string, Array<{ json: Record<string, unknown> }>>;
	[key: string]: unknown;
};

export function loadExample(file: string): WorkflowJson {
	return JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'examples', file), 'utf8'));
}

/**
 * `n8n execute` runs in CLI mode, where n8n ignores pinned data (only manual runs in the editor use
 * it): the manual trigger then emits one empty item. This copy of an example feeds the trigger's
 * pinned items in for real, through an Edit Fields node (raw JSON) and a Split Out node, so the SMS
 * Partner nodes see what a user running the example in the editor sees. `items` replaces them.
 */
export function withPinnedItemsAsNodes(
	workflow: WorkflowJson,
	id: string,
	items?: Array<Record<string, unknown>>,
): WorkflowJson {
	const [trigger, pinned] = Object.entries(workflow.pinData ?? {})[0];
	const triggerNode = workflow.nodes.find((node) => node.name === trigger);
	if (!triggerNode) throw new Error(`${workflow.name}: no node "${trigger}"`);
	const [x, y] = triggerNode.position as [number, number];
	const fields = `${trigger} (items)`;
	const split = `${trigger} (split)`;
	return {
		...workflow,
		id,
		name: `${workflow.name} (e2e)`,
		pinData: {},
		nodes: [
			...workflow.nodes,
			{
				parameters: {
					mode: 'raw',
					jsonOutput: JSON.stringify({ items: items ?? pinned.map((item) => item.json) }),
					options: {},
				},
				id: `${id}-items`,
				name: fields,
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [x, y + 200],
			},
			{
				parameters: { fieldToSplitOut: 'items', options: {} },
				id: `${id}-split`,
				name: split,
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [x, y + 400],
			},
		],
		connections: {
			...workflow.connections,
			[trigger]: { main: [[{ node: fields, type: 'main', index: 0 }]] },
			[fields]: { main: [[{ node: split, type: 'main', index: 0 }]] },
			[split]: workflow.connections[trigger],
		},
	};
}
