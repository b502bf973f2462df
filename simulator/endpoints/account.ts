import type { Endpoint } from './endpoint';

const PRICE_MILLI = { sms: 45, smsEco: 30, hlr: 5 };

export const ACCOUNT_ENDPOINTS: Record<string, Endpoint> = {
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
};
