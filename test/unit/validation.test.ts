import {
	checkLimit,
	checkMessageId,
	checkTag,
	InvalidParameterError,
} from '../../nodes/SmsPartner/shared/validation';

function problemOf(check: () => unknown): InvalidParameterError {
	try {
		check();
	} catch (error) {
		if (error instanceof InvalidParameterError) return error;
		throw error;
	}
	throw new Error('expected the value to be refused');
}

describe('checkMessageId', () => {
	it.each([
		[307, '307'],
		['307', '307'],
		['  42 ', '42'],
	])('accepts %p as %p', (value, expected) => {
		expect(checkMessageId(value)).toBe(expected);
	});

	it.each(['', '   ', undefined, null])('refuses the empty value %p, naming the field', (value) => {
		const problem = problemOf(() => checkMessageId(value));
		expect(problem.parameter).toBe('Message ID');
		expect(problem.message).toBe('Message ID is empty');
		expect(problem.hint).toMatch(/message_id/);
	});

	it.each(['abc', '12a', '-5', '0', '1.5', '1&apiKey=x', '١٢٣', 3.5, -1, '99999999999999999999'])(
		'refuses %p as not a message ID',
		(value) => {
			const problem = problemOf(() => checkMessageId(value));
			expect(problem.message).toMatch(
				/^Message ID .* is not a message ID: it must be a positive whole number$/,
			);
		},
	);
});

describe('checkTag', () => {
	it('accepts a tag of 20 characters and trims surrounding spaces', () => {
		expect(checkTag(' reminders-2026-1234 ')).toBe('reminders-2026-1234');
		expect(checkTag('a'.repeat(20))).toBe('a'.repeat(20));
	});

	it('refuses an empty tag', () => {
		expect(problemOf(() => checkTag('  ')).message).toBe('Tag is empty');
	});

	it('refuses a tag over 20 characters, saying how long it is', () => {
		expect(problemOf(() => checkTag('a'.repeat(21))).message).toBe(
			`Tag "${'a'.repeat(21)}" has 21 characters; SMS Partner allows at most 20`,
		);
	});

	it('refuses a tag with a space inside', () => {
		const problem = problemOf(() => checkTag('rappel rdv'));
		expect(problem.parameter).toBe('Tag');
		expect(problem.message).toBe('Tag "rappel rdv" contains a space');
	});
});

describe('checkLimit', () => {
	it.each([
		[1, 1],
		[50, 50],
		['20', 20],
	])('accepts %p', (value, expected) => {
		expect(checkLimit(value)).toBe(expected);
	});

	it.each([0, -1, 2.5, 'many', '', undefined])('refuses %p', (value) => {
		expect(problemOf(() => checkLimit(value)).parameter).toBe('Limit');
	});
});
