import type {
	IDataObject,
	IExecutePaginationFunctions,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';

import type { ApiErrorTexts } from './api-errors';
import { toNumberOrNull } from './convert';
import type { ResponseShape } from './response';
import { scheduleFromSendAt, type ApiSchedule } from './schedule';
import {
	checkBoolean,
	checkChoice,
	checkTag,
	InvalidParameterError,
	isBlank,
	shown,
	textOf,
} from './validation';
import { retryOnlyUntouched } from './retry';
import { triggerUrlFor, type TriggerEvent } from './trigger-url';

/**
 * What each error a send can produce means, in plain English. Sends are never retried by the
 * node: a send that may have gone out must not go out twice.
 */
export const SEND_ERRORS: ApiErrorTexts = {
	2: 'SMS Partner received no phone number. Fill in the recipients.',
	9: 'SMS Partner refused one or more fields of the send; nothing was sent. The description names each field and why (an invalid number, a sender over 11 characters, a send time in the past…).',
	11: 'The SMS Partner account has not enough credit for this send; nothing was sent. Top up the account, then run the workflow again.',
	13: 'SMS Partner has no price for one of these destinations, so it cannot send there. Check the country code of the numbers, or ask SMS Partner support to open the destination.',
	14: 'One of the numbers is on the STOP list of the account (the person replied STOP), so SMS Partner refused the whole send. Remove that number from the recipients and send again.',
	20: 'The SMS Partner account is deactivated. Contact SMS Partner support.',
	22: 'SMS Partner holds marketing SMS outside legal hours (8:00 to 20:00 on working days). Schedule the send within those hours, or ask SMS Partner support to lift the limit if your SMS are not marketing.',
	23: 'SMS Partner does not send marketing SMS on Sundays or public holidays. Schedule the send for a working day, or ask SMS Partner support to lift the limit if your SMS are not marketing.',
	30: 'The SMS Partner account is blocked. Contact SMS Partner support.',
	40: 'API access is refused for this SMS Partner account. Ask SMS Partner support to enable the API.',
	42: 'Low Cost SMS are limited to 160 characters. Shorten the text, or choose the Premium range.',
	43: 'SMS Partner received no message text. Fill in the message.',
	44: 'SMS Partner refused the sender name. Use 3 to 11 letters or digits, without spaces or special characters, or leave Sender empty.',
	45: 'SMS Partner received a schedule without a date. Set Send At again, or leave it empty to send now.',
	46: 'SMS Partner received a schedule without an hour. Set Send At again, or leave it empty to send now.',
	47: 'SMS Partner refused the minute of the send time. Use a time on a 5-minute step, e.g. 10:05.',
	48: 'SMS Partner only schedules on 5-minute steps (minute 0 to 55). Use a time such as 10:05.',
	49: 'SMS Partner refused the date of the send. Check Send At.',
	50: 'SMS Partner takes at most 500 numbers per request. Split the recipients, for example with a Loop Over Items node.',
	51: 'This account cannot send in the Low Cost range. Choose the Premium range, or ask SMS Partner support.',
	52: 'The text is longer than 10 concatenated SMS, the most SMS Partner sends. Shorten it.',
	55: 'SMS Partner found no number to send to. Check the recipients.',
	90: 'SMS Partner could not read the request body as JSON; nothing was sent. This is a bug in the node: please report it.',
	96: "SMS Partner refused this server's IP address. Add it to the allowed IPs of the account in the SMS Partner dashboard.",
};

/** Positions of the values in the XML answer of /send and /vn/send, which has no keys. */
/** A send whose answer was lost may have gone out: never sent a second time. */
export const SEND_RETRY = retryOnlyUntouched(
	'The SMS may have been sent',
	'Check Get Status by Tag (when the send had a tag) or the SMS Partner dashboard',
);

export const SEND_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	['code', 'number'],
	['message_id', 'number'],
	['nb_sms', 'number'],
	['cost', 'number'],
	['currency', 'string'],
	['scheduledDeliveryDate', 'string'],
];

type Show = { resource: string[]; operation: string[] };

export const sandboxField = (show: Show): INodeProperties => ({
	displayName: 'Sandbox',
	name: 'sandbox',
	type: 'boolean',
	default: false,
	description:
		'Whether to send in test mode: SMS Partner checks the request and answers as for a real send, but sends nothing and charges nothing',
	displayOptions: { show },
});

export const sendAtField = (show: Show): INodeProperties => ({
	displayName: 'Send At',
	name: 'sendAt',
	type: 'dateTime',
	default: '',
	description:
		"When to send, on a 5-minute step and at least 5 minutes from now (so that the send can still be cancelled), e.g. 2026-11-24T10:05:00. A time without an offset is read in the workflow's time zone; one with Z or an offset (+01:00) as such. Leave empty to send now.",
	displayOptions: { show },
});

