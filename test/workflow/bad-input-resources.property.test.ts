import {
	assertSurvivesBadInput,
	caseName,
	notABoolean,
	notOneOf,
	startBadInputHarness,
	type BadInputHarness,
	type FuzzedParameter,
	type OperationCase,
} from './bad-input';

const returnAllAndLimit: FuzzedParameter[] = [
	{ path: 'returnAll', kind: 'boolean', names: ['Return All'] },
	{ path: 'limit', kind: 'count', names: ['Limit'] },
];
/** An option every operation has, fuzzed on one operation per HTTP method. */
const options: FuzzedParameter[] = [
	{ path: 'options.rawResponse', kind: 'boolean', names: ['Raw Response'] },
];
const groupId: FuzzedParameter = { path: 'groupId', kind: 'id', names: ['Group Name or ID'] };
const contactId: FuzzedParameter = { path: 'contactId', kind: 'id', names: ['Contact ID'] };
const phoneNumber: FuzzedParameter = {
	path: 'phoneNumber',
	kind: 'phone',
	names: ['Phone Number'],
};
const phoneNumbers: FuzzedParameter = {
	path: 'phoneNumbers',
	kind: 'phones',
	names: ['Phone Numbers'],
};
const subAccountToken: FuzzedParameter = {
	path: 'subAccount',
	kind: 'token',
	names: ['Sub-Account Token'],
};
/** The contact fields of Create and Update, under their collection. */
const contactFields = (collection: string): FuzzedParameter[] => [
	{ path: `${collection}.custom1`, kind: 'text', names: ['Custom Field 1'] },
	{ path: `${collection}.custom2`, kind: 'text', names: ['Custom Field 2'] },
	{ path: `${collection}.custom3`, kind: 'text', names: ['Custom Field 3'] },
	{ path: `${collection}.custom4`, kind: 'text', names: ['Custom Field 4'] },
	{ path: `${collection}.date`, kind: 'date', names: ['Date'] },
	{ path: `${collection}.firstname`, kind: 'text', names: ['First Name'] },
	{ path: `${collection}.lastname`, kind: 'text', names: ['Last Name'] },
	{ path: `${collection}.url`, kind: 'url', names: ['URL'] },
];
const CONTACT_KEYS = [
	'phoneNumber',
	'firstname',
	'lastname',
	'date',
	'url',
	'custom1',
	'custom2',
	'custom3',
	'custom4',
];

