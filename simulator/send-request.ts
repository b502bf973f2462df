import { ApiError, ValidationError, violation, type Violation } from './errors';
import { parisWallTimeToEpoch } from './paris-time';
import { toInternational } from './phone-number';
import { countSmsParts } from './sms-parts';

const MAX_RECIPIENTS = 500;
const MAX_PARTS = 10;
const LOW_COST_MAX_LENGTH = 160;
const SENDER_MAX_LENGTH = 11;
const SENDER_MIN_LENGTH = 3;
// Spaces are allowed: the official samples use senders such as 'demo JAVA'.
const SENDER_CHARACTERS = /^[A-Za-z0-9 ]+$/;
const TAG_MAX_LENGTH = 20;
const SCHEDULE_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** The form of /vn/send's `from` in every sample: international without the plus [INF]. */
const VIRTUAL_NUMBER = /^[1-9]\d{7,14}$/;

/** One SMS of a send: its recipient, its text and the SMS units it is billed. */
export interface Recipient {
	/** International form. */
	phoneNumber: string;
	message: string;
	parts: number;
}

/** A send (`/send`, `/bulk-send` or `/vn/send`) once the API has accepted it. */
export interface SendRequest {
	/** The recipients' numbers, international form, in the order given. */
	phoneNumbers: string[];
	/** One entry per number of `phoneNumbers`, in the same order. */
	recipients: Recipient[];
	gamme: 1 | 2;
	unicode: boolean;
	sandbox: boolean;
	sender?: string;
	tag?: string;
	/** Epoch ms; undefined for an immediate send. */
	scheduledAt?: number;
	isStopSms: boolean;
	urlDlr?: string;
	urlResponse?: string;
	/** The virtual number of a `/vn/send`, international without the plus. */
	from?: string;
}

/** An entry of a `/bulk-send` that the API answers with its own failure [INF]. */
export interface RejectedEntry {
	/** The number as given. */
	phoneNumber: string;
	message: string;
}

export interface BulkSendRequest {
	request: SendRequest;
	/** Every entry of SMSList in order: sent, or rejected alone. */
	entries: Array<{ recipient: Recipient } | { rejected: RejectedEntry }>;
}

/**
 * Validates a `/send` body as the API does. Which check wins when several fail is not
 * documented [INF]: required fields (2, 43), then 50, the schedule codes (46, 47, 49, 48), the
 * single-code checks (44, 42, 52), and last every form violation at once as code 9.
 */
export function parseSendRequest(body: Record<string, unknown>, now: number): SendRequest {
	if (isBlank(body.phoneNumbers)) throw new ApiError(2);
	if (isBlank(body.message)) throw new ApiError(43);
	const entries = splitList(body.phoneNumbers);
	if (entries.length === 0) throw new ApiError(2);
	if (entries.length > MAX_RECIPIENTS) throw new ApiError(50);

	const violations: Violation[] = [];
	const phoneNumbers: string[] = [];
	for (const entry of entries) {
		const international = toInternational(entry);
		if (international === undefined) {
			violations.push(invalidNumber('phoneNumbers', entry));
		} else {
			phoneNumbers.push(international);
		}
	}

	const options = parseSendOptions(body, now, violations);
	const message = String(body.message);
	const parts = countParts(message, options);
	parseTag(body, violations);

	if (violations.length > 0) throw new ValidationError(violations);
	return {
		...options,
		phoneNumbers,
		recipients: phoneNumbers.map((phoneNumber) => ({ phoneNumber, message, parts })),
	};
}

/**
 * Validates a `/bulk-send` body. The options apply to the whole batch and are checked as on
 * `/send`; an entry whose number is invalid fails alone inside a successful answer, as the
 * per-item results of the answer suggest [INF]. An entry without text fails the request (43).
 */
