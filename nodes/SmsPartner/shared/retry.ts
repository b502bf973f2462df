import { SmsPartnerFailure, type ApiAnswer } from './response';

/**
 * How a failed request of an operation may be repeated. Reads and cancels change nothing when
 * sent twice, so any temporary failure is retried. Sends and other changes are retried only when
 * SMS Partner certainly did not take the request; otherwise the error says what may have happened
 * (`uncertainOutcome`) so that the user checks before running the item again.
 */
export type RetryPolicy = RetryAnyFailure | RetryOnlyUntouched;
interface RetryAnyFailure {
	readonly retryLostAnswers: true;
}
interface RetryOnlyUntouched {
	readonly retryLostAnswers: false;
	readonly uncertainOutcome: string;
}

/** Status reads, lists, the account, cancels. */
export const RETRY_ANY_TEMPORARY_FAILURE: RetryPolicy = { retryLostAnswers: true };

/**
 * Sends, creations, credit moves and other changes. `mayHaveHappened` and `howToCheck` make the
 * advice given when the answer was lost, e.g. "The SMS may have been sent", "Check the dashboard".
 */
export function retryOnlyUntouched(
	mayHaveHappened: string,
	howToCheck: string,
): RetryOnlyUntouched {
	return {
		retryLostAnswers: false,
		uncertainOutcome: `${mayHaveHappened} all the same: it was not retried, so that it does not happen twice. ${howToCheck} before running this item again.`,
	};
}

export const DEFAULT_MAX_RETRIES = 3;
export const MAX_RETRIES = 10;
export const DEFAULT_RETRY_DELAY_MS = 1000;
/** No retry starts later than this after the first attempt, whatever the settings. */
export const RETRY_WINDOW_MS = 120_000;
/** One exponential wait is never longer than this. */
const MAX_BACKOFF_MS = 30_000;

/**
 * What a failure says about the request: `untouched` when SMS Partner certainly did not act on it
 * (rate limited, connection refused), `unknown` when it may have (the answer was lost, cut or
 * broken), `final` when SMS Partner answered and sending it again would get the same answer.
 */
export type FailureOutcome = 'untouched' | 'unknown' | 'final';

/** Network errors after which the request certainly never reached SMS Partner. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
/** Network errors that retrying cannot fix: a wrong host name stays wrong. */
const PERMANENT_NETWORK = new Set(['ENOTFOUND', 'ERR_CANCELED']);

export function networkCodeOf(error: unknown): string | undefined {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		// n8n-core before 2.41 hands the node a NodeApiError that keeps the code in httpCode only.
		const { code, httpCode } = (candidate ?? {}) as { code?: unknown; httpCode?: unknown };
		for (const value of [code, httpCode]) {
			if (typeof value === 'string' && /^[A-Z_]+$/.test(value)) return value;
		}
	}
	return undefined;
}

function outcomeOfStatus(httpStatus: number, apiCode?: number): FailureOutcome {
	if (httpStatus === 429 || apiCode === 429) return 'untouched';
	if (httpStatus >= 500 || apiCode === 500 || httpStatus === 408) return 'unknown';
	return 'final';
}

/** Judges an answer that came back: only rate limits and server failures are temporary. */
export function outcomeOfAnswer({ httpStatus, body }: ApiAnswer): FailureOutcome | undefined {
	if (body.success === true) return undefined;
	const code = typeof body.code === 'number' ? body.code : Number(body.code);
	const outcome = outcomeOfStatus(httpStatus, Number.isFinite(code) ? code : undefined);
	return outcome === 'final' ? undefined : outcome;
}

/** Judges a request that threw: a network error, or an answer that could not be read. */
export function outcomeOfError(error: unknown): FailureOutcome {
	if (error instanceof SmsPartnerFailure) {
		// A cut or garbled answer at HTTP 200 means the request was processed and its answer lost.
		return error.kind === 'unreadable' ? 'unknown' : outcomeOfStatus(error.httpStatus);
	}
	const code = networkCodeOf(error);
	if (!code || PERMANENT_NETWORK.has(code)) return 'final';
	return NEVER_SENT.has(code) ? 'untouched' : 'unknown';
}

export function mayRetry(policy: RetryPolicy, outcome: FailureOutcome): boolean {
	if (outcome === 'final') return false;
	return outcome === 'untouched' || policy.retryLostAnswers;
}

/**
 * The wait asked by a `Retry-After` header, in ms: seconds or an HTTP date. Undefined when
 * absent or unreadable, so that the usual backoff applies.
 */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' && typeof text !== 'number') return undefined;
	const trimmed = String(text).trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
	const date = Date.parse(trimmed);
	if (Number.isNaN(date) || !/[a-z]/i.test(trimmed)) return undefined;
	return Math.max(0, date - now);
}

/**
 * The wait before retry number `retry` (1 for the first): what SMS Partner asked for, otherwise
 * an exponential backoff with jitter, so that items that failed together do not retry together.
 */
export function retryDelayMs(
	retry: number,
	firstDelayMs: number,
	retryAfterMs: number | undefined,
	random: () => number = Math.random,
): number {
	if (retryAfterMs !== undefined) return retryAfterMs;
	const backoff = Math.min(MAX_BACKOFF_MS, firstDelayMs * 2 ** (retry - 1));
	return Math.round(backoff * (0.5 + random() / 2));
}
