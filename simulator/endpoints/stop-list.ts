import { ApiError, ValidationError, violation } from '../errors';
import { formatParisDateTime } from '../paris-time';
import { toInternational } from '../phone-number';
import type { Account } from '../state';
import type { Endpoint } from './endpoint';

function entriesOf(account: Account) {
	return [...account.stopNumbers.values()].sort((a, b) => a.id - b.id);
}

export const STOP_LIST_ENDPOINTS: Record<string, Endpoint> = {
	'/stop-sms/list': {
		method: 'GET',
		handle(account) {
			const entries = entriesOf(account);
			return {
				answer: {
					success: true,
					code: 200,
					nbData: entries.length,
					// The whole list in one answer, oldest first: no pagination is documented [INF].
					data: entries.map(({ id, phoneNumber, createdAt }) => ({
						id,
						phoneNumber,
						createdAt: formatParisDateTime(createdAt),
					})),
				},
			};
		},
	},

	'/stop-sms/add': {
		method: 'POST',
		handle(account, params, { state }) {
			// The documented field is phoneNumber; the official Python sample sends phoneNumbers [INF].
			const given = params.phoneNumber ?? params.phoneNumbers;
			const raw = typeof given === 'number' ? String(given) : given;
			if (typeof raw !== 'string' || raw.trim() === '') throw new ApiError(2);
			const phoneNumber = toInternational(raw.trim());
			if (phoneNumber === undefined) {
				// The page lists 9 as "invalid number"; the usual code-9 envelope carries it [INF].
				throw new ValidationError([
					violation('phoneNumber', 'Le numéro de téléphone est invalide'),
				]);
			}
			// Code 15 is the send error "already in the list"; it fits a second add [INF].
			if (account.stopNumbers.has(phoneNumber)) {
				throw new ApiError(15, 'Le numéro est déjà dans la liste STOP SMS');
			}
			const entry = state.addStop(account, phoneNumber);
			return { answer: { success: true, code: 200, stopId: entry.id } };
		},
	},

	'/stop-sms/delete': {
		method: 'GET',
		handle(account, params) {
			const id = params.id;
			if (typeof id !== 'string' || id.trim() === '') {
				throw new ApiError(3, 'L’ID du numéro est requis');
			}
			// Anything but an id of this account's list is "not found", including another
			// account's ids and non-numeric values [INF].
			const entry = entriesOf(account).find((candidate) => String(candidate.id) === id.trim());
			if (entry === undefined) throw new ApiError(4, 'L’ID du numéro introuvable');
			account.stopNumbers.delete(entry.phoneNumber);
			return { answer: { success: true, code: 200 } };
		},
	},
};