export function parseBulkSendRequest(body: Record<string, unknown>, now: number): BulkSendRequest {
	const list = body.SMSList;
	if (!Array.isArray(list) || list.length === 0) throw new ApiError(2);
	if (list.length > MAX_RECIPIENTS) throw new ApiError(50);
	const given = list.map((entry: unknown) => {
		const { phoneNumber, message } = (entry ?? {}) as Record<string, unknown>;
		if (isBlank(message)) throw new ApiError(43);
		return {
			phoneNumber: isBlank(phoneNumber) ? '' : String(phoneNumber),
			message: String(message),
		};
	});

	const violations: Violation[] = [];
	const options = parseSendOptions(body, now, violations);
	const entries: BulkSendRequest['entries'] = given.map(({ phoneNumber, message }) => {
		const international = toInternational(phoneNumber);
		if (international === undefined) {
			return {
				rejected: { phoneNumber, message: invalidNumber('phoneNumber', phoneNumber).message },
			};
		}
		return {
			recipient: { phoneNumber: international, message, parts: countParts(message, options) },
		};
	});
	parseTag(body, violations);
	if (violations.length > 0) throw new ValidationError(violations);

	const recipients = entries.flatMap((entry) => ('recipient' in entry ? [entry.recipient] : []));
	// Code 55 "no number to send to" fits a batch where every number was refused [INF].
	if (recipients.length === 0) throw new ApiError(55);
	return {
		request: {
			...options,
			phoneNumbers: recipients.map((recipient) => recipient.phoneNumber),
			recipients,
		},
		entries,
	};
}

/**
 * Validates a `/vn/send` body: `to` (a comma list, like `phoneNumbers` [INF]), `from`, the
 * text, and the few options the page lists. It documents no schedule, range, sender, STOP
 * mention or Unicode, so those are ignored, and the text is counted in GSM [INF].
 */
export function parseLongNumberSendRequest(body: Record<string, unknown>): SendRequest {
	if (isBlank(body.to)) throw new ApiError(2);
	if (isBlank(body.message)) throw new ApiError(43);
	const entries = splitList(body.to);
	if (entries.length === 0) throw new ApiError(2);
	if (entries.length > MAX_RECIPIENTS) throw new ApiError(50);

	const violations: Violation[] = [];
	const phoneNumbers: string[] = [];
	for (const entry of entries) {
		// The samples write recipients like `from`, without the plus.
		const international = toInternational(VIRTUAL_NUMBER.test(entry) ? `+${entry}` : entry);
		if (international === undefined) violations.push(invalidNumber('to', entry));
		else phoneNumbers.push(international);
	}
	const from = isBlank(body.from) ? '' : String(body.from);
	if (from === '') {
		violations.push(violation('from', 'Le numéro virtuel est requis'));
	} else if (!VIRTUAL_NUMBER.test(from)) {
		violations.push(
			violation('from', `Le numéro virtuel doit être au format international sans + (${from})`),
		);
	}
	const message = String(body.message);
	const parts = countParts(message, { gamme: 1, unicode: false });
	parseTag(body, violations);

	if (violations.length > 0) throw new ValidationError(violations);
	return {
		phoneNumbers,
		recipients: phoneNumbers.map((phoneNumber) => ({ phoneNumber, message, parts })),
		gamme: 1,
		unicode: false,
		sandbox: isOn(body.sandbox),
		tag: optionalString(body.tag),
		isStopSms: false,
		urlDlr: optionalString(body.urlDlr),
		urlResponse: optionalString(body.urlResponse),
		from,
	};
}

type SendOptions = Omit<SendRequest, 'phoneNumbers' | 'recipients' | 'from'>;