const OPERATIONS: OperationCase[] = [
	{
		resource: 'account',
		operation: 'get',
		parameters: () => ({}),
		method: 'GET',
		path: '/me',
		keys: [],
		refusedCodes: [],
		fuzz: options,
	},
	{
		resource: 'statistics',
		operation: 'getCostSummary',
		parameters: () => ({ interval: 'custom', from: '2026-01-01', to: '2026-03-31' }),
		method: 'GET',
		path: '/statistics/cost-resume',
		keys: ['interval', 'from', 'to'],
		refusedCodes: [9],
		// SMS Partner answers 5 cost summaries per minute.
		maxItems: 5,
		fuzz: [
			{
				path: 'interval',
				kind: 'option',
				names: ['Interval'],
				refuses: notOneOf('lastMonth', 'lastTwelveMonths', 'custom'),
			},
			{ path: 'from', kind: 'date', names: ['From'] },
			{ path: 'to', kind: 'date', names: ['To'] },
		],
	},
	{
		resource: 'stopList',
		operation: 'getMany',
		parameters: () => ({ returnAll: false, limit: 50 }),
		method: 'GET',
		path: '/stop-sms/list',
		keys: [],
		refusedCodes: [],
		fuzz: returnAllAndLimit,
	},
	{
		resource: 'stopList',
		operation: 'add',
		parameters: () => ({ phoneNumber: '+33612345678' }),
		method: 'POST',
		path: '/stop-sms/add',
		keys: ['phoneNumber'],
		refusedCodes: [2, 9],
		fuzz: [phoneNumber],
	},
	{
		resource: 'stopList',
		operation: 'remove',
		parameters: ({ stopEntryId }) => ({ id: String(stopEntryId) }),
		method: 'GET',
		path: '/stop-sms/delete',
		keys: ['id'],
		refusedCodes: [3],
		fuzz: [{ path: 'id', kind: 'id', names: ['Entry ID'] }],
	},
	{
		resource: 'contact',
		operation: 'create',
		parameters: ({ groupId: id }) => ({
			groupId: id,
			phoneNumber: '+33698765432',
			additionalFields: {},
		}),
		method: 'POST',
		path: '/contact/add',
		keys: ['groupId', 'contact'],
		nestedKeys: { contact: CONTACT_KEYS },
		refusedCodes: [2, 9],
		fuzz: [groupId, phoneNumber, ...contactFields('additionalFields')],
	},
	{
		resource: 'contact',
		operation: 'delete',
		parameters: ({ contactId: id }) => ({ contactId: String(id) }),
		method: 'POST',
		path: '/contact/delete',
		keys: ['contactId'],
		refusedCodes: [],
		fuzz: [contactId],
	},
	{
		resource: 'contact',
		operation: 'get',
		parameters: ({ contactId: id }) => ({ contactId: String(id) }),
		method: 'GET',
		path: '/contact/detail',
		keys: ['contactId'],
		refusedCodes: [],
		fuzz: [contactId],
	},
	{
		resource: 'contact',
		operation: 'getMany',
		parameters: ({ groupId: id }) => ({ groupId: id, returnAll: false, limit: 50 }),
		method: 'GET',
		path: '/contact/list',
		keys: ['groupId', 'page'],
		refusedCodes: [],
		pages: true,
		fuzz: [groupId, ...returnAllAndLimit],
	},
	{
		resource: 'contact',
		operation: 'update',
		parameters: ({ contactId: id }) => ({
			contactId: String(id),
			updateFields: { firstname: 'Camille' },
		}),
		method: 'POST',
		path: '/contact/update',
		keys: ['contactId', 'contact'],
		nestedKeys: { contact: CONTACT_KEYS },
		refusedCodes: [2, 9],
		fuzz: [
			contactId,
			{ path: 'updateFields.phoneNumber', kind: 'phone', names: ['Phone Number'] },
			...contactFields('updateFields'),
		],
	},
	{
		resource: 'group',
		operation: 'create',
		parameters: () => ({ name: 'Customers 2026' }),
		method: 'POST',
		path: '/group/add',
		keys: ['name'],
		refusedCodes: [],
		fuzz: [{ path: 'name', kind: 'text', names: ['Name'] }, ...options],
	},
	{
		resource: 'group',
		operation: 'delete',
		parameters: ({ groupId: id }) => ({ groupId: id }),
		method: 'POST',
		path: '/group/delete',
		keys: ['groupId'],
		refusedCodes: [],
		fuzz: [groupId],
	},
	{
		resource: 'group',
		operation: 'getMany',
		parameters: () => ({ returnAll: false, limit: 50 }),
		method: 'GET',
		path: '/group/list',
		keys: [],
		refusedCodes: [],
		fuzz: returnAllAndLimit,
	},
	{
		resource: 'number',
		operation: 'lookup',
		parameters: () => ({ phoneNumbers: '+33612345678' }),
		method: 'POST',
		path: '/lookup',
		keys: ['phoneNumbers'],
		refusedCodes: [2, 3, 50],
		fuzz: [phoneNumbers],
	},
	{
		resource: 'number',
		operation: 'verify',
		parameters: () => ({
			phoneNumbers: '+33612345678',
			notifyUrl: 'https://n8n.example.com/webhook/hlr-results',
			tag: '',
		}),
		method: 'POST',
		path: '/hlr/notify',
		keys: ['phoneNumbers', 'notifyUrl', 'tag'],
		// Not 2: it also answers well-formed numbers that SMS Partner finds no network for.
		refusedCodes: [3, 9, 50],
		fuzz: [
			phoneNumbers,
			{ path: 'notifyUrl', kind: 'url', names: ['Notify URL'] },
			{ path: 'tag', kind: 'tag', names: ['Tag'] },
		],
	},
	{
		resource: 'subAccount',
		operation: 'create',
		parameters: () => ({
			subAccountType: 'advanced',
			email: 'shop-lyon@example.com',
			isBuyer: false,
			additionalFields: { creditToAttribute: 1 },
		}),
		method: 'POST',
		path: '/subaccount/create',
		keys: ['type', 'parameters'],
		nestedKeys: {
			parameters: ['email', 'isBuyer', 'creditToAttribute', 'title', 'firstname', 'lastname'],
		},
		refusedCodes: [3, 4, 5, 6, 8],
		fuzz: [
			{
				path: 'subAccountType',
				kind: 'option',
				names: ['Type'],
				refuses: notOneOf('simple', 'advanced'),
			},
			{ path: 'email', kind: 'email', names: ['Email'] },
			{ path: 'isBuyer', kind: 'boolean', names: ['Can Buy Credit'], refuses: notABoolean },
			{
				path: 'additionalFields.creditToAttribute',
				kind: 'amount',
				names: ['Credit to Attribute'],
			},
			{ path: 'additionalFields.firstname', kind: 'text', names: ['First Name'] },
			{ path: 'additionalFields.lastname', kind: 'text', names: ['Last Name'] },
			{ path: 'additionalFields.title', kind: 'text', names: ['Title'] },
		],
	},
	{
		resource: 'subAccount',
		operation: 'delete',
		parameters: ({ subAccountToken: token }) => ({ subAccount: token }),
		method: 'DELETE',
		path: '/subaccount/remove',
		keys: ['token'],
		refusedCodes: [],
		fuzz: [subAccountToken, ...options],
	},
	{
		resource: 'subAccount',
		operation: 'getMany',
		parameters: () => ({ returnAll: false, limit: 50 }),
		method: 'GET',
		path: '/subaccount/list',
		keys: ['page'],
		refusedCodes: [],
		pages: true,
		fuzz: returnAllAndLimit,
	},
	...(['addCredit', 'removeCredit'] as const).map((operation): OperationCase => ({
		resource: 'subAccount',
		operation,
		parameters: ({ subAccountToken: token }) => ({ subAccount: token, credit: 1 }),
		method: 'POST',
		path: `/subaccount/credit/${operation === 'addCredit' ? 'add' : 'remove'}`,
		keys: ['credit', 'tokenSubaccount'],
		refusedCodes: [2, 3, 5, 9],
		fuzz: [subAccountToken, { path: 'credit', kind: 'amount', names: ['Credit'] }],
	})),
];

let harness: BadInputHarness;
beforeAll(async () => {
	harness = await startBadInputHarness();
});
afterAll(() => harness.close());

describe('every parameter of the account, contact, group, number, statistics, STOP list and sub-account operations survives bad input', () => {
	const cases = OPERATIONS.flatMap((operation) =>
		operation.fuzz.map(
			(parameter) => [caseName(operation, parameter), operation, parameter] as const,
		),
	);
	it.each(cases)('%s', async (_name, operation, parameter) => {
		await assertSurvivesBadInput(harness, operation, parameter);
	});
});
