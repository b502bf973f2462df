import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { returnAllAndLimit } from '../../shared/descriptions';
import { fetchPages, readLimit } from '../../shared/pagination';
import { withQuery } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkTag } from '../../shared/validation';
import { RECIPIENT_STATUS_LIST, STATUS_LIST, toRecipientStatus } from './recipient-status';
import { RETRY_ANY_TEMPORARY_FAILURE } from '../../shared/retry';

const show = { resource: ['sms'], operation: ['getStatusByTag'] };

/** Positions of the values in the XML answer, which has no keys. */
export const TAG_STATUS_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['currentPage', 'number'],
	['total', 'number'],
	[STATUS_LIST, RECIPIENT_STATUS_LIST],
];

export const TAG_STATUS_ERRORS: ApiErrorTexts = {
	3: 'SMS Partner received no tag. Fill in Tag.',
	4: 'No SMS sent with this tag was found on this account. Check the tag (it is case-sensitive) and that the credential belongs to the account that sent the SMS.',
};

/** One recipient's status, led by the tag that selected it. */
export function toTagStatus(row: JsonObject, tag: string): IDataObject {
	return { tag, ...toRecipientStatus(row) };
}

const getStatusesByTag: OperationRun = async function (request) {
	const tag = checkTag(this.getNodeParameter('tag'));
	const limit = readLimit(this);
	const rows = await fetchPages(this, withQuery(request, { tag }), {
		listKey: STATUS_LIST,
		limit,
		// [INF] a page past the last one may be reported as "not found"
		endCodes: [4],
	});
	return rows.slice(0, limit).map((row) => toTagStatus(row, tag));
};

export const getStatusByTagOperation: INodePropertyOptions = {
	name: 'Get Status by Tag',
	value: 'getStatusByTag',
	action: 'Get the statuses of SMS sent with a tag',
	description: 'Get the delivery status of every recipient of the SMS sent with a tag',
	routing: {
		request: { method: 'GET', url: '/bulk-status-by-tag' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(getStatusesByTag, TAG_STATUS_ERRORS, RETRY_ANY_TEMPORARY_FAILURE),
		},
		output: { postReceive: [parseApiAnswer(TAG_STATUS_RESPONSE)] },
	},
};

export const getStatusByTagFields: INodeProperties[] = [
	{
		displayName: 'Tag',
		name: 'tag',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. reminders-2026-11',
		description:
			'The tag given to the SMS when they were sent: up to 20 characters, no spaces, e.g. reminders-2026-11',
		displayOptions: { show },
	},
	...returnAllAndLimit('sms', 'getStatusByTag'),
];
