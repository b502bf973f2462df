import { InvalidParameterError } from './validation';

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

function entriesOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(entriesOf);
	if (typeof value === 'number') return [String(value)];
	if (typeof value !== 'string') return [];
	// Separators split the list; a space inside a number such as "06 12 34 56 78" is formatting.
	return value
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
	const numbers: string[] = [];
	for (const entry of entriesOf(value)) {
		const number = toInternationalNumber(entry);
		if (number === undefined) {
			throw new InvalidParameterError(parameter, `"${entry.trim()}" is not a phone number`, hint);
		}
		if (!numbers.includes(number)) numbers.push(number);
	}
	if (numbers.length === 0)
		throw new InvalidParameterError(parameter, `${parameter} is empty`, hint);
	if (numbers.length > max) {
		throw new InvalidParameterError(
			parameter,
			`${parameter} has ${numbers.length} numbers; SMS Partner takes at most ${max} per request`,
			'Split the list, for example with a Loop Over Items node, or send one item per batch of numbers.',
		);
	}
	return numbers;
}
