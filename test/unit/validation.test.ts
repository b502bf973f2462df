import { refusalOf } from './thrown';
import {
	checkBoolean,
	checkChoice,
	checkLimit,
	checkMessageId,
	checkTag,
	isBlank,
	numberOf,
	shown,
	textOf,
} from '../../nodes/SmsPartner/shared/validation';

describe('checkMessageId', () => {
	it.each([
		[307, '307'],
		['307', '307'],
		['  42 ', '42'],
	])('accepts %p as %p', (value, expected) => {
		expect(checkMessageId(value)).toBe(expected);
	});

	it.each(['', '   ', undefined, null])('refuses the empty value %p, naming the field', (value) => {
		const problem = refusalOf(() => checkMessageId(value));
		expect(problem.parameter).toBe('Message ID');
		expect(problem.message).toBe('Message ID is empty');
		expect(problem.hint).toMatch(/\{\{ \$json\.messageId \}\}/);
	});

	it.each([
		'abc',
		'12a',
		'-5',
		'0',
		'1.5',
		'1&apiKey=x',
		'١٢٣',
		'３０７',
		3.5,
		-1,
		'99999999999999999999',
		// 16 digits: beyond what a JSON number keeps exact.
		'1234567890123456',
		Number.NaN,
		true,
		{},
		['307'],
	])('refuses %p as not a message ID', (value) => {
		const problem = refusalOf(() => checkMessageId(value));
		expect(problem.message).toMatch(
			/^Message ID .+ is not a message ID: it must be a positive whole number of at most 15 digits$/,
		);
	});

	it('takes 15 digits, and shows what it refuses as given rather than as empty', () => {
		expect(checkMessageId(123456789012345)).toBe('123456789012345');
		expect(refusalOf(() => checkMessageId(true)).message).toMatch(/^Message ID true is not/);
		expect(refusalOf(() => checkMessageId(Number.NaN)).message).toMatch(/^Message ID NaN is not/);
	});
});

describe('checkTag', () => {
	it('accepts a tag of 20 characters and trims surrounding spaces', () => {
		expect(checkTag(' reminders-2026-1234 ')).toBe('reminders-2026-1234');
		expect(checkTag('a'.repeat(20))).toBe('a'.repeat(20));
	});

	it('refuses an empty tag', () => {
		expect(refusalOf(() => checkTag('  ')).message).toBe('Tag is empty');
	});

	it('refuses a tag over 20 characters, saying how long it is', () => {
		expect(refusalOf(() => checkTag('a'.repeat(21))).message).toBe(
			`Tag "${'a'.repeat(21)}" has 21 characters; SMS Partner allows at most 20`,
		);
	});

	it('refuses a tag with a space inside', () => {
		const problem = refusalOf(() => checkTag('rappel rdv'));
		expect(problem.parameter).toBe('Tag');
		expect(problem.message).toBe('Tag "rappel rdv" contains a space');
	});

	it.each([true, {}, ['rdv'], Number.NaN])(
		'refuses %p as no text rather than as empty',
		(value) => {
			expect(refusalOf(() => checkTag(value)).message).toMatch(/^Tag .+ is not text$/);
		},
	);
});

describe('checkLimit', () => {
	it.each([
		[1, 1],
		[50, 50],
		['20', 20],
	])('accepts %p', (value, expected) => {
		expect(checkLimit(value)).toBe(expected);
	});

	it.each([0, -1, 2.5, 'many', '', undefined, '0x10', '1e2', true, Infinity])(
		'refuses %p',
		(value) => {
			expect(refusalOf(() => checkLimit(value)).parameter).toBe('Limit');
		},
	);
});

describe('shown', () => {
	it.each([
		['307', '"307"'],
		[307, '307'],
		[Number.NaN, 'NaN'],
		[true, 'true'],
		[undefined, 'nothing'],
		[null, 'nothing'],
		[{ id: 1 }, '{"id":1}'],
		[['a', 'b'], '["a","b"]'],
	])('shows %p as %s', (value, expected) => {
		expect(shown(value)).toBe(expected);
	});

	it('cuts long values after 40 characters', () => {
		expect(shown('7'.repeat(1_000_000))).toBe(`"${'7'.repeat(40)}…"`);
		expect(shown(Array(100).fill(1))).toHaveLength(41);
	});

	it('writes control, invisible and direction characters as escapes', () => {
		expect(shown('1\u0000\n\u202e2\u200b')).toBe('"1\\u0000\\u000a\\u202e2\\u200b"');
	});
});

describe('isBlank, textOf and numberOf', () => {
	it.each([undefined, null, '', '  \n'])('%p is blank', (value) => {
		expect(isBlank(value)).toBe(true);
	});

	it.each([0, false, [], {}, 'x'])('%p is not blank', (value) => {
		expect(isBlank(value)).toBe(false);
	});

	it.each([
		[' abc ', 'abc'],
		[12, '12'],
		[Number.NaN, undefined],
		[Infinity, undefined],
		[true, undefined],
		[{}, undefined],
		[['1'], undefined],
	])('the text of %p is %p', (value, expected) => {
		expect(textOf(value)).toBe(expected);
	});

	it.each([
		[12, 12],
		[' 2.5 ', 2.5],
		['-3', -3],
		['0x10', undefined],
		['1e3', undefined],
		['', undefined],
		['2,5', undefined],
		[Number.NaN, undefined],
		[true, undefined],
	])('the number of %p is %p', (value, expected) => {
		expect(numberOf(value)).toBe(expected);
	});
});

describe('checkBoolean', () => {
	it.each([
		[true, true],
		[false, false],
		['true', true],
		[' FALSE ', false],
		['', false],
		[undefined, false],
	])('reads %p as %p', (value, expected) => {
		expect(checkBoolean(value, 'Sandbox')).toBe(expected);
	});

	it.each(['yes', 1, 0, 'on', {}, ['true']])('refuses %p, naming the field', (value) => {
		const problem = refusalOf(() => checkBoolean(value, 'Sandbox'));
		expect(problem.parameter).toBe('Sandbox');
		expect(problem.message).toMatch(/^Sandbox .+ is neither true nor false$/);
		expect(problem.hint).toMatch(/e\.g\./);
	});
});

describe('checkChoice', () => {
	const intervals = { lastMonth: 'last_month', custom: 'custom' };

	it('maps a choice to what the API takes', () => {
		expect(checkChoice('lastMonth', 'Interval', intervals, '')).toBe('last_month');
	});

	it.each(['constructor', '__proto__', 'toString', 'LastMonth', '', 1, {}])(
		'refuses %p, even a key that every object has',
		(value) => {
			const problem = refusalOf(() => checkChoice(value, 'Interval', intervals, 'Choose one.'));
			expect(problem.message).toMatch(/^Interval .+ is not one of the choices$/);
		},
	);
});
