import type { SimulatorClock } from './clock';
import { ApiError } from './errors';
import type { RuntimeSettings } from './options';
import { formatParisDateTime } from './paris-time';
import { parseSendRequest } from './send-request';
import type { Account, SimulatorState } from './state';
import type { JsonObject, XmlOptions } from './xml';

export interface EndpointContext {
	state: SimulatorState;
	settings: RuntimeSettings;
	clock: SimulatorClock;
}

export interface EndpointAnswer {
	answer: JsonObject;
	xml?: XmlOptions;
}

export interface Endpoint {
	method: 'GET' | 'POST';
	/** `params` is the query on GET and the JSON body on POST, where the API reads each. */
	handle(
		account: Account,
		params: Record<string, unknown>,
		context: EndpointContext,
	): EndpointAnswer;
}

const PRICE_MILLI = { sms: 45, smsEco: 30, hlr: 5 };

export const ENDPOINTS: Record<string, Endpoint> = {
	'/me': {
		method: 'GET',
		handle(account, _params, { state }) {
			const balance = (account.balanceMilli / 1000).toFixed(3);
			return {
				answer: {
					success: true,
					code: 200,
					user: { username: account.username, firstname: 'Camille', lastname: 'Martin' },
					credits: {
						creditSms: Math.floor(account.balanceMilli / PRICE_MILLI.sms),
						creditSmsECO: Math.floor(account.balanceMilli / PRICE_MILLI.smsEco),
						creditHlr: Math.floor(account.balanceMilli / PRICE_MILLI.hlr),
						toSend: state.pendingRecipients(account),
						solde: balance,
						currency: 'EUR',
						balance,
					},
				},
				// The documented XML of /me keeps the property names of `user` only.
				xml: { namedObjectKeys: ['user'] },
			};
		},
	},

	'/send': {
		method: 'POST',
		handle(account, params, { state, clock }) {
			const message = state.send(account, parseSendRequest(params, clock.now()));
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
			const statuses = state.statusesByTag(account, tag);
			// Neither the page parameter, the page size nor what `total` counts is documented,
			// so all three are settings [INF]. An unknown parameter name is simply ignored.
			const pageSize = settings.tagPageSize;
			const page = pageNumber(params[settings.pageParam]);
			const total =
				settings.tagTotal === 'pages' ? Math.ceil(statuses.length / pageSize) : statuses.length;
			return {
				answer: {
					success: true,
					code: 200,
					currentPage: page,
					total,
					StatutResponse_List: statuses.slice((page - 1) * pageSize, page * pageSize),
				},
			};
		},
	},
};

/** 1-based; anything but a positive integer reads as the first page. */
function pageNumber(value: unknown): number {
	const page = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : 0;
	return page >= 1 ? page : 1;
}