const SENDER: INodeProperties = {
	displayName: 'Sender',
	name: 'sender',
	type: 'string',
	default: '',
	placeholder: 'e.g. MyShop',
	description:
		'The name shown as the sender: 3 to 11 letters or digits, no spaces or special characters, e.g. MyShop. Empty: an SMS Partner short number such as 36xxx.',
};
const TAG: INodeProperties = {
	displayName: 'Tag',
	name: 'tag',
	type: 'string',
	default: '',
	placeholder: 'e.g. reminders-2026-11',
	description:
		'A label for the send, to read its statuses later with Get Status by Tag: up to 20 characters, lowercase, no spaces, e.g. reminders-2026-11',
};
const RANGE: INodeProperties = {
	displayName: 'Range',
	name: 'gamme',
	type: 'options',
	options: [
		{ name: 'Premium', value: 'premium', description: 'Sender name, delivery reports, replies' },
		{
			name: 'Low Cost',
			value: 'lowCost',
			description: 'Cheaper; 160 characters at most, no STOP mention added',
		},
	],
	default: 'premium',
	description: 'The SMS range (gamme): Premium (default) or Low Cost',
};
const STOP_MENTION: INodeProperties = {
	displayName: 'Add STOP Mention',
	name: 'isStopSms',
	type: 'boolean',
	default: false,
	description:
		'Whether SMS Partner adds the "STOP" opt-out mention at the end of the text, required for marketing SMS (Premium range; in Low Cost write "NoPub=STOP" yourself)',
};
const UNICODE: INodeProperties = {
	displayName: 'Unicode',
	name: 'isUnicode',
	type: 'boolean',
	default: false,
	description:
		'Whether to send in Unicode (emoji, non-Latin scripts): 70 characters per SMS instead of 160. Unicode must be enabled on the account by SMS Partner support.',
};
const DLR_URL: INodeProperties = {
	displayName: 'Delivery Report URL',
	name: 'urlDlr',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/sms/delivery',
	description:
		'An http(s) URL that SMS Partner calls with the delivery report of each SMS of this send, e.g. an n8n Webhook URL',
};
const REPLY_URL: INodeProperties = {
	displayName: 'Reply URL',
	name: 'urlResponse',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/sms/replies',
	description:
		'An http(s) URL that SMS Partner calls with the replies to this send, e.g. an n8n Webhook URL',
};

/** The URL fields that a send can take from this workflow's SMS Partner Trigger instead. */
const FROM_TRIGGER = {
	deliveryReports: { name: 'Delivery Reports', urlField: DLR_URL, event: 'deliveryReport' },
	// A trigger that listens only to STOP fits too: STOP replies come to the Reply URL.
	replies: { name: 'Replies', urlField: REPLY_URL, event: 'reply' },
} as const satisfies Record<
	string,
	{ name: string; urlField: INodeProperties; event: TriggerEvent }
>;

const TRIGGER_URL_FOR: INodeProperties = {
	displayName: 'Callbacks to This Workflow',
	name: 'triggerUrlFor',
	type: 'multiOptions',
	options: Object.entries(FROM_TRIGGER).map(([value, { name, urlField }]) => ({
		name,
		value,
		description: `Fills ${urlField.displayName} with the production URL of the workflow's SMS Partner Trigger`,
	})),
	default: [],
	description:
		"Which callbacks of this send go to the SMS Partner Trigger of this workflow, without typing its URL: the node fills Delivery Report URL or Reply URL (leave them empty) with the trigger's production URL. The workflow must be active, with one SMS Partner Trigger listening to those events. In queue mode, type the URLs instead: workers do not see the trigger's registration.",
};

/** What each kind of send documents besides its recipients and text. */
const OPTIONAL_FIELDS = {
	sms: [SENDER, TAG, RANGE, STOP_MENTION, UNICODE, DLR_URL, REPLY_URL, TRIGGER_URL_FOR],
	longNumber: [TAG, DLR_URL, REPLY_URL, TRIGGER_URL_FOR],
	survey: [TAG],
};

