import {
	describeBadInput,
	isEmptyInput,
	notABoolean,
	notOneOf,
	type FuzzedParameter,
	type OperationCase,
} from './bad-input';

const SEND_KEYS = [
	'sender',
	'tag',
	'gamme',
	'isStopSms',
	'isUnicode',
	'urlDlr',
	'urlResponse',
	'sandbox',
];
const SCHEDULE_KEYS = ['scheduledDeliveryDate', 'time', 'minute'];
/** Codes by which the send endpoints refuse a field; 9 lists form violations. */
const SEND_REFUSALS = [2, 9, 42, 43, 44, 45, 46, 47, 48, 49, 50, 52, 55];
/** A survey has no text of its own, so the codes about the text cannot be about a survey field. */
const SURVEY_REFUSALS = SEND_REFUSALS.filter((code) => ![42, 43, 52].includes(code));

const sendOptions: FuzzedParameter[] = [
	{ path: 'sandbox', kind: 'boolean', names: ['Sandbox'], refuses: notABoolean },
	{ path: 'additionalFields.sender', kind: 'text', names: ['Sender'] },
	{ path: 'additionalFields.tag', kind: 'tag', names: ['Tag'] },
	{
		path: 'additionalFields.gamme',
		kind: 'option',
		names: ['Range'],
		refuses: (value) => !isEmptyInput(value) && notOneOf('premium', 'lowCost')(value),
	},
	{
		path: 'additionalFields.isStopSms',
		kind: 'boolean',
		names: ['Add STOP Mention'],
		refuses: notABoolean,
	},
	{ path: 'additionalFields.isUnicode', kind: 'boolean', names: ['Unicode'], refuses: notABoolean },
	{ path: 'additionalFields.urlDlr', kind: 'url', names: ['Delivery Report URL'] },
	{ path: 'additionalFields.urlResponse', kind: 'url', names: ['Reply URL'] },
	{
		path: 'additionalFields.triggerUrlFor',
		kind: 'option',
		names: ['Callbacks to This Workflow'],
		// The workflow has no SMS Partner Trigger, so even a valid choice is refused.
		refuses: (value) => !isEmptyInput(value) && !(Array.isArray(value) && value.length === 0),
	},
];
const sendAt: FuzzedParameter = { path: 'sendAt', kind: 'dateTime', names: ['Send At'] };
const phoneNumbers: FuzzedParameter = {
	path: 'phoneNumbers',
	kind: 'phones',
	names: ['Phone Numbers'],
};
const message: FuzzedParameter = { path: 'message', kind: 'message', names: ['Message'] };
const messageId: FuzzedParameter = { path: 'messageId', kind: 'id', names: ['Message ID'] };
const returnAllAndLimit: FuzzedParameter[] = [
	{ path: 'returnAll', kind: 'boolean', names: ['Return All'] },
	{ path: 'limit', kind: 'count', names: ['Limit'] },
];

