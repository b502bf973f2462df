import { ApiError, ValidationError, violation } from '../errors';
import { epochToParisWallTime, parisWallTimeToEpoch } from '../paris-time';
import type { Account, SimulatorState } from '../state';
import type { JsonObject } from '../xml';
import type { Endpoint } from './endpoint';

/** The documented limit of /statistics/cost-resume. */
export const COST_RESUME_LIMIT = { requests: 5, windowMs: 60_000 };

const MONTH_NAMES = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december',
];

const API_DATE = /^(\d{2})-(\d{2})-(\d{4})$/;
const INVALID = "Cette valeur n'est pas valide.";

/** Arrival times of each account's recent requests; a reset account starts afresh. */
const recentRequests = new WeakMap<Account, number[]>();

/** Every request counts, refused or not, except those the limit itself refuses [INF]. */
function enforceRateLimit(account: Account, now: number): void {
	const recent = (recentRequests.get(account) ?? []).filter(
		(at) => now - at < COST_RESUME_LIMIT.windowMs,
	);
	if (recent.length >= COST_RESUME_LIMIT.requests) {
		recentRequests.set(account, recent);
		throw new ApiError(429);
	}
	recent.push(now);
	recentRequests.set(account, recent);
}

interface Month {
	year: number;
	/** 1-12 */
	month: number;
}

function addMonths({ year, month }: Month, count: number): Month {
	const index = year * 12 + (month - 1) + count;
	return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function monthStart({ year, month }: Month): number {
	return parisWallTimeToEpoch({ year, month, day: 1, hour: 0, minute: 0 });
}

/** A DD-MM-YYYY day as the epoch of its Paris midnight, or undefined when it is no date. */
function parseDay(value: unknown): { month: Month; start: number } | undefined {
	const match = typeof value === 'string' ? API_DATE.exec(value.trim()) : null;
	if (match === null) return undefined;
	const [day, month, year] = match.slice(1).map(Number);
	const check = new Date(Date.UTC(year, month - 1, day));
	if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
	return {
		month: { year, month },
		start: parisWallTimeToEpoch({ year, month, day, hour: 0, minute: 0 }),
	};
}

interface Period {
	first: Month;
	last: Month;
	/** Epoch ms; messages sent in [from, to) count. */
	from: number;
	to: number;
}

/**
 * `last_month` is the previous calendar month; `last_twelve_months` the current month and the
 * eleven before it [INF]; `custom` runs from `from` to `to`, both days included [INF]. Months
 * are Paris months.
 */
function periodOf(params: Record<string, unknown>, now: number): Period {
	const wall = epochToParisWallTime(now);
	const current = { year: wall.year, month: wall.month };
	switch (params.interval) {
		case 'last_month': {
			const first = addMonths(current, -1);
			return { first, last: first, from: monthStart(first), to: monthStart(current) };
		}
		case 'last_twelve_months': {
			const first = addMonths(current, -11);
			return {
				first,
				last: current,
				from: monthStart(first),
				to: monthStart(addMonths(current, 1)),
			};
		}
		case 'custom': {
			// The page only says that both dates are required; the form checks are [INF].
			const from = parseDay(params.from);
			const to = parseDay(params.to);
			const violations = [];
			if (from === undefined) violations.push(violation('from', INVALID));
			if (to === undefined) violations.push(violation('to', INVALID));
			if (from === undefined || to === undefined) throw new ValidationError(violations);
			if (from.start > to.start) {
				throw new ValidationError([
					violation('to', 'La date de fin doit être postérieure à la date de début.'),
				]);
			}
			const dayAfterTo = parisWallTimeToEpoch({
				...epochToParisWallTime(to.start + 36 * 3_600_000),
				hour: 0,
				minute: 0,
				second: 0,
			});
			return { first: from.month, last: to.month, from: from.start, to: dayAfterTo };
		}
		default:
			throw new ValidationError([violation('interval', INVALID)]);
	}
}

/**
 * One entry per month of the period, months without sends included [INF]. A month counts the
 * SMS units of the messages that went out in it (not cancelled, not sandbox, send time passed)
 * and what they cost [INF].
 */
function costResume(state: SimulatorState, account: Account, period: Period, now: number) {
	const months: JsonObject[] = [];
	for (let month = period.first; ; month = addMonths(month, 1)) {
		const start = Math.max(monthStart(month), period.from);
		const end = Math.min(monthStart(addMonths(month, 1)), period.to);
		let costMilli = 0;
		let units = 0;
		for (const message of state.messagesOf(account)) {
			const sent = !message.cancelled && !message.request.sandbox && message.sendAt <= now;
			if (sent && message.sendAt >= start && message.sendAt < end) {
				costMilli += message.costMilli;
				units += message.nbSms;
			}
		}
		months.push({
			month: MONTH_NAMES[month.month - 1],
			year: String(month.year),
			m: String(month.month).padStart(2, '0'),
			date: Math.floor(monthStart(month) / 1000),
			type: 'month',
			cost: (costMilli / 1000).toFixed(3),
			nb_send: String(units),
		});
		if (month.year === period.last.year && month.month === period.last.month) return months;
	}
}

export const STATISTICS_ENDPOINTS: Record<string, Endpoint> = {
	'/statistics/cost-resume': {
		method: 'GET',
		handle(account, params, { state, clock }) {
			const now = clock.now();
			enforceRateLimit(account, now);
			const period = periodOf(params, now);
			// The documented answer has no `code`.
			return { answer: { success: true, datas: costResume(state, account, period, now) } };
		},
	},
};
