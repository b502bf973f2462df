import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { sendSms } from '../../simulator/seed';
import { apiGet, apiPost } from '../simulator/http';
import { minutesFromNow } from './helpers';

/** The account an operation's setup works on: the simulator and the credential's API key. */
export interface Account {
	sim: Simulator;
	apiKey: string;
}

/**
 * Whether a failed request is sent again after its answer was lost (5xx, cut or unreadable
 * answer, reset, timeout): reads and cancels are; sends and other changes only after a rate limit.
 */
export type RetryKind = 'any-temporary-failure' | 'only-untouched';

export interface CatalogueOperation {
	resource: string;
	operation: string;
	method: 'GET' | 'POST' | 'DELETE';
	/** API path without the /v1 prefix, as the simulator's fault rules take it. */
	path: string;
	retry: RetryKind;
	/** Valid node parameters; per-item values come from the input items through expressions. */
	parameters: INodeParameters;
	/**
	 * Prepares the simulator (a scheduled SMS to cancel, a group for contacts…) and gives the
	 * fields of `count` input items, each of which the operation handles on its own.
	 */
	inputs(account: Account, count: number): Promise<IDataObject[]>;
	/** What the single output item of an input item handled normally holds, at least. */
	result(input: IDataObject): IDataObject;
}

const PHONE_NUMBERS = ['+33612345670', '+33612345671', '+33612345672', '+33612345673'];
const NOTIFY_URL = 'https://n8n.example.com/webhook/hlr-results';
const MESSAGE = 'Rappel : rendez-vous demain à 10h.';

/** The `index`th of a few distinct French mobile numbers, in international form. */
function phoneNumber(index: number): string {
	const number = PHONE_NUMBERS[index];
	if (number === undefined) throw new Error(`only ${PHONE_NUMBERS.length} numbers are set aside`);
	return number;
}

function times<T>(count: number, make: (index: number) => Promise<T> | T): Promise<T[]> {
	return Promise.all(Array.from({ length: count }, (_, index) => make(index)));
}

/** Answers a setup request as the API would; a refusal means the setup itself is wrong. */
async function accepted(reply: Promise<{ body: any; text: string }>): Promise<any> {
	const { body, text } = await reply;
	if (body?.success !== true) throw new Error(`the simulator refused a setup request: ${text}`);
	return body;
}

async function createGroup({ sim, apiKey }: Account, name: string): Promise<number> {
	return (await accepted(apiPost(sim, '/group/add', { apiKey, name }))).groupId;
}

async function createContact(account: Account, groupId: number, index: number): Promise<number> {
	const { sim, apiKey } = account;
	const contact = { phoneNumber: phoneNumber(index) };
	return (await accepted(apiPost(sim, '/contact/add', { apiKey, groupId, contact }))).contact
		.contactId;
}

/** Contacts created one after the other, so that their IDs follow the input order. */
async function contacts(account: Account, count: number): Promise<IDataObject[]> {
	const groupId = await createGroup(account, 'Clients');
	const inputs: IDataObject[] = [];
	for (let index = 0; index < count; index++) {
		inputs.push({ contactId: await createContact(account, groupId, index), groupId });
	}
	return inputs;
}

async function createSubAccount({ sim, apiKey }: Account, index: number): Promise<string> {
	const parameters = { email: `shop-${index}@example.com`, creditToAttribute: 10 };
	const body = await accepted(
		apiPost(sim, '/subaccount/create', { apiKey, type: 'simple', parameters }),
	);
	return body.subaccount.token;
}

/** One SMS per item, each to its own number; `at` schedules them. */
async function sentSms(
	{ sim, apiKey }: Account,
	count: number,
	request: { at?: Date; tag?: (index: number) => string } = {},
): Promise<Array<{ messageId: number; phoneNumber: string; tag?: string }>> {
	const sent = [];
	for (let index = 0; index < count; index++) {
		const tag = request.tag?.(index);
		const phoneNumbers = [phoneNumber(index)];
		const messageId = await sendSms(sim.baseUrl, apiKey, {
			phoneNumbers,
			message: MESSAGE,
			tag,
			at: request.at,
		});
		sent.push({ messageId, phoneNumber: phoneNumbers[0], ...(tag ? { tag } : {}) });
	}
	return sent;
}

