import { thrownBy } from './thrown';
import { CANCEL_RESPONSE as SHAPE } from '../../nodes/SmsPartner/resources/sms/cancel.operation';
import { fieldErrorsOf, explainApiError } from '../../nodes/SmsPartner/shared/api-errors';
import {
	checkApiResponse,
	MAX_ANSWER_CHARS,
	parseResponseBody,
	SmsPartnerFailure,
} from '../../nodes/SmsPartner/shared/response';

const failureOf = (action: () => unknown) => thrownBy(action, SmsPartnerFailure);

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

	it('keeps the Retry-After header with a failure, for the retry', () => {
		const failure = failureOf(() => parseResponseBody('<html>busy</html>', 503, SHAPE, '7'));
		expect(failure.details.retryAfter).toBe('7');
	});

	it('drops keys that lead to a prototype, at any depth, and keeps the rest', () => {
		const body = parseResponseBody(
			'{"success":true,"__proto__":{"polluted":1},"list":[{"constructor":{"prototype":{"polluted":2}},"id":7}],"prototype":3}',
			200,
			SHAPE,
		);
		expect(body).toEqual({ success: true, list: [{ id: 7 }] });
		expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
		// Copies made downstream, the way n8n and lodash copy items, stay clean too.
		expect({ ...body }).toEqual(body);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses XML that names a prototype key, and keeps every prototype clean', () => {
		const failure = failureOf(() =>
			parseResponseBody(
				'<?xml version="1.0"?><result><entry>true</entry><entry>200</entry><entry>ok</entry><__proto__><polluted>1</polluted></__proto__></result>',
				200,
				SHAPE,
			),
		);
		expect(failure.kind).toBe('unreadable');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses, unparsed, an answer longer than any SMS Partner answer', () => {
		const huge = `{"success":true,"data":"${'x'.repeat(MAX_ANSWER_CHARS)}"}`;
		const failure = failureOf(() => parseResponseBody(huge, 200, SHAPE));
		expect(failure.kind).toBe('unreadable');
		expect(failure.details.bodyExcerpt).toMatch(
			new RegExp(
				`^\\{"success":true,"data":"x+ \\(an answer of ${huge.length} characters, more than the ${MAX_ANSWER_CHARS} the node reads\\)$`,
			),
		);
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
