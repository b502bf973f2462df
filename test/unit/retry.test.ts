import { NodeApiError } from 'n8n-workflow';

import { attemptTimeoutMs, DEFAULT_TIMEOUT_MS } from '../../nodes/SmsPartner/shared/request';
import { SmsPartnerFailure } from '../../nodes/SmsPartner/shared/response';
import {
	mayRetry,
	outcomeOfAnswer,
	outcomeOfError,
	parseRetryAfter,
	retryDelayMs,
	RETRY_ANY_TEMPORARY_FAILURE,
	retryOnlyUntouched,
} from '../../nodes/SmsPartner/shared/retry';

const NOW = Date.parse('2026-11-24T08:00:00Z');

function networkError(code: string) {
	return Object.assign(new Error('request failed'), { code });
}

describe('parseRetryAfter', () => {
	it('reads seconds and HTTP dates', () => {
		expect(parseRetryAfter('0', NOW)).toBe(0);
		expect(parseRetryAfter(' 12 ', NOW)).toBe(12_000);
		expect(parseRetryAfter(['3'], NOW)).toBe(3000);
		expect(parseRetryAfter('Tue, 24 Nov 2026 08:00:30 GMT', NOW)).toBe(30_000);
	});

	it('never gives a negative wait for a date in the past', () => {
		expect(parseRetryAfter('Tue, 24 Nov 2026 07:00:00 GMT', NOW)).toBe(0);
	});

	it('ignores what it cannot read, so that the backoff applies', () => {
		for (const value of [undefined, '', 'soon', '-5', '1.5', {}, null]) {
			expect(parseRetryAfter(value, NOW)).toBeUndefined();
		}
	});
});

describe('retryDelayMs', () => {
	it('doubles from the first delay, with jitter between half and all of it', () => {
		expect(retryDelayMs(1, 1000, undefined, () => 0)).toBe(500);
		expect(retryDelayMs(1, 1000, undefined, () => 1)).toBe(1000);
		expect(retryDelayMs(3, 1000, undefined, () => 1)).toBe(4000);
	});

	it('caps one wait at 30 s', () => {
		expect(retryDelayMs(10, 1000, undefined, () => 1)).toBe(30_000);
	});

	it('waits what SMS Partner asked for', () => {
		expect(retryDelayMs(1, 1000, 7000, () => 0)).toBe(7000);
	});
});

describe('outcomeOfAnswer', () => {
	it('sees nothing to retry in a success or a final refusal', () => {
		expect(outcomeOfAnswer({ httpStatus: 200, body: { success: true, code: 200 } })).toBe(
			undefined,
		);
		expect(outcomeOfAnswer({ httpStatus: 400, body: { success: false, code: 9 } })).toBe(undefined);
		expect(outcomeOfAnswer({ httpStatus: 200, body: { success: false, code: 4 } })).toBe(undefined);
	});

	it('knows a rate limit did nothing, whether told by the HTTP status or the body', () => {
		expect(outcomeOfAnswer({ httpStatus: 429, body: { success: false, code: 429 } })).toBe(
			'untouched',
		);
		expect(outcomeOfAnswer({ httpStatus: 200, body: { success: false, code: '429' } })).toBe(
			'untouched',
		);
	});

	it('cannot tell what a server error did', () => {
		expect(outcomeOfAnswer({ httpStatus: 500, body: { success: false, code: 500 } })).toBe(
			'unknown',
		);
		expect(outcomeOfAnswer({ httpStatus: 200, body: { success: false, code: 500 } })).toBe(
			'unknown',
		);
		expect(outcomeOfAnswer({ httpStatus: 503, body: {} })).toBe('unknown');
	});
});

describe('outcomeOfError', () => {
	it('knows a refused connection never reached SMS Partner', () => {
		expect(outcomeOfError(networkError('ECONNREFUSED'))).toBe('untouched');
		expect(outcomeOfError({ cause: { code: 'ECONNREFUSED' } })).toBe('untouched');
	});

	it('reads the code where n8n-core before 2.41 keeps it: NodeApiError.httpCode', () => {
		expect(outcomeOfError({ message: 'closed', httpCode: 'ECONNRESET' })).toBe('unknown');
		expect(outcomeOfError({ message: 'refused', httpCode: 'ECONNREFUSED' })).toBe('untouched');
		// An HTTP status there is no network code.
		expect(outcomeOfError({ message: 'server error', httpCode: '500' })).toBe('final');
	});

	it('cannot tell what a lost, cut or unreadable answer means', () => {
		expect(outcomeOfError(networkError('ECONNRESET'))).toBe('unknown');
		expect(outcomeOfError(networkError('ECONNABORTED'))).toBe('unknown');
		expect(outcomeOfError(new SmsPartnerFailure('unreadable', 200))).toBe('unknown');
		expect(outcomeOfError(new SmsPartnerFailure('http', 502))).toBe('unknown');
		expect(outcomeOfError(new SmsPartnerFailure('http', 429))).toBe('untouched');
	});

	it('does not retry what retrying cannot fix', () => {
		expect(outcomeOfError(networkError('ENOTFOUND'))).toBe('final');
		expect(outcomeOfError(new SmsPartnerFailure('http', 404))).toBe('final');
		expect(outcomeOfError(new Error('no code'))).toBe('final');
		expect(outcomeOfError(new NodeApiError({ name: 'n', type: 't' } as never, {}))).toBe('final');
	});
});

describe('mayRetry', () => {
	const send = retryOnlyUntouched('The SMS may have been sent', 'Check the dashboard');

	it('retries reads and cancels after any temporary failure', () => {
		expect(mayRetry(RETRY_ANY_TEMPORARY_FAILURE, 'untouched')).toBe(true);
		expect(mayRetry(RETRY_ANY_TEMPORARY_FAILURE, 'unknown')).toBe(true);
		expect(mayRetry(RETRY_ANY_TEMPORARY_FAILURE, 'final')).toBe(false);
	});

	it('retries a send only when it certainly did not go out', () => {
		expect(mayRetry(send, 'untouched')).toBe(true);
		expect(mayRetry(send, 'unknown')).toBe(false);
		expect(mayRetry(send, 'final')).toBe(false);
	});

	it('tells what to check when a send may have gone out', () => {
		expect(send.uncertainOutcome).toBe(
			'The SMS may have been sent all the same: it was not retried, so that it does not happen twice. Check the dashboard before running this item again.',
		);
	});
});

describe('attemptTimeoutMs', () => {
	it("uses Request Options > Timeout when set, else the node's 30 s, never n8n's 5 minutes", () => {
		expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
		expect(attemptTimeoutMs(500)).toBe(500);
		for (const unset of [undefined, 0, '', -1, Number.NaN]) {
			expect(attemptTimeoutMs(unset)).toBe(DEFAULT_TIMEOUT_MS);
		}
	});
});
