/**
 * What each SMS Partner error code means for the user, in plain English, with what to do next.
 * Codes mean different things per endpoint (4 is "message not found" on cancel but "no SMS with
 * this tag" on status by tag), so an operation passes its own texts, which win over these.
 */
export type ApiErrorTexts = Readonly<Record<number, string>>;

export const COMMON_API_ERRORS: ApiErrorTexts = {
	1: 'The request reached SMS Partner without an API key. Open the SMS Partner credential and fill in the API key.',
	9: 'SMS Partner refused one or more fields. The details below name each field and why.',
	10: 'SMS Partner does not recognise this API key. Copy the key again from the SMS Partner dashboard into the credential.',
	11: 'The SMS Partner account has not enough credit. Top up the account, then run the workflow again.',
	20: 'The SMS Partner account is deactivated. Contact SMS Partner support.',
	30: 'The SMS Partner account is blocked. Contact SMS Partner support.',
	40: 'API access is refused for this SMS Partner account. Ask SMS Partner support to enable the API.',
	90: 'SMS Partner could not read the request body as JSON. This is a bug in the node: please report it.',
	96: "SMS Partner refused this server's IP address. Add it to the allowed IPs of the account in the SMS Partner dashboard.",
	429: 'Too many requests were sent to SMS Partner in a short time. Wait a minute before running again, or lower Options > Max Concurrent Requests.',
	500: 'SMS Partner had an internal problem. Try again later.',
};

export interface FieldError {
	field: string;
	message: string;
}

/** `children[tag].data` is how SMS Partner names a field in validation errors. */
export function fieldNameOf(elementId: string): string {
	return /^children\[([^\]]+)\]/.exec(elementId)?.[1] ?? elementId;
}

/** SMS Partner lists validation errors under `error` or `errors` depending on the endpoint. */
export function fieldErrorsOf(body: Record<string, unknown>): FieldError[] {
	const list = body.error ?? body.errors;
	if (!Array.isArray(list)) return [];
	return list.map((entry) => {
		const { elementId = '', message = '' } = (entry ?? {}) as Record<string, unknown>;
		return { field: fieldNameOf(String(elementId)), message: String(message) };
	});
}

export function explainApiError(code: number, operationErrors: ApiErrorTexts = {}): string {
	return (
		operationErrors[code] ??
		COMMON_API_ERRORS[code] ??
		'SMS Partner refused the request. The description below has its own words; the SMS Partner error codes page explains this code.'
	);
}