/** The optional fields of a send, as its API page lists them. */
export function additionalFields(
	show: Show,
	kind: keyof typeof OPTIONAL_FIELDS = 'sms',
): INodeProperties {
	const options = OPTIONAL_FIELDS[kind];
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

const SENDER_PATTERN = /^[A-Za-z0-9]{3,11}$/;
const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

function checkSender(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	const sender = textOf(value);
	if (sender === undefined || !SENDER_PATTERN.test(sender)) {
		throw new InvalidParameterError(
			'Sender',
			`Sender ${shown(value)} is not 3 to 11 letters or digits`,
			'Use a name such as MyShop (3 to 11 letters or digits, no spaces, accents or symbols), or leave Sender empty.',
		);
	}
	return sender;
}

function checkSendTag(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	const tag = checkTag(value);
	if (tag !== tag.toLowerCase()) {
		throw new InvalidParameterError(
			'Tag',
			`Tag ${shown(tag)} has capital letters; SMS Partner takes lowercase tags only`,
			`Use ${shown(tag.toLowerCase())}.`,
		);
	}
	return tag;
}

function checkUrl(value: unknown, field: string): string | undefined {
	if (isBlank(value)) return undefined;
	const url = textOf(value);
	if (url === undefined || !URL_PATTERN.test(url)) {
		throw new InvalidParameterError(
			field,
			`${field} ${shown(value)} is not an http(s) URL`,
			'Give a full address such as https://example.com/sms, or leave it empty.',
		);
	}
	return url;
}

function checkTriggerChoice(value: unknown) {
	return checkChoice(
		value,
		TRIGGER_URL_FOR.displayName,
		FROM_TRIGGER,
		'Choose Delivery Reports, Replies or both; in an expression, give a list such as ["deliveryReports", "replies"].',
	);
}

/**
 * Delivery Report URL and Reply URL, each as typed in or, when chosen, the production URL of the
 * workflow's SMS Partner Trigger that listens to its event; never both.
 */
function callbackUrls(context: IExecutePaginationFunctions, fields: IDataObject): IDataObject {
	const given = fields.triggerUrlFor;
	const fromTrigger = new Set(
		(isBlank(given) ? [] : Array.isArray(given) ? given : [given]).map(checkTriggerChoice),
	);
	const urls: IDataObject = {};
	for (const choice of Object.values(FROM_TRIGGER)) {
		const { displayName, name } = choice.urlField;
		if (!fromTrigger.has(choice)) {
			urls[name] = checkUrl(fields[name], displayName);
		} else if (!isBlank(fields[name])) {
			throw new InvalidParameterError(
				TRIGGER_URL_FOR.displayName,
				`${TRIGGER_URL_FOR.displayName} includes ${choice.name}, and ${displayName} is filled in too`,
				`Keep one: empty ${displayName} to use the trigger's URL, or remove ${choice.name} from ${TRIGGER_URL_FOR.displayName} to use the URL typed in.`,
			);
		} else {
			urls[name] = triggerUrlFor(
				context.getWorkflowStaticData('global'),
				choice.event,
				TRIGGER_URL_FOR.displayName,
				displayName,
			);
		}
	}
	return urls;
}

/** The range of a send: the API's `gamme`, 1 for Premium and 2 for Low Cost; empty: not sent. */
function checkRange(value: unknown): 1 | 2 | undefined {
	if (isBlank(value)) return undefined;
	return checkChoice(
		value,
		'Range',
		{ premium: 1, lowCost: 2 } as const,
		'Choose Premium or Low Cost; in an expression, give "premium" or "lowCost".',
	);
}

/** The checked options of a send, and the body fields they become. */
export interface SendOptions {
	body: IDataObject;
	sandbox: boolean;
	unicode: boolean;
	lowCost: boolean;
	schedule?: ApiSchedule;
}

/**
 * Reads and checks Sandbox, Send At (when the operation has it) and the Additional Fields of the
 * current item. Booleans go to the API as 1, and only when on.
 */
export function readSendOptions(
	context: IExecutePaginationFunctions,
	{ scheduled }: { scheduled: boolean },
): SendOptions {
	const fields = context.getNodeParameter('additionalFields', {}) as IDataObject;
	const sandbox = checkBoolean(context.getNodeParameter('sandbox', false), 'Sandbox');
	const unicode = checkBoolean(fields.isUnicode, 'Unicode');
	const gamme = checkRange(fields.gamme);
	const schedule = scheduled
		? scheduleFromSendAt(context.getNodeParameter('sendAt', ''), context.getTimezone(), Date.now())
		: undefined;

	const body: IDataObject = {
		sender: checkSender(fields.sender),
		tag: checkSendTag(fields.tag),
		gamme,
		isStopSms: checkBoolean(fields.isStopSms, 'Add STOP Mention') ? 1 : undefined,
		isUnicode: unicode ? 1 : undefined,
		...callbackUrls(context, fields),
		sandbox: sandbox ? 1 : undefined,
		...(schedule && {
			scheduledDeliveryDate: schedule.scheduledDeliveryDate,
			time: schedule.time,
			minute: schedule.minute,
		}),
	};
	for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
	return { body, sandbox, unicode, lowCost: gamme === 2, schedule };
}

/** The item of a one-text send (/send, /vn/send). */
export function toSendResult(
	body: JsonObject,
	sent: { phoneNumbers: string[]; options: SendOptions },
): IDataObject {
	const { schedule, sandbox } = sent.options;
	return {
		success: true,
		code: toNumberOrNull(body.code) ?? 200,
		messageId: toNumberOrNull(body.message_id) ?? body.message_id ?? null,
		nbSms: toNumberOrNull(body.nb_sms ?? body.nbSMS),
		cost: toNumberOrNull(body.cost),
		currency: body.currency ?? null,
		phoneNumbers: sent.phoneNumbers,
		scheduledAt: schedule ? new Date(schedule.at).toISOString() : null,
		sandbox,
	};
}
