import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { requestApi, withQuery } from '../../shared/request';
import { parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { ID_PATTERN, InvalidParameterError, isBlank, shown, textOf } from '../../shared/validation';
import { retryOnlyUntouched } from '../../shared/retry';

const show = { resource: ['stopList'], operation: ['remove'] };

/** Positions of the values in the XML answer, which has no keys. */
export const STOP_REMOVE_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
];

export const STOP_REMOVE_ERRORS: ApiErrorTexts = {
	3: 'SMS Partner received no entry ID. Fill in Entry ID with the id of the entry, as given by Get Many.',
	4: 'No entry with this ID is on the STOP list of this account: it was already removed, or the value is not an entry ID. Take the id from Get Many (not the phone number).',
};

/** STOP list entry IDs are positive integers (`id` in Get Many, `stopId` when added). */
export function checkEntryId(value: unknown): number {
	const hint =
		'Use the id of the entry from Get Many, e.g. 12. In an expression: {{ $json.id }}. To remove a number, first find its entry with Get Many.';
	if (isBlank(value)) throw new InvalidParameterError('Entry ID', 'Entry ID is empty', hint);
	const text = textOf(value);
	if (text === undefined || !ID_PATTERN.test(text)) {
		throw new InvalidParameterError(
			'Entry ID',
			`Entry ID ${shown(value)} is not an entry ID: it must be a positive whole number`,
			hint,
		);
	}
	return Number(text);
}

const removeStopEntry: OperationRun = async function (request) {
	const id = checkEntryId(this.getNodeParameter('id'));
	await requestApi(this, withQuery(request, { id }));
	return [{ success: true, id }];
};

export const removeOperation: INodePropertyOptions = {
	name: 'Remove',
	value: 'remove',
	action: 'Remove an entry from the STOP list',
	description:
		'Remove an entry from the STOP list by its entry ID (from Get Many), so that the number can receive SMS again',
	routing: {
		request: { method: 'GET', url: '/stop-sms/delete' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(
				removeStopEntry,
				STOP_REMOVE_ERRORS,
				retryOnlyUntouched(
					'The number may have been removed from the STOP list',
					'Check Stop List > Get Many',
				),
			),
		},
		output: { postReceive: [parseApiAnswer(STOP_REMOVE_RESPONSE)] },
	},
};

export const removeFields: INodeProperties[] = [
	{
		displayName: 'Entry ID',
		name: 'id',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 12',
		description:
			'The ID of the STOP list entry to remove, a positive whole number such as 12. It is not the phone number: it is the ID field of the entry in the output of Get Many (or of Add). To remove a number, run Get Many, keep the entry whose phoneNumber matches, and map its ID field here.',
		displayOptions: { show },
	},
];
