import type { INodeProperties } from 'n8n-workflow';

/**
 * One Message ID field for the operations that act on one SMS. n8n evaluates every property of
 * a declarative node for each item, expressions included, so one shared field instead of one per
 * operation spares two evaluations of the user's expression per item.
 */
export const messageIdField: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 307',
	description:
		'The ID of the SMS to cancel or to check: the message_id that SMS Partner returned when it was sent, a positive whole number such as 307',
	displayOptions: {
		show: { resource: ['sms'], operation: ['cancel', 'getStatus', 'getStatusByMessage'] },
	},
};
