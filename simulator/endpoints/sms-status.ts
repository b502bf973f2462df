import { ApiError, ValidationError, type Violation } from '../errors';
import { toInternational } from '../phone-number';
import type { Account, SimulatorState, StoredMessage } from '../state';
import type { JsonObject } from '../xml';
import type { Endpoint } from './endpoint';

const MAX_PAIRS = 500;
const INTERNATIONAL = /^\+[1-9]\d{7,14}$/;
/** The per-pair text of /multi-status; the French wording is the one the docs quote. */
const NUMBER_NOT_FOUND = 'Numéro introuvable';

/**
 * Country of a recipient from its dialling code, longest prefix first. The API's own table is
 * not published; these are the destinations a French account most often reaches [INF].
 */
const COUNTRY_PREFIXES: ReadonlyArray<readonly [string, string]> = [
	['+212', 'MA'],
	['+216', 'TN'],
	['+262', 'RE'],
	['+352', 'LU'],
	['+590', 'GP'],
	['+594', 'GF'],
	['+596', 'MQ'],
	['+32', 'BE'],
	['+33', 'FR'],
	['+34', 'ES'],
	['+39', 'IT'],
	['+41', 'CH'],
	['+44', 'GB'],
	['+49', 'DE'],
	['+1', 'US'],
];

function countryOf(phoneNumber: string): string {
	return COUNTRY_PREFIXES.find(([prefix]) => phoneNumber.startsWith(prefix))?.[1] ?? '';
}

/** Message IDs come as numbers in JSON bodies and as strings in query strings. */
function messageIdOf(value: unknown): number | undefined {
	const text = typeof value === 'number' ? String(value) : value;
	return typeof text === 'string' && /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}

function findMessage(state: SimulatorState, account: Account, value: unknown): StoredMessage {
	const id = messageIdOf(value);
	// Another account's message is "not found" too: the API reveals nothing across accounts.
	const message = id === undefined ? undefined : state.message(account, id);
	if (message === undefined) throw new ApiError(4);
	return message;
}

/** The recipient as stored (international), when the message was sent to it. */
function recipientOf(message: StoredMessage, phoneNumber: string): string | undefined {
	const international = toInternational(phoneNumber);
	return international !== undefined && message.request.phoneNumbers.includes(international)
		? international
		: undefined;
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || String(value).trim() === '';
}

/**
 * Checks the pairs of /multi-status as the error table of the status endpoints suggests [INF]:
 * 5 for an empty list, 50 above 500, 6 for an entry without its two values, 9 (a form
 * violation) for a number that is not international.
 */
function checkPairs(list: unknown): Array<{ phoneNumber: string; messageId: number }> {
	if (!Array.isArray(list) || list.length === 0) {
		throw new ApiError(5, 'La liste de numéros est vide');
	}
	if (list.length > MAX_PAIRS) throw new ApiError(50);
	const violations: Violation[] = [];
	const pairs = list.map((entry: unknown, index) => {
		const { phoneNumber, messageId } = (entry ?? {}) as Record<string, unknown>;
		const id = messageIdOf(messageId);
		if (typeof phoneNumber !== 'string' || id === undefined) {
			throw new ApiError(6, "Le format n'est pas correct");
		}
		if (!INTERNATIONAL.test(phoneNumber)) {
			violations.push({
				elementId: `children[SMSStatut_List][${index}][phoneNumber].data`,
				message: `Ce numéro n'est pas un numéro de mobile valide (${phoneNumber})`,
			});
		}
		return { phoneNumber, messageId: id };
	});
	if (violations.length > 0) throw new ValidationError(violations);
	return pairs;
}

export const SMS_STATUS_ENDPOINTS: Record<string, Endpoint> = {
	'/message-status': {
		method: 'GET',
		handle(account, params, { state, clock }) {
			if (isBlank(params.messageId)) throw new ApiError(3);
			if (isBlank(params.phoneNumber)) throw new ApiError(2);
			const message = findMessage(state, account, params.messageId);
			const phoneNumber = recipientOf(message, String(params.phoneNumber));
			// A number the message did not go to is as unknown as the message itself [INF].
			if (phoneNumber === undefined) throw new ApiError(4, NUMBER_NOT_FOUND);
			const status = state.recipientStatus(account, message, phoneNumber, clock.now());
			const recipients = message.request.phoneNumbers.length;
			// Documented order of the fields, which the keyless XML form depends on.
			const answer: JsonObject = {
				success: true,
				code: 200,
				number: phoneNumber,
				messageId: String(message.id),
				stopSms: status.stopSMS,
				date: status.date,
				statut: status.status,
				cost: Math.round(message.costMilli / recipients) / 1000,
				countryCode: countryOf(phoneNumber),
				currency: 'EUR',
			};
			return { answer };
		},
	},

	'/multi-status': {
		method: 'POST',
		handle(account, params, { state, clock }) {
			const now = clock.now();
			const list = checkPairs(params.SMSStatut_List).map(
				({ phoneNumber, messageId }): JsonObject => {
					const message = state.message(account, messageId);
					const recipient = message && recipientOf(message, phoneNumber);
					// A pair that matches nothing fails alone; the others are still answered.
					if (message === undefined || recipient === undefined) {
						return { success: false, code: 4, phoneNumber, messageId, status: NUMBER_NOT_FOUND };
					}
					const status = state.recipientStatus(account, message, recipient, now);
					return {
						success: true,
						code: 200,
						phoneNumber,
						messageId,
						status: status.status,
						date: status.date,
						stopSms: status.stopSMS ? '1' : '0',
						// The simulator has no spam filter [INF].
						isSpam: '0',
					};
				},
			);
			return { answer: { success: true, code: 200, StatutResponse_List: list } };
		},
	},

	'/bulk-status': {
		method: 'GET',
		handle(account, params, { state, clock }) {
			if (isBlank(params.messageId)) throw new ApiError(3);
			const message = findMessage(state, account, params.messageId);
			const now = clock.now();
			// Not paginated: no page field is documented for this endpoint [INF].
			return {
				answer: {
					success: true,
					code: 200,
					message_id: String(message.id),
					StatutResponse_List: message.request.phoneNumbers.map((phoneNumber) =>
						state.recipientStatus(account, message, phoneNumber, now),
					),
				},
			};
		},
	},
};
