import type { SimulatorClock } from '../clock';
import { ApiError, ValidationError, violation } from '../errors';
import type { Account } from '../state';
import type { JsonObject } from '../xml';
import type { Endpoint } from './endpoint';

/** Documented for /hlr/notify and /lookup: 360 requests per minute, HTTP 429 beyond. */
const RATE_LIMIT = 360;
const RATE_WINDOW_MS = 60_000;
const MAX_NUMBERS = 500;
const HLR_PRICE_MILLI = 5;
const TAG_MAX_LENGTH = 20;
const INVALID_NUMBER = "Le numéro de téléphone est vide ou n'est pas valide.";

/** Arrival times of recent requests, per account and path: the limit is per page [INF]. */
const recentRequests = new WeakMap<Account, Map<string, number[]>>();
/** HLR campaigns created so far, per account, for `campaign_id`. */
const hlrCampaigns = new WeakMap<Account, number>();

/**
 * A sliding minute on the simulator's clock. Refused requests do not count [INF]; the body of a
 * 429 is not documented, so it is the usual envelope with code 429 [INF].
 */
function checkRateLimit(account: Account, path: string, clock: SimulatorClock): void {
	let byPath = recentRequests.get(account);
	if (byPath === undefined) {
		byPath = new Map();
		recentRequests.set(account, byPath);
	}
	const now = clock.now();
	const recent = (byPath.get(path) ?? []).filter((at) => now - at < RATE_WINDOW_MS);
	byPath.set(path, recent);
	if (recent.length >= RATE_LIMIT) throw new ApiError(429);
	recent.push(now);
}

/**
 * The comma-separated `phoneNumbers` both endpoints take. Anything but a string, or another
 * separator, is code 3 ("numbers must be separated by a comma") [INF]; over 500 is 50 [INF].
 */
function numberEntries(value: unknown): string[] {
	if (value === undefined || value === null || value === '') throw new ApiError(2);
	if (typeof value !== 'string') {
		throw new ApiError(3, 'Les numéros doivent être séparés par une virgule');
	}
	if (value.trim() === '') throw new ApiError(2);
	if (/[;\n]/.test(value))
		throw new ApiError(3, 'Les numéros doivent être séparés par une virgule');
	const entries = value.split(',').map((entry) => entry.trim());
	if (entries.length > MAX_NUMBERS) throw new ApiError(50);
	return entries;
}

interface Country {
	name: string;
	/** Lengths of the national significant number. */
	lengths: number[];
}

/** A few dialling codes, enough to tell countries apart; the real service knows them all. */
const COUNTRIES: Record<string, Country> = {
	'1': { name: 'United States', lengths: [10] },
	'32': { name: 'Belgium', lengths: [8, 9] },
	'33': { name: 'France', lengths: [9] },
	'34': { name: 'Spain', lengths: [9] },
	'39': { name: 'Italy', lengths: [9, 10] },
	'41': { name: 'Switzerland', lengths: [9] },
	'44': { name: 'United Kingdom', lengths: [10] },
	'49': { name: 'Germany', lengths: [10, 11] },
	'212': { name: 'Morocco', lengths: [9] },
	'352': { name: 'Luxembourg', lengths: [6, 7, 8, 9] },
};

/** French number types by the first digit of the national significant number [INF]. */
function frenchType(nsn: string): string {
	if (/^[67]/.test(nsn)) return 'Mobile';
	if (/^[1-5]/.test(nsn)) return 'Fixed line';
	if (nsn.startsWith('9')) return 'VoIP';
	return 'Special';
}

/** `06 12 34 56 78` style: the first digit, then pairs. */
function frenchGroups(nsn: string): string[] {
	return [nsn.slice(0, 1), ...(nsn.slice(1).match(/\d{2}/g) ?? [])];
}

/**
 * One entry of /lookup. International forms are accepted with `+`, `00` or without either (the
 * documented example answers "336…"), with spaces, dots or dashes [INF]; national forms are not,
 * as the page requires international numbers.
 */
