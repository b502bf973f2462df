import { InvalidParameterError, isBlank, shown, textOf } from './validation';

/** SMS Partner takes at most 500 numbers per request (error 50). */
export const MAX_NUMBERS_PER_REQUEST = 500;

const SEPARATORS = /[\s,;]+/;
/** Spaces, dots, dashes and brackets that people write inside numbers. */
const FORMATTING = /[\s.\-()/]/g;

/**
 * One number in the international form every endpoint accepts: `+33612345678`. French national
 * numbers (`06…`, `07…`, any `0` + 9 digits) become `+33…`; `00` becomes `+`. Returns undefined
 * for anything else, so that the caller can name the bad number.
 */
export function toInternationalNumber(raw: string): string | undefined {
	const compact = raw.replace(FORMATTING, '');
	if (/^0[1-9]\d{8}$/.test(compact)) return `+33${compact.slice(1)}`;
	const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
	return /^\+[1-9]\d{7,14}$/.test(international) ? international : undefined;
}

/** One phone number, e.g. the recipient of a status, in international form; `hint` says which. */
export function checkPhoneNumber(value: unknown, parameter: string, hint: string): string {
	if (isBlank(value)) throw new InvalidParameterError(parameter, `${parameter} is empty`, hint);
	const text = textOf(value);
	const number = text === undefined ? undefined : toInternationalNumber(text);
	if (number === undefined) {
		throw new InvalidParameterError(
			parameter,
			`${parameter} ${shown(value)} is not a phone number`,
			hint,
		);
	}
	return number;
}

/** The entries of a list as written; a value that is no text (true, an object) is an entry too. */
function entriesOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value.flatMap(entriesOf);
	if (isBlank(value)) return [];
	const text = textOf(value);
	if (text === undefined) return [value];
	// Separators split the list; a space inside a number such as "06 12 34 56 78" is formatting.
	return text
		.split(/[,;\n]+/)
		.flatMap((part) => (toInternationalNumber(part) ? [part] : part.trim().split(SEPARATORS)))
		.filter((part) => part.trim() !== '');
}

/**
 * The recipients of a request from a list (comma, semicolon or line separated), an array, or a
 * single number: normalised, without duplicates, at most `max`.
 */
export function parsePhoneNumbers(
	value: unknown,
	parameter: string,
	max = MAX_NUMBERS_PER_REQUEST,
): string[] {
	const hint =
		'Give numbers in international form (+33612345678) or French national form (0612345678), separated by commas, or an array.';
	const numbers = new Set<string>();
	for (const entry of entriesOf(value)) {
		const number = typeof entry === 'string' ? toInternationalNumber(entry) : undefined;
		if (number === undefined) {
			const given = typeof entry === 'string' ? entry.trim() : entry;
			throw new InvalidParameterError(
				parameter,
				`${parameter} holds ${shown(given)}, which is not a phone number`,
				hint,
			);
		}
		numbers.add(number);
	}
	if (numbers.size === 0) throw new InvalidParameterError(parameter, `${parameter} is empty`, hint);
	if (numbers.size > max) {
		throw new InvalidParameterError(
			parameter,
			`${parameter} has ${numbers.size} numbers; SMS Partner takes at most ${max} per request`,
			'Split the list, for example with a Loop Over Items node, or send one item per batch of numbers.',
		);
	}
	return [...numbers];
}
