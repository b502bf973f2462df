import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_MAX_CONCURRENT_REQUESTS } from '../nodes/SmsPartner/shared/concurrency';
import { chunksOf } from '../nodes/SmsPartner/shared/convert';
import { MAX_NUMBERS_PER_REQUEST } from '../nodes/SmsPartner/shared/phone-numbers';
import type { WorkflowJson } from '../runner';
import { sendSms } from '../simulator/seed';
import { inPool, type JsonAnswer, type RawClient } from './raw-client';
import {
	chain,
	httpRequestNode,
	jsonBodyParameters,
	queryParameters,
	smsPartnerNode,
	type ChainNode,
} from './workflow';

export const CONTENDERS = ['raw', 'httpRequest', 'node'] as const;
export type ContenderName = (typeof CONTENDERS)[number];

export const CONTENDER_LABELS: Record<ContenderName, string> = {
	raw: 'raw client',
	httpRequest: 'HTTP Request node',
	node: 'SMS Partner node',
};

/** The simulator as a scenario reaches it. */
export interface Api {
	/** 'http://127.0.0.1:<port>/v1' */
	baseUrl: string;
	apiKey: string;
	client: RawClient;
}

/** What is timed: a plain function (the raw client) or a workflow run by the engine. */
export type Contender =
	| { kind: 'raw'; run(): Promise<unknown[]> }
	| { kind: 'workflow'; workflow: WorkflowJson; input: IDataObject[]; outputNode: string };

export interface Scenario {
	id: number;
	title: string;
	/** How many requests each contender keeps in flight at most, for the results. */
	concurrency: Record<ContenderName, string>;
	/** Seeds the simulator (not timed) and returns how to build each contender. */
	prepare(api: Api): Promise<Record<ContenderName, () => Contender>>;
}

/** The SMS Partner node's default Max Concurrent Requests, which the raw client matches. */
export const NODE_CONCURRENCY = DEFAULT_MAX_CONCURRENT_REQUESTS;
/** What the API takes per request: numbers of a send, pairs of /multi-status. */
const PER_REQUEST = MAX_NUMBERS_PER_REQUEST;
const TEXT = 'Rappel : rendez-vous demain à 10h.';
/** The HTTP Request node starts every item's request at once. */
const ALL_AT_ONCE = 'all items';

/** `count` distinct French mobile numbers in international form. */
function phoneNumbers(count: number): string[] {
	return Array.from({ length: count }, (_, index) => `+336${String(index).padStart(8, '0')}`);
}

function workflowContender(nodes: ChainNode[], input: IDataObject[]): Contender {
	return {
		kind: 'workflow',
		workflow: chain(nodes),
		input,
		outputNode: nodes[nodes.length - 1].name,
	};
}

/** Sends one SMS per list of numbers, `NODE_CONCURRENCY` at a time; resolves with the message IDs. */
function seedSends(
	api: Api,
	numberLists: string[][],
	extra: { tag?: string; at?: Date } = {},
): Promise<number[]> {
	return inPool(numberLists, NODE_CONCURRENCY, (numbers) =>
		sendSms(api.baseUrl, api.apiKey, { phoneNumbers: numbers, message: TEXT, ...extra }),
	);
}

/** The API's 5-minute step at least `minutes` from now (the simulator's clock runs with real time). */
function stepAfter(minutes: number): Date {
	const step = 5 * 60_000;
	return new Date(Math.ceil((Date.now() + minutes * 60_000) / step) * step);
}

const cancelDeferred: Scenario = {
	id: 1,
	title: 'cancel 1,000 deferred SMS',
	concurrency: {
		raw: String(NODE_CONCURRENCY),
		httpRequest: ALL_AT_ONCE,
		node: `${NODE_CONCURRENCY} (default)`,
	},
	async prepare(api) {
		const at = stepAfter(120);
		const messageIds = await seedSends(
			api,
			phoneNumbers(1_000).map((number) => [number]),
			{ at },
		);
		const input = messageIds.map((messageId) => ({ messageId }));
		return {
			raw: () => ({
				kind: 'raw',
				run: () =>
					inPool(messageIds, NODE_CONCURRENCY, (messageId) =>
						api.client.get('/message-cancel', { apiKey: api.apiKey, messageId }),
					),
			}),
			httpRequest: () =>
				workflowContender(
					[
						httpRequestNode({
							method: 'GET',
							url: `${api.baseUrl}/message-cancel`,
							...queryParameters({ apiKey: api.apiKey, messageId: '={{ $json.messageId }}' }),
						}),
					],
					input,
				),
			node: () =>
				workflowContender(
					[
						smsPartnerNode({
							resource: 'sms',
							operation: 'cancel',
							messageId: '={{ $json.messageId }}',
						}),
					],
					input,
				),
		};
	},
};

