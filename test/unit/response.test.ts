import { CANCEL_RESPONSE as SHAPE } from '../../nodes/SmsPartner/resources/sms/cancel.operation';
import { fieldErrorsOf, explainApiError } from '../../nodes/SmsPartner/shared/api-errors';
import {
	checkApiResponse,
	parseResponseBody,
	SmsPartnerFailure,
} from '../../nodes/SmsPartner/shared/response';

function failureOf(action: () => unknown): SmsPartnerFailure {
	try {
		action();
	} catch (error) {
		if (error instanceof SmsPartnerFailure) return error;
		throw error;
	}
	throw new Error('expected a failure');
}

describe('parseResponseBody', () => {
	it('reads JSON and XML bodies to the same object', () => {
		const json = parseResponseBody('{"success":true,"code":200,"message":"ok"}', 200, SHAPE);
		const xml = parseResponseBody(
			'<?xml version="1.0"?><result><entry>true</entry><entry>200</entry><entry><![CDATA[ok]]></entry></result>',
			200,
			SHAPE,
		);
		expect(xml).toEqual(json);
	});

	it('reports an HTML error page as an HTTP failure with an excerpt of the body', () => {
		const failure = failureOf(() =>
			parseResponseBody('<html><h1>502 Bad Gateway</h1></html>', 502, SHAPE),
		);
		expect(failure.kind).toBe('http');
		expect(failure.httpStatus).toBe(502);
		expect(failure.details.bodyExcerpt).toContain('502 Bad Gateway');
	});

	it.each([
		['a body cut short', '{"success":true,"co'],
		['an empty body', ''],
		['a JSON list', '[1,2]'],
	])('reports %s with HTTP 200 as unreadable', (_case, body) => {
		expect(failureOf(() => parseResponseBody(body, 200, SHAPE)).kind).toBe('unreadable');
	});
});

describe('checkApiResponse', () => {
	it('passes a successful answer through', () => {
		const body = { success: true, code: 200, message: 'ok' };
		expect(checkApiResponse(body, 200)).toBe(body);
	});

	it('turns success:false into an API failure with its code, whatever the HTTP status', () => {
		for (const status of [200, 400]) {
			const failure = failureOf(() =>
				checkApiResponse({ success: false, code: 6, message: 'Trop tard' }, status),
			);
			expect(failure).toMatchObject({ kind: 'api', httpStatus: status });
			expect(failure.details).toMatchObject({ code: 6, apiMessage: 'Trop tard' });
		}
	});

	it('keeps the field errors of a validation failure', () => {
		const failure = failureOf(() =>
			checkApiResponse(
				{
					success: false,
					code: 9,
					errors: [{ elementId: 'children[tag].data', message: 'trop long' }],
				},
				400,
			),
		);
		expect(failure.details.fieldErrors).toEqual([{ field: 'tag', message: 'trop long' }]);
	});

	it('refuses a JSON answer without success as unreadable', () => {
		expect(failureOf(() => checkApiResponse({ hello: 'world' }, 200)).kind).toBe('unreadable');
	});
});

describe('API error texts', () => {
	it('reads field errors under "error" or "errors"', () => {
		const list = [{ elementId: 'children[message].data', message: 'requis' }];
		expect(fieldErrorsOf({ error: list })).toEqual([{ field: 'message', message: 'requis' }]);
		expect(fieldErrorsOf({ errors: list })).toEqual([{ field: 'message', message: 'requis' }]);
		expect(fieldErrorsOf({ message: 'x' })).toEqual([]);
	});

	it('prefers the operation text over the common one, and has one for unknown codes', () => {
		expect(explainApiError(10)).toMatch(/API key/);
		expect(explainApiError(10, { 10: 'special' })).toBe('special');
		expect(explainApiError(12345)).toMatch(/SMS Partner refused the request/);
	});
});
