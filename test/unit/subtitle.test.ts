import { Workflow, type INodeProperties } from 'n8n-workflow';

import { SmsPartner } from '../../nodes/SmsPartner/SmsPartner.node';
import { createNodeTypes } from '../../runner/node-types';

const { description } = new SmsPartner();

/** The subtitle as n8n's expression engine evaluates it for a node with these parameters. */
function subtitleFor(resource: string, operation: string): unknown {
	const node = {
		id: 'n1',
		name: 'SMS Partner',
		type: 'n8n-nodes-smspartner.smsPartner',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: { resource, operation },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: createNodeTypes(),
	});
	return workflow.expression.getSimpleParameterValue(node, description.subtitle!, 'manual', {});
}

/** Every (resource, operation) pair the node offers, with their labels. */
function operations(): Array<{ resource: string; operation: string; label: string }> {
	const resources = description.properties.find((property) => property.name === 'resource')!;
	return description.properties
		.filter((property): property is INodeProperties => property.name === 'operation')
		.flatMap((property) =>
			(property.displayOptions!.show!.resource as string[]).flatMap((resource) =>
				(property.options as Array<{ name: string; value: string }>).map((option) => ({
					resource,
					operation: option.value,
					label: `${(resources.options as Array<{ name: string; value: string }>).find((entry) => entry.value === resource)!.name}: ${option.name}`,
				})),
			),
		);
}

describe('the canvas subtitle', () => {
	it('reads "Resource: Operation" with the labels the editor shows', () => {
		expect(subtitleFor('sms', 'getStatusByTag')).toBe('SMS: Get Status by Tag');
		expect(subtitleFor('stopList', 'remove')).toBe('Stop List: Remove');
		expect(subtitleFor('subAccount', 'create')).toBe('Sub-Account: Create');
	});

	it('has a label for every operation of every resource', () => {
		const all = operations();
		expect(all.length).toBeGreaterThan(25);
		for (const { resource, operation, label } of all) {
			expect(subtitleFor(resource, operation)).toBe(label);
		}
	});

	it('shows nothing rather than "undefined" for a pair it does not know', () => {
		expect(subtitleFor('sms', 'noSuchOperation')).toBe('');
	});
});