const manyStatuses: Scenario = {
	id: 2,
	title: 'statuses of 10,000 (message, number) pairs',
	concurrency: { raw: '1', httpRequest: ALL_AT_ONCE, node: '1 (one item)' },
	async prepare(api) {
		const numberLists = chunksOf(phoneNumbers(10_000), PER_REQUEST);
		const messageIds = await seedSends(api, numberLists);
		const pairs = numberLists.flatMap((numbers, index) =>
			numbers.map((phoneNumber) => ({ messageId: messageIds[index], phoneNumber })),
		);
		return {
			raw: () => ({
				kind: 'raw',
				run: async () => {
					const answers = await inPool(chunksOf(pairs, PER_REQUEST), 1, (list) =>
						api.client.post('/multi-status', { apiKey: api.apiKey, SMSStatut_List: list }),
					);
					return answers.flatMap((answer) => answer.StatutResponse_List as unknown[]);
				},
			}),
			httpRequest: () =>
				workflowContender(
					[
						httpRequestNode({
							method: 'GET',
							url: `${api.baseUrl}/message-status`,
							...queryParameters({
								apiKey: api.apiKey,
								messageId: '={{ $json.messageId }}',
								phoneNumber: '={{ $json.phoneNumber }}',
							}),
						}),
					],
					pairs,
				),
			// As the node's README wires it: every pair into one item, then one node run.
			node: () =>
				workflowContender(
					[
						{
							name: 'Aggregate',
							type: 'n8n-nodes-base.aggregate',
							typeVersion: 1,
							parameters: { aggregate: 'aggregateAllItemData', destinationFieldName: 'pairs' },
						},
						smsPartnerNode({
							resource: 'sms',
							operation: 'getManyStatuses',
							pairsSource: 'list',
							pairList: '={{ $json.pairs }}',
						}),
					],
					pairs,
				),
		};
	},
};

const TAG = 'bench';
const STATUS_LIST = 'StatutResponse_List';

/** Pages of /bulk-status-by-tag one after another, stopping where the node stops. */
async function allTagPages(api: Api): Promise<unknown[]> {
	const rows: unknown[] = [];
	let firstPageSize = 0;
	for (let page = 1; page <= 10_000; page++) {
		const answer: JsonAnswer = await api.client.get('/bulk-status-by-tag', {
			apiKey: api.apiKey,
			tag: TAG,
			page,
		});
		const list = answer[STATUS_LIST] as unknown[];
		rows.push(...list);
		if (page === 1) firstPageSize = list.length;
		if (list.length === 0 || list.length < firstPageSize) return rows;
	}
	throw new Error('still more pages after 10,000 pages');
}

const statusByTag: Scenario = {
	id: 3,
	title: 'Get Status by Tag over 100,000 statuses (Return All)',
	concurrency: { raw: '1 (page after page)', httpRequest: '1', node: '1' },
	async prepare(api) {
		await seedSends(api, chunksOf(phoneNumbers(100_000), PER_REQUEST), { tag: TAG });
		return {
			raw: () => ({ kind: 'raw', run: () => allTagPages(api) }),
			// n8n's own pagination, then Split Out: one item per status, as the node gives.
			httpRequest: () =>
				workflowContender(
					[
						httpRequestNode({
							method: 'GET',
							url: `${api.baseUrl}/bulk-status-by-tag`,
							...queryParameters({ apiKey: api.apiKey, tag: TAG }),
							options: {
								pagination: {
									pagination: {
										paginationMode: 'updateAParameterInEachRequest',
										parameters: {
											parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }],
										},
										paginationCompleteWhen: 'other',
										completeExpression: `={{ $response.body.${STATUS_LIST}.length === 0 }}`,
									},
								},
							},
						}),
						{
							name: 'Split Out',
							type: 'n8n-nodes-base.splitOut',
							typeVersion: 1,
							parameters: { fieldToSplitOut: STATUS_LIST },
						},
					],
					[{}],
				),
			node: () =>
				workflowContender(
					[
						smsPartnerNode({
							resource: 'sms',
							operation: 'getStatusByTag',
							tag: TAG,
							returnAll: true,
						}),
					],
					[{}],
				),
		};
	},
};

const bulkSend: Scenario = {
	id: 4,
	title: 'send to 10,000 recipients',
	concurrency: { raw: '1', httpRequest: ALL_AT_ONCE, node: '1 (one item)' },
	async prepare(api) {
		const numbers = phoneNumbers(10_000);
		return {
			raw: () => ({
				kind: 'raw',
				run: () =>
					inPool(chunksOf(numbers, PER_REQUEST), 1, (list) =>
						api.client.post('/send', {
							apiKey: api.apiKey,
							phoneNumbers: list.join(','),
							message: TEXT,
						}),
					),
			}),
			httpRequest: () =>
				workflowContender(
					[
						httpRequestNode({
							method: 'POST',
							url: `${api.baseUrl}/send`,
							...jsonBodyParameters({
								apiKey: api.apiKey,
								phoneNumbers: '={{ $json.phoneNumber }}',
								message: TEXT,
							}),
						}),
					],
					numbers.map((phoneNumber) => ({ phoneNumber })),
				),
			// One item holding every number; the node sends them 500 per request.
			node: () =>
				workflowContender(
					[
						smsPartnerNode({
							resource: 'sms',
							operation: 'send',
							phoneNumbers: '={{ $json.phoneNumbers }}',
							message: TEXT,
							sendInBatches: true,
						}),
					],
					[{ phoneNumbers: numbers }],
				),
		};
	},
};

export const SCENARIOS: readonly Scenario[] = [cancelDeferred, manyStatuses, statusByTag, bulkSend];

/** Requests of the simulator's own throughput measure, before the scenarios. */
export const PROBE_REQUESTS = 5_000;

/**
 * The simulator alone: the raw client reading single statuses at the node's concurrency, so that
 * the reader sees how far the simulator is from being what limits the scenarios.
 */
export async function prepareThroughputProbe(api: Api): Promise<() => Promise<unknown[]>> {
	const numbers = phoneNumbers(PER_REQUEST);
	const [messageId] = await seedSends(api, [numbers]);
	const reads = Array.from(
		{ length: PROBE_REQUESTS },
		(_, index) => numbers[index % numbers.length],
	);
	return () =>
		inPool(reads, NODE_CONCURRENCY, (phoneNumber) =>
			api.client.get('/message-status', { apiKey: api.apiKey, messageId, phoneNumber }),
		);
}