/** The options `/send` and `/bulk-send` share, checked in the order of `parseSendRequest`. */
function parseSendOptions(
	body: Record<string, unknown>,
	now: number,
	violations: Violation[],
): SendOptions {
	const scheduledAt = parseSchedule(body, now, violations);

	const sender = optionalString(body.sender);
	if (sender !== undefined) {
		if (sender.length > SENDER_MAX_LENGTH) {
			violations.push(
				violation('sender', "L'émetteur ne peut pas être plus long que 11 caractères"),
			);
		} else if (sender.length < SENDER_MIN_LENGTH || !SENDER_CHARACTERS.test(sender)) {
			throw new ApiError(44);
		}
	}

	const gamme = isBlank(body.gamme) ? 1 : Number(body.gamme);
	if (gamme !== 1 && gamme !== 2) {
		violations.push(violation('gamme', 'La gamme doit valoir 1 (Premium) ou 2 (Low Cost)'));
	}

	return {
		gamme: gamme === 2 ? 2 : 1,
		unicode: isOn(body.isUnicode),
		sandbox: isOn(body.sandbox),
		sender,
		tag: optionalString(body.tag),
		scheduledAt,
		isStopSms: isOn(body.isStopSms),
		urlDlr: optionalString(body.urlDlr),
		urlResponse: optionalString(body.urlResponse),
	};
}

/** SMS units of one text; 42 and 52 refuse the whole request. */
function countParts(message: string, options: Pick<SendOptions, 'gamme' | 'unicode'>): number {
	const { length, parts } = countSmsParts(message, options.unicode);
	if (options.gamme === 2 && length > LOW_COST_MAX_LENGTH) throw new ApiError(42);
	if (parts > MAX_PARTS) throw new ApiError(52);
	return parts;
}

function parseTag(body: Record<string, unknown>, violations: Violation[]): void {
	const tag = optionalString(body.tag);
	if (
		tag !== undefined &&
		(tag.length > TAG_MAX_LENGTH || /\s/.test(tag) || tag !== tag.toLowerCase())
	) {
		violations.push(
			violation('tag', 'Le tag doit faire 20 caractères au plus, sans espace ni majuscule'),
		);
	}
}

/** Epoch ms of a scheduled send (Paris wall time [INF]), or undefined for an immediate one. */
function parseSchedule(
	body: Record<string, unknown>,
	now: number,
	violations: Violation[],
): number | undefined {
	if (isBlank(body.scheduledDeliveryDate)) return undefined;
	if (isBlank(body.time)) throw new ApiError(46);
	if (isBlank(body.minute)) throw new ApiError(47);

	const dateText = String(body.scheduledDeliveryDate);
	const match = SCHEDULE_DATE.exec(dateText);
	if (match === null) throw new ApiError(49);
	const [day, month, year] = match.slice(1).map(Number);
	const calendar = new Date(Date.UTC(year, month - 1, day));
	if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
		throw new ApiError(49);
	}

	const minute = toInteger(body.minute);
	if (minute === undefined || minute < 0 || minute > 55 || minute % 5 !== 0) {
		throw new ApiError(48);
	}
	const hour = toInteger(body.time);
	if (hour === undefined || hour > 23) {
		violations.push(violation('time', "L'heure doit être comprise entre 0 et 23"));
		return undefined;
	}

	const scheduledAt = parisWallTimeToEpoch({ year, month, day, hour, minute });
	if (scheduledAt < now) {
		const shown = `${dateText} à ${hour}:${String(minute).padStart(2, '0')}`;
		violations.push(
			violation(
				'scheduledDeliveryDate',
				`La date (${shown}) est antérieure à la date actuelle. Si vous souhaitez l'envoyer maintenant vous devez sélectionner [Envoi immédiat]`,
			),
		);
	}
	return scheduledAt;
}

function invalidNumber(field: string, entry: string): Violation {
	return violation(field, `Ce numéro de téléphone n'est pas valide (${entry})`);
}

function splitList(value: unknown): string[] {
	return String(value)
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

function optionalString(value: unknown): string | undefined {
	return isBlank(value) ? undefined : String(value);
}

/** The API's flags are 1 in its samples; clients also send '1' or true. */
function isOn(value: unknown): boolean {
	return value === 1 || value === '1' || value === true;
}

function toInteger(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
	return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}
