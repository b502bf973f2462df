import { ApiError, ValidationError, violation } from '../errors';
import { formatParisDateTime } from '../paris-time';
import {
	parseBulkSendRequest,
	parseLongNumberSendRequest,
	parseSendRequest,
} from '../send-request';
import type { StoredMessage } from '../state';
import type { JsonObject } from '../xml';
import { pageNumber, type Endpoint, type EndpointAnswer } from './endpoint';

/** The answer of /send, which /vn/send and /sondage/to/send share. */
function sendAnswer(message: StoredMessage): EndpointAnswer {
	const scheduledAt = message.request.scheduledAt;
	return {
		answer: {
			success: true,
			code: 200,
			message_id: message.id,
			nb_sms: message.nbSms,
			cost: message.costMilli / 1000,
			currency: 'EUR',
			// Only a captured answer of a scheduled send shows this field [INF].
			...(scheduledAt === undefined
				? {}
				: { scheduledDeliveryDate: formatParisDateTime(scheduledAt) }),
		},
	};
}

export const SMS_ENDPOINTS: Record<string, Endpoint> = {
	'/send': {
		method: 'POST',
		handle(account, params, { state, clock }) {
			return sendAnswer(state.send(account, parseSendRequest(params, clock.now())));
		},
	},

	'/bulk-send': {
		method: 'POST',
		handle(account, params, { state, clock }) {
			const { request, entries } = parseBulkSendRequest(params, clock.now());
			const message = state.send(account, request);
			// One result per entry of SMSList, in order, as documented (field order included).
			const results = entries.map((entry): JsonObject => {
				if ('rejected' in entry) {
					const { phoneNumber, message: reason } = entry.rejected;
					// The API's shape for a refused entry is not documented [INF].
					return { success: false, code: 9, nbSms: 0, cost: 0, phoneNumber, message: reason };
				}
				const { parts, phoneNumber } = entry.recipient;
				return {
					success: true,
					code: 200,
					nbSms: parts,
					cost: (parts * message.unitPriceMilli) / 1000,
					phoneNumber,
				};
			});
			return {
				answer: {
					success: true,
					code: 200,
					message_id: message.id,
					currency: 'EUR',
					cost: message.costMilli / 1000,
					nbSMS: message.nbSms,
					SMSResponse_List: results,
				},
			};
		},
	},

	'/vn/send': {
		method: 'POST',
		handle(account, params, { state }) {
			return sendAnswer(state.send(account, parseLongNumberSendRequest(params)));
		},
	},

	'/sondage/to/send': {
		method: 'POST',
		handle(account, params, { state, clock }) {
			const ident = params.sondageIdent;
			if (typeof ident !== 'string' || ident.trim() === '') {
				throw new ValidationError([
					violation('sondageIdent', 'Cette valeur ne doit pas être vide.'),
				]);
			}
			// The survey's questions live in the dashboard; the page documents only these fields,
			// and the text billed is unknown: one SMS part per recipient [INF].
			const { phoneNumbers, tag, scheduledDeliveryDate, time, minute } = params;
			const survey = { phoneNumbers, tag, scheduledDeliveryDate, time, minute };
			const request = parseSendRequest({ ...survey, message: `Sondage ${ident}` }, clock.now());
			return sendAnswer(state.send(account, request));
		},
	},

	'/message-cancel': {
		method: 'GET',
		handle(account, params, { state }) {
			const messageId = params.messageId;
			if (typeof messageId !== 'string' || messageId === '') throw new ApiError(3);
			state.cancel(account, messageId);
			return { answer: { success: true, code: 200, message: "L'envoi du SMS a été annulé." } };
		},
	},

	'/bulk-status-by-tag': {
		method: 'GET',
		handle(account, params, { state, settings }) {
			const tag = params.tag;
			// The page documents code 3 with a copy of the message-id text; this wording is [INF].
			if (typeof tag !== 'string' || tag === '') throw new ApiError(3, 'Le tag est requis');
			// Neither the page parameter, the page size nor what `total` counts is documented,
			// so all three are settings [INF]. An unknown parameter name is simply ignored.
			const pageSize = settings.tagPageSize;
			const page = pageNumber(params[settings.pageParam]);
			const { total: count, statuses } = state.statusesByTag(
				account,
				tag,
				(page - 1) * pageSize,
				page * pageSize,
			);
			const total = settings.tagTotal === 'pages' ? Math.ceil(count / pageSize) : count;
			return {
				answer: {
					success: true,
					code: 200,
					currentPage: page,
					total,
					StatutResponse_List: statuses,
				},
			};
		},
	},
};