export function lookupEntry(request: string): JsonObject {
	const invalid = { request, success: false, message: INVALID_NUMBER };
	const compact = request.replace(/[\s.\-()]/g, '');
	const digits = /^\+\d+$/.test(compact)
		? compact.slice(1)
		: /^00\d+$/.test(compact)
			? compact.slice(2)
			: compact;
	if (!/^[1-9]\d{6,14}$/.test(digits)) return invalid;
	const prefix = [1, 2, 3].map((length) => digits.slice(0, length)).find((p) => COUNTRIES[p]);
	if (prefix === undefined) return invalid;
	const country = COUNTRIES[prefix];
	const nsn = digits.slice(prefix.length);
	if (!country.lengths.includes(nsn.length) || nsn.startsWith('0')) return invalid;
	const e164 = `+${digits}`;
	const french = prefix === '33';
	const groups = french ? frenchGroups(nsn) : [nsn];
	return {
		request,
		success: true,
		countryCode: country.name,
		prefixCode: Number(prefix),
		phoneNumber: e164,
		// [INF] only French numbers get a type; others are reported as unknown.
		type: french ? frenchType(nsn) : 'Unknown',
		// The documented example has an empty network.
		network: '',
		format: {
			e164,
			international: `+${prefix} ${groups.join(' ')}`,
			national: french ? `0${groups.join(' ')}` : nsn,
			rfc3966: `tel:+${prefix}-${groups.join('-')}`,
		},
	};
}

/** Numbers /hlr/notify would check: international only, as documented. */
function hlrNumbers(entries: string[]): string[] {
	const valid = entries
		.map((entry) => lookupEntry(entry))
		.filter((result) => result.success === true)
		.map((result) => String(result.phoneNumber));
	// [INF] numbers it cannot read are skipped; none left is "phone number required".
	if (valid.length === 0) throw new ApiError(2);
	return [...new Set(valid)];
}

export const NUMBER_ENDPOINTS: Record<string, Endpoint> = {
	'/lookup': {
		method: 'POST',
		handle(account, params, { clock }) {
			checkRateLimit(account, '/lookup', clock);
			const entries = numberEntries(params.phoneNumbers);
			return { answer: { success: true, code: 200, lookup: entries.map(lookupEntry) } };
		},
	},

	'/hlr/notify': {
		method: 'POST',
		handle(account, params, { clock, callbacks }) {
			checkRateLimit(account, '/hlr/notify', clock);
			const numbers = hlrNumbers(numberEntries(params.phoneNumbers));
			const tag = params.tag;
			if (typeof tag === 'string' && tag.length > TAG_MAX_LENGTH) {
				throw new ValidationError([
					violation(
						'tag',
						'Cette chaîne est trop longue. Elle doit avoir au maximum 20 caractères.',
					),
				]);
			}
			// HLR checks are paid (the `creditHlr` of /me): 0.005 EUR each, as documented.
			const costMilli = numbers.length * HLR_PRICE_MILLI;
			// [INF] code 11 is among the number-verification codes of the error page.
			if (costMilli > account.balanceMilli) throw new ApiError(11);
			account.balanceMilli -= costMilli;
			const campaign = (hlrCampaigns.get(account) ?? 0) + 1;
			hlrCampaigns.set(account, campaign);
			const campaignId = `HLR${String(campaign).padStart(6, '0')}`;
			// The results reach notifyUrl later, as the real checks take a while.
			const notifyUrl = params.notifyUrl;
			if (typeof notifyUrl === 'string' && notifyUrl !== '') {
				callbacks.queueNumberChecks(notifyUrl, campaignId, numbers);
			}
			return {
				answer: {
					success: true,
					code: 200,
					campaign_id: campaignId,
					number: numbers.length,
					cost: costMilli / 1000,
					currency: 'EUR',
				},
			};
		},
	},
};
