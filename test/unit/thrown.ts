import { InvalidParameterError } from '../../nodes/SmsPartner/shared/validation';

/** The error of type `kind` that `action` throws; fails the test when it throws nothing. */
export function thrownBy<T extends Error>(
	action: () => unknown,
	kind: abstract new (...args: never[]) => T,
): T {
	try {
		action();
	} catch (error) {
		if (error instanceof kind) return error;
		throw error;
	}
	throw new Error(`expected ${kind.name}, but nothing was thrown`);
}

/** The refusal of a check that must refuse its value. */
export function refusalOf(check: () => unknown): InvalidParameterError {
	return thrownBy(check, InvalidParameterError);
}