/** Stateless operations: each item only brings its own phone number. */
const phoneNumberInputs = async (_account: Account, count: number) =>
	times(count, (index) => ({ phoneNumber: phoneNumber(index) }));

/** Operations that list things: each item asks for one row of the same one-row list. */
const ONE_ROW = { returnAll: false, limit: 1 };

const FROM_INPUT = {
	contactId: '={{ $json.contactId }}',
	groupId: '={{ $json.groupId }}',
	phoneNumber: '={{ $json.phoneNumber }}',
	phoneNumbers: '={{ $json.phoneNumber }}',
	messageId: '={{ $json.messageId }}',
	token: '={{ $json.token }}',
};

/** Every operation of the node, with what it needs to succeed. */
export const OPERATIONS: CatalogueOperation[] = [
	{
		resource: 'account',
		operation: 'get',
		method: 'GET',
		path: '/me',
		retry: 'any-temporary-failure',
		parameters: {},
		inputs: async (_account, count) => times(count, () => ({})),
		result: () => ({ username: 'simulateur@example.com', currency: 'EUR' }),
	},
	{
		resource: 'contact',
		operation: 'create',
		method: 'POST',
		path: '/contact/add',
		retry: 'only-untouched',
		parameters: { groupId: FROM_INPUT.groupId, phoneNumber: FROM_INPUT.phoneNumber },
		inputs: async (account, count) => {
			const groupId = await createGroup(account, 'Clients');
			return times(count, (index) => ({ groupId, phoneNumber: phoneNumber(index) }));
		},
		result: ({ groupId, phoneNumber }) => ({ groupId, phoneNumber }),
	},
	{
		resource: 'contact',
		operation: 'delete',
		method: 'POST',
		path: '/contact/delete',
		retry: 'only-untouched',
		parameters: { contactId: FROM_INPUT.contactId },
		inputs: contacts,
		result: ({ contactId }) => ({ success: true, contactId }),
	},
	{
		resource: 'contact',
		operation: 'get',
		method: 'GET',
		path: '/contact/detail',
		retry: 'any-temporary-failure',
		parameters: { contactId: FROM_INPUT.contactId },
		inputs: contacts,
		result: ({ contactId }) => ({ contactId }),
	},
	{
		resource: 'contact',
		operation: 'getMany',
		method: 'GET',
		path: '/contact/list',
		retry: 'any-temporary-failure',
		parameters: { groupId: FROM_INPUT.groupId, ...ONE_ROW },
		inputs: async (account, count) => {
			const [{ groupId, contactId }] = await contacts(account, 1);
			return times(count, () => ({ groupId, contactId }));
		},
		result: ({ contactId }) => ({ contactId, phoneNumber: phoneNumber(0) }),
	},
	{
		resource: 'contact',
		operation: 'update',
		method: 'POST',
		path: '/contact/update',
		retry: 'only-untouched',
		parameters: { contactId: FROM_INPUT.contactId, updateFields: { firstname: 'Camille' } },
		inputs: contacts,
		result: ({ contactId }) => ({ contactId, firstname: 'Camille' }),
	},
	{
		resource: 'group',
		operation: 'create',
		method: 'POST',
		path: '/group/add',
		retry: 'only-untouched',
		parameters: { name: '={{ $json.name }}' },
		inputs: async (_account, count) => times(count, (index) => ({ name: `Clients ${index}` })),
		result: ({ name }) => ({ name, groupId: expect.any(Number) }),
	},
	{
		resource: 'group',
		operation: 'delete',
		method: 'POST',
		path: '/group/delete',
		retry: 'only-untouched',
		parameters: { groupId: FROM_INPUT.groupId },
		inputs: async (account, count) => {
			const inputs: IDataObject[] = [];
			for (let index = 0; index < count; index++) {
				inputs.push({ groupId: await createGroup(account, `Clients ${index}`) });
			}
			return inputs;
		},
		result: ({ groupId }) => ({ success: true, groupId }),
	},
	{
		resource: 'group',
		operation: 'getMany',
		method: 'GET',
		path: '/group/list',
		retry: 'any-temporary-failure',
		parameters: ONE_ROW,
		inputs: async (account, count) => {
			const groupId = await createGroup(account, 'Clients');
			return times(count, () => ({ groupId }));
		},
		result: ({ groupId }) => ({ groupId, name: 'Clients' }),
	},
	{
		resource: 'number',
		operation: 'lookup',
		method: 'POST',
		path: '/lookup',
		retry: 'any-temporary-failure',
		parameters: { phoneNumbers: FROM_INPUT.phoneNumbers },
		inputs: phoneNumberInputs,
		result: ({ phoneNumber }) => ({ valid: true, phoneNumber }),
	},
	{
		resource: 'number',
		operation: 'verify',
		method: 'POST',
		path: '/hlr/notify',
		retry: 'only-untouched',
		parameters: { phoneNumbers: FROM_INPUT.phoneNumbers, notifyUrl: NOTIFY_URL },
		inputs: phoneNumberInputs,
		result: () => ({ campaignId: expect.any(String), numbers: 1 }),
	},
	{
		resource: 'sms',
		operation: 'send',
		method: 'POST',
		path: '/send',
		retry: 'only-untouched',
		parameters: { phoneNumbers: FROM_INPUT.phoneNumbers, message: MESSAGE },
		inputs: phoneNumberInputs,
		result: ({ phoneNumber }) => ({ success: true, phoneNumbers: [phoneNumber] }),
	},
	{
		resource: 'sms',
		operation: 'sendBulk',
		method: 'POST',
		path: '/bulk-send',
		retry: 'only-untouched',
		parameters: { smsList: '={{ [{ phoneNumber: $json.phoneNumber, message: $json.message }] }}' },
		inputs: async (_account, count) =>
			times(count, (index) => ({ phoneNumber: phoneNumber(index), message: MESSAGE })),
		result: ({ phoneNumber }) => ({ success: true, phoneNumber }),
	},
	{
		resource: 'sms',
		operation: 'sendLongNumber',
		method: 'POST',
		path: '/vn/send',
		retry: 'only-untouched',
		parameters: {
			from: '+33 7 00 00 00 01',
			phoneNumbers: FROM_INPUT.phoneNumbers,
			message: MESSAGE,
		},
		inputs: phoneNumberInputs,
		result: ({ phoneNumber }) => ({ success: true, phoneNumbers: [phoneNumber] }),
	},
	{
		resource: 'sms',
		operation: 'sendSurvey',
		method: 'POST',
		path: '/sondage/to/send',
		retry: 'only-untouched',
		parameters: { phoneNumbers: FROM_INPUT.phoneNumbers, surveyId: 'satisfaction-2026' },
		inputs: phoneNumberInputs,
		result: ({ phoneNumber }) => ({ success: true, phoneNumbers: [phoneNumber] }),
	},
	{
		resource: 'sms',
		operation: 'cancel',
		method: 'GET',
		path: '/message-cancel',
		retry: 'any-temporary-failure',
		parameters: { messageId: FROM_INPUT.messageId },
		inputs: async (account, count) =>
			sentSms(account, count, { at: minutesFromNow(account.sim, 120) }),
		result: ({ messageId }) => ({ success: true, messageId }),
	},
	{
		resource: 'sms',
		operation: 'getStatus',
		method: 'GET',
		path: '/message-status',
		retry: 'any-temporary-failure',
		parameters: { messageId: FROM_INPUT.messageId, phoneNumber: FROM_INPUT.phoneNumber },
		inputs: sentSms,
		result: ({ messageId, phoneNumber }) => ({ messageId, phoneNumber }),
	},
	{
		resource: 'sms',
		operation: 'getStatusByMessage',
		method: 'GET',
		path: '/bulk-status',
		retry: 'any-temporary-failure',
		parameters: { messageId: FROM_INPUT.messageId },
		inputs: sentSms,
		result: ({ messageId, phoneNumber }) => ({ messageId, phoneNumber }),
	},
	{
		resource: 'sms',
		operation: 'getManyStatuses',
		method: 'POST',
		path: '/multi-status',
		retry: 'any-temporary-failure',
		parameters: {
			pairList: '={{ [{ messageId: $json.messageId, phoneNumber: $json.phoneNumber }] }}',
		},
		inputs: sentSms,
		result: ({ messageId, phoneNumber }) => ({ messageId, phoneNumber, found: true }),
	},
	{
		resource: 'sms',
		operation: 'getStatusByTag',
		method: 'GET',
		path: '/bulk-status-by-tag',
		retry: 'any-temporary-failure',
		parameters: { tag: '={{ $json.tag }}', ...ONE_ROW },
		inputs: async (account, count) => sentSms(account, count, { tag: (index) => `rdv-${index}` }),
		result: ({ tag, phoneNumber }) => ({ tag, phoneNumber }),
	},
	{
		resource: 'statistics',
		operation: 'getCostSummary',
		method: 'GET',
		path: '/statistics/cost-resume',
		retry: 'any-temporary-failure',
		parameters: { interval: 'lastMonth' },
		inputs: async (_account, count) => times(count, () => ({})),
		result: () => ({ type: 'month' }),
	},
	{
		resource: 'stopList',
		operation: 'add',
		method: 'POST',
		path: '/stop-sms/add',
		retry: 'only-untouched',
		parameters: { phoneNumber: FROM_INPUT.phoneNumber },
		inputs: phoneNumberInputs,
		result: ({ phoneNumber }) => ({ success: true, phoneNumber }),
	},
	{
		resource: 'stopList',
		operation: 'getMany',
		method: 'GET',
		path: '/stop-sms/list',
		retry: 'any-temporary-failure',
		parameters: ONE_ROW,
		inputs: async ({ sim, apiKey }, count) => {
			sim.addStopNumber(phoneNumber(0), apiKey);
			return times(count, () => ({}));
		},
		result: () => ({ phoneNumber: phoneNumber(0) }),
	},
	{
		resource: 'stopList',
		operation: 'remove',
		method: 'GET',
		path: '/stop-sms/delete',
		retry: 'only-untouched',
		parameters: { id: '={{ $json.id }}' },
		inputs: async ({ sim, apiKey }, count) => {
			for (let index = 0; index < count; index++) sim.addStopNumber(phoneNumber(index), apiKey);
			const list = await accepted(apiGet(sim, '/stop-sms/list', { apiKey }));
			return (list.data as Array<{ id: number }>).map(({ id }) => ({ id }));
		},
		result: ({ id }) => ({ success: true, id }),
	},
	{
		resource: 'subAccount',
		operation: 'addCredit',
		method: 'POST',
		path: '/subaccount/credit/add',
		retry: 'only-untouched',
		parameters: { subAccount: FROM_INPUT.token, credit: 1 },
		inputs: async (account, count) =>
			times(count, async (index) => ({
				token: await createSubAccount(account, index),
			})),
		result: ({ token }) => ({ token, currency: 'EUR' }),
	},
	{
		resource: 'subAccount',
		operation: 'create',
		method: 'POST',
		path: '/subaccount/create',
		retry: 'only-untouched',
		parameters: { subAccountType: 'simple', email: '={{ $json.email }}' },
		inputs: async (_account, count) =>
			times(count, (index) => ({ email: `shop-${index}@example.com` })),
		result: ({ email }) => ({ email, token: expect.any(String) }),
	},
	{
		resource: 'subAccount',
		operation: 'delete',
		method: 'DELETE',
		path: '/subaccount/remove',
		retry: 'only-untouched',
		parameters: { subAccount: FROM_INPUT.token },
		inputs: async (account, count) =>
			times(count, async (index) => ({
				token: await createSubAccount(account, index),
			})),
		result: ({ token }) => ({ success: true, token }),
	},
	{
		resource: 'subAccount',
		operation: 'getMany',
		method: 'GET',
		path: '/subaccount/list',
		retry: 'any-temporary-failure',
		parameters: ONE_ROW,
		inputs: async (account, count) => {
			const token = await createSubAccount(account, 0);
			return times(count, () => ({ token }));
		},
		result: ({ token }) => ({ token, email: 'shop-0@example.com' }),
	},
	{
		resource: 'subAccount',
		operation: 'removeCredit',
		method: 'POST',
		path: '/subaccount/credit/remove',
		retry: 'only-untouched',
		parameters: { subAccount: FROM_INPUT.token, credit: 1 },
		inputs: async (account, count) =>
			times(count, async (index) => ({
				token: await createSubAccount(account, index),
			})),
		result: ({ token }) => ({ token, currency: 'EUR' }),
	},
];
