import { XMLParser } from 'fast-xml-parser';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyOptions,
	JsonObject,
} from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { requestApi } from '../../shared/request';
import { parseApiAnswer, type ApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { toNumberOrNull } from '../../shared/convert';
import { RETRY_ANY_TEMPORARY_FAILURE } from '../../shared/retry';

/**
 * Positions of the values in the XML answer, which has no keys. `user` is the documented
 * exception: its values are named elements, read by `namedUserFields`; the positions below only
 * serve an answer that would give them as anonymous entries like everything else.
 */
export const ACCOUNT_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	[
		'user',
		{
			record: [
				['username', 'string'],
				['firstname', 'string'],
				['lastname', 'string'],
			],
		},
	],
	[
		'credits',
		{
			record: [
				['creditSms', 'number'],
				['creditSmsECO', 'number'],
				['creditHlr', 'number'],
				['toSend', 'number'],
				['solde', 'string'],
				['currency', 'string'],
				['balance', 'string'],
			],
		},
	],
];

/** The only failure /me documents is a wrong key (10), which the common texts explain. */
export const ACCOUNT_ERRORS: ApiErrorTexts = {};

const USER_POSITION = 2;

const namedParser = new XMLParser({
	ignoreAttributes: true,
	ignoreDeclaration: true,
	parseTagValue: false,
	trimValues: true,
	isArray: (name) => name === 'entry',
});

/**
 * The `user` fields of an XML /me answer, which keeps their names (`<username>` …) where every
 * other value is an anonymous `<entry>`. Empty when the body is not XML or has no named fields.
 */
export function namedUserFields(body: unknown): Record<string, string> {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
	if (!text.trimStart().startsWith('<')) return {};
	const document = namedParser.parse(text) as { result?: { entry?: unknown[] } };
	const user = document.result?.entry?.[USER_POSITION];
	if (user === null || typeof user !== 'object') return {};
	const fields: Record<string, string> = {};
	for (const [name, value] of Object.entries(user)) {
		if (name !== 'entry' && typeof value === 'string') fields[name] = value;
	}
	return fields;
}

/** Parses the answer like every operation, then adds the named `user` fields of an XML answer. */
async function parseAccountAnswer(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const parsed = await parseApiAnswer(ACCOUNT_RESPONSE).call(this, items, response);
	const answer = parsed[0].json as unknown as ApiAnswer;
	const named = answer.body.success === true ? namedUserFields(response.body) : {};
	if (Object.keys(named).length > 0) {
		answer.body.user = { ...((answer.body.user ?? {}) as JsonObject), ...named };
	}
	return parsed;
}

function objectOf(value: unknown): JsonObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as JsonObject)
		: {};
}

/**
 * The account as one flat item. The ECO credit has had two names (`creditSmsECO`, earlier
 * `creditSmsLowCost`) and the balance comes as `balance` or `solde`, a string such as "10225.119".
 */
export function toAccount(body: JsonObject): IDataObject {
	const user = objectOf(body.user);
	const credits = objectOf(body.credits);
	const text = (value: unknown) => (typeof value === 'string' ? value : null);
	return {
		username: text(user.username),
		firstname: text(user.firstname),
		lastname: text(user.lastname),
		creditSms: toNumberOrNull(credits.creditSms),
		creditSmsEco: toNumberOrNull(credits.creditSmsECO ?? credits.creditSmsLowCost),
		creditHlr: toNumberOrNull(credits.creditHlr),
		toSend: toNumberOrNull(credits.toSend),
		balance: toNumberOrNull(credits.balance) ?? toNumberOrNull(credits.solde),
		currency: text(credits.currency),
	};
}

const getAccount: OperationRun = async function (request) {
	return [toAccount(await requestApi(this, request))];
};

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get the account credits',
	description:
		'Get the account: user name, money balance, and how many SMS and number checks it can still pay for',
	routing: {
		request: { method: 'GET', url: '/me' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(getAccount, ACCOUNT_ERRORS, RETRY_ANY_TEMPORARY_FAILURE),
		},
		output: { postReceive: [parseAccountAnswer] },
	},
};
