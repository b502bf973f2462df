import type { INodeProperties } from 'n8n-workflow';

import { checkPositiveId } from '../contact/shaping';

const GROUP_ID_HINT =
	'Choose a group from the list, or give the groupId returned when the group was created, e.g. 6363. In an expression: {{ $json.groupId }}.';

export function checkGroupId(value: unknown): number {
	return checkPositiveId(value, 'Group Name or ID', GROUP_ID_HINT);
}

/** The group picker: the account's groups, loaded by `getGroups`, or an ID from an expression. */
export function groupIdField(show: Record<string, string[]>, purpose: string): INodeProperties {
	return {
		displayName: 'Group Name or ID',
		name: 'groupId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		required: true,
		default: '',
		description: `${purpose} (its groupId, a positive whole number such as 6363). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		displayOptions: { show },
	};
}
