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

/** A `/send` body once the API has accepted it. */
export interface SendRequest {
	/** International form, in the order given. */
	phoneNumbers: string[];
	message: string;
	/** SMS units per recipient. */
	parts: number;
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
}

/**
 * Validates a `/send` body as the API does. Which check wins when several fail is not
 * documented [INF]: required fields (2, 43), then 50, the schedule codes (46, 47, 49, 48), the
 * single-code checks (44, 42, 52), and last every form violation at once as code 9.
 */
export function parseSendRequest(body: Record<string, unknown>, now: number): SendRequest {
	if (isBlank(body.phoneNumbers)) throw new ApiError(2);
	if (isBlank(body.message)) throw new ApiError(43);
	const entries = String(body.phoneNumbers)
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	if (entries.length === 0) throw new ApiError(2);
	if (entries.length > MAX_RECIPIENTS) throw new ApiError(50);

	const violations: Violation[] = [];
	const phoneNumbers: string[] = [];
	for (const entry of entries) {
		const international = toInternational(entry);
		if (international === undefined) {
			violations.push(
				violation('phoneNumbers', `Ce numéro de téléphone n'est pas valide (${entry})`),
			);
		} else {
			phoneNumbers.push(international);
		}
	}

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

	const message = String(body.message);
	const unicode = isOn(body.isUnicode);
	const { length, parts } = countSmsParts(message, unicode);
	if (gamme === 2 && length > LOW_COST_MAX_LENGTH) throw new ApiError(42);
	if (parts > MAX_PARTS) throw new ApiError(52);

	const tag = optionalString(body.tag);
	if (
		tag !== undefined &&
		(tag.length > TAG_MAX_LENGTH || /\s/.test(tag) || tag !== tag.toLowerCase())
	) {
		violations.push(
			violation('tag', 'Le tag doit faire 20 caractères au plus, sans espace ni majuscule'),
		);
	}

	if (violations.length > 0) throw new ValidationError(violations);
	return {
		phoneNumbers,
		message,
		parts,
		gamme: gamme === 2 ? 2 : 1,
		unicode,
		sandbox: isOn(body.sandbox),
		sender,
		tag,
		scheduledAt,
		isStopSms: isOn(body.isStopSms),
		urlDlr: optionalString(body.urlDlr),
		urlResponse: optionalString(body.urlResponse),
	};
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