const SMS_OPERATIONS: OperationCase[] = [
	{
		resource: 'sms',
		operation: 'send',
		parameters: () => ({
			phoneNumbers: '+33612345678',
			message: 'Your appointment is tomorrow at 10:00.',
			sandbox: true,
		}),
		method: 'POST',
		path: '/send',
		keys: ['phoneNumbers', 'message', ...SEND_KEYS, ...SCHEDULE_KEYS],
		refusedCodes: SEND_REFUSALS,
		pages: true,
		fuzz: [
			phoneNumbers,
			message,
			sendAt,
			...sendOptions,
			{ path: 'sendInBatches', kind: 'boolean', names: ['Send in Batches'], refuses: notABoolean },
		],
	},
	{
		resource: 'sms',
		operation: 'sendBulk',
		parameters: () => ({
			smsList: '[{"phoneNumber": "+33612345678", "message": "Hello Ann"}]',
			smsToSend: { sms: [{ phoneNumber: '+33698765432', message: 'Hello Bob' }] },
			sandbox: true,
		}),
		method: 'POST',
		path: '/bulk-send',
		keys: ['SMSList', ...SEND_KEYS, ...SCHEDULE_KEYS],
		nestedKeys: { SMSList: ['phoneNumber', 'message'] },
		refusedCodes: SEND_REFUSALS,
		fuzz: [
			{ path: 'smsList', kind: 'smsList', names: ['SMS List'] },
			{ path: 'smsToSend.sms.0.phoneNumber', kind: 'phone', names: ['SMS to Send'] },
			{ path: 'smsToSend.sms.0.message', kind: 'message', names: ['SMS to Send'] },
			sendAt,
			...sendOptions,
		],
	},
	{
		resource: 'sms',
		operation: 'sendLongNumber',
		parameters: () => ({
			from: '33612345678',
			phoneNumbers: '+33698765431',
			message: 'Reply YES to confirm.',
			sandbox: true,
		}),
		method: 'POST',
		path: '/vn/send',
		keys: ['to', 'from', 'message', 'tag', 'urlDlr', 'urlResponse', 'sandbox'],
		refusedCodes: SEND_REFUSALS,
		fuzz: [
			{ path: 'from', kind: 'phone', names: ['From'] },
			phoneNumbers,
			message,
			...sendOptions.filter(({ path }) =>
				[
					'sandbox',
					'additionalFields.tag',
					'additionalFields.urlDlr',
					'additionalFields.urlResponse',
					'additionalFields.triggerUrlFor',
				].includes(path),
			),
		],
	},
	{
		resource: 'sms',
		operation: 'sendSurvey',
		parameters: () => ({ phoneNumbers: '+33612345678', surveyId: '8a7b6c5d' }),
		method: 'POST',
		path: '/sondage/to/send',
		keys: ['phoneNumbers', 'sondageIdent', 'tag', ...SCHEDULE_KEYS],
		refusedCodes: SURVEY_REFUSALS,
		fuzz: [
			phoneNumbers,
			{ path: 'surveyId', kind: 'text', names: ['Survey ID'] },
			sendAt,
			{ path: 'additionalFields.tag', kind: 'tag', names: ['Tag'] },
		],
	},
	{
		resource: 'sms',
		operation: 'cancel',
		parameters: ({ messageId: id }) => ({ messageId: String(id) }),
		method: 'GET',
		path: '/message-cancel',
		keys: ['messageId'],
		refusedCodes: [3],
		fuzz: [messageId],
	},
	{
		resource: 'sms',
		operation: 'getStatus',
		parameters: ({ messageId: id }) => ({ messageId: String(id), phoneNumber: '+33612345678' }),
		method: 'GET',
		path: '/message-status',
		keys: ['messageId', 'phoneNumber'],
		refusedCodes: [2, 3],
		fuzz: [messageId, { path: 'phoneNumber', kind: 'phone', names: ['Phone Number'] }],
	},
	{
		resource: 'sms',
		operation: 'getManyStatuses',
		variant: 'pairs from a list',
		parameters: ({ messageId: id }) => ({
			pairsSource: 'list',
			pairList: JSON.stringify([{ messageId: id, phoneNumber: '+33612345678' }]),
		}),
		method: 'POST',
		path: '/multi-status',
		keys: ['SMSStatut_List'],
		nestedKeys: { SMSStatut_List: ['messageId', 'phoneNumber'] },
		refusedCodes: [5, 6, 9, 50],
		pages: true,
		fuzz: [
			{
				path: 'pairsSource',
				kind: 'option',
				names: ['Pairs From', 'Pairs'],
				refuses: notOneOf('list', 'fields'),
			},
			{ path: 'pairList', kind: 'pairList', names: ['Pairs', 'Pair'] },
		],
	},
	{
		resource: 'sms',
		operation: 'getManyStatuses',
		variant: 'pairs from fields',
		parameters: ({ messageId: id }) => ({
			pairsSource: 'fields',
			pairs: { pair: [{ messageId: String(id), phoneNumber: '+33612345678' }] },
		}),
		method: 'POST',
		path: '/multi-status',
		keys: ['SMSStatut_List'],
		nestedKeys: { SMSStatut_List: ['messageId', 'phoneNumber'] },
		refusedCodes: [5, 6, 9, 50],
		fuzz: [
			{ path: 'pairs.pair.0.messageId', kind: 'id', names: ['Message ID'] },
			{ path: 'pairs.pair.0.phoneNumber', kind: 'phone', names: ['Phone Number', 'Pair'] },
		],
	},
	{
		resource: 'sms',
		operation: 'getStatusByMessage',
		parameters: ({ messageId: id }) => ({ messageId: String(id), returnAll: false, limit: 50 }),
		method: 'GET',
		path: '/bulk-status',
		keys: ['messageId'],
		refusedCodes: [3],
		fuzz: [messageId, ...returnAllAndLimit],
	},
	{
		resource: 'sms',
		operation: 'getStatusByTag',
		parameters: () => ({ tag: 'rdv', returnAll: false, limit: 50 }),
		method: 'GET',
		path: '/bulk-status-by-tag',
		keys: ['tag', 'page'],
		refusedCodes: [3],
		pages: true,
		fuzz: [{ path: 'tag', kind: 'tag', names: ['Tag'] }, ...returnAllAndLimit],
	},
];

describeBadInput('every parameter of every SMS operation survives bad input', SMS_OPERATIONS);
