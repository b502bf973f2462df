import fc from 'fast-check';

/** What a parameter holds, which decides the near-valid values worth trying on it. */
export type ValueKind =
	| 'id'
	| 'phone'
	| 'phones'
	| 'text'
	| 'message'
	| 'tag'
	| 'url'
	| 'email'
	| 'token'
	| 'dateTime'
	| 'date'
	| 'count'
	| 'amount'
	| 'boolean'
	| 'option'
	| 'smsList'
	| 'pairList';

const HUGE = 1_000_000;

/** A big value that counterexamples show by its label instead of in full. */
export class Labelled {
	constructor(
		readonly label: string,
		readonly value: unknown,
	) {}

	[fc.toStringMethod](): string {
		return this.label;
	}
}

/** The value an input item holds. */
export const unlabelled = (value: unknown): unknown =>
	value instanceof Labelled ? value.value : value;

/** Digits: text for a text field, and far too long for a number or an ID. */
const HUGE_DIGITS = new Labelled(`'7'.repeat(${HUGE})`, '7'.repeat(HUGE));

/** Values that broke input checks somewhere, whatever the parameter; no huge one. */
const SMALL_NASTY_VALUES: readonly unknown[] = [
	'',
	' ',
	'\t \n',
	'-1',
	'-0',
	'0',
	'1.5',
	'1e21',
	'0x1F',
	'NaN',
	'Infinity',
	'null',
	'undefined',
	'٣٠٧',
	'３０７',
	'307\n',
	' 307 ',
	'1\u0000',
	'\u0000',
	'\n',
	'\u202e307',
	'1&apiKey=x',
	'&apiKey=x&',
	'../me',
	'/../../me?',
	'#',
	'%00',
	'%26apiKey%3Dx',
	'?page=2',
	'{"__proto__":{}}',
	'__proto__',
	'constructor',
	'{{ 1 + 1 }}',
	'<entry>1</entry>',
	'"',
	-1,
	-0,
	0,
	0.5,
	1.5,
	1e21,
	-1e21,
	Number.MAX_SAFE_INTEGER + 2,
	Number.MAX_VALUE,
	Number.MIN_VALUE,
	NaN,
	Infinity,
	-Infinity,
	true,
	false,
	null,
	undefined,
	{},
	[],
	[''],
	['1', '2'],
	[[null]],
	{ value: '307' },
	JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
];

/** Values that broke input checks somewhere, whatever the parameter. */
export const NASTY_VALUES: readonly unknown[] = [...SMALL_NASTY_VALUES, HUGE_DIGITS];

/** Any value, small enough to sit inside a list or an object. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(...SMALL_NASTY_VALUES),
	fc.string({ maxLength: 30 }),
	fc.string({ unit: 'binary', maxLength: 30 }),
	fc.string({ unit: 'grapheme', maxLength: 30 }),
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.jsonValue({ maxDepth: 2 }),
);

const digits = (min: number, max: number) =>
	fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

const phone = fc.oneof(
	fc
		.tuple(fc.constantFrom('+', '00', '0', '', '+33', '06', '+1'), digits(0, 17))
		.map(([p, d]) => p + d),
	fc.stringMatching(/^[+0-9 .()/-]{0,20}$/),
	fc.constantFrom(
		'+33612345678',
		'0612345678',
		'06 12 34 56 78',
		'+33 6 12 34 56 78',
		'0033612345678',
		'+3361234567٨',
	),
);

const distinctNumbers = (count: number): string[] =>
	Array.from({ length: count }, (_, i) => `+3361${String(i).padStart(7, '0')}`);

const numberList = (count: number, join?: string) => {
	const numbers = distinctNumbers(count);
	const label = `${count} distinct numbers${join === undefined ? '' : ` joined by ${JSON.stringify(join)}`}`;
	return new Labelled(label, join === undefined ? numbers : numbers.join(join));
};

/** One text made of the characters that SMS Partner counts in unusual ways. */
const billedText = (min: number, max: number) =>
	fc
		.array(fc.constantFrom('a', ' ', 'é', '€', '^', '{', '\\', ':br:', ':euro:', '😀', '\n', 'ç'), {
			minLength: min,
			maxLength: max,
		})
		.map((parts) => parts.join(''));

/**
 * Plain letters up to about `limit` characters, then a few that count twice or differ by mode.
 * No :euro: here: the simulator counts it as its 6 letters, not as the € it becomes.
 */
const aroundLength = (limit: number) =>
	fc
		.tuple(
			fc.integer({ min: limit - 20, max: limit + 2 }),
			fc.array(fc.constantFrom('€', '^', '{', ':br:', '😀', 'é', ' '), { maxLength: 8 }),
		)
		.map(([plain, extra]) => 'a'.repeat(plain) + extra.join(''));

const STEP_MS = 5 * 60_000;

/** Times from the past to next year on the 5-minute grid, and times around the 5-minute limit. */
const minutesFromNow = fc.oneof(
	fc
		.integer({ min: -24, max: 12 * 24 * 400 })
		.map((steps) => new Date((Math.floor(Date.now() / STEP_MS) + steps) * STEP_MS)),
	fc
		.double({ min: -2, max: 12, noNaN: true })
		.map((minutes) => new Date(Math.floor((Date.now() + minutes * 60_000) / 1000) * 1000)),
);

/** Within a few decades: a period of centuries would make thousands of monthly items. */
const someDate = fc.date({
	min: new Date('1990-01-01'),
	max: new Date('2040-01-01'),
	noInvalidDate: true,
});

const smsPair = fc.record(
	{ phoneNumber: fc.oneof(phone, anyValue), message: fc.oneof(billedText(0, 200), anyValue) },
	{ requiredKeys: [] },
);

const statusPair = fc.record(
	{ messageId: fc.oneof(digits(0, 20), anyValue), phoneNumber: fc.oneof(phone, anyValue) },
	{ requiredKeys: [] },
);

/** Values that are nearly right for a kind of parameter: the edges of its rules. */
const NEAR_VALID: Record<ValueKind, fc.Arbitrary<unknown>> = {
	id: fc.oneof(
		digits(0, 25),
		fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
		fc.integer(),
	),
	phone,
	phones: fc.oneof(
		fc.array(phone, { maxLength: 5 }).map((numbers) => numbers.join(', ')),
		fc.array(phone, { maxLength: 5 }),
		fc.array(phone, { maxLength: 3 }).map((numbers) => numbers.join(';\n')),
		fc.constantFrom(numberList(500), numberList(501), numberList(501, ',')),
	),
	text: fc.oneof(
		fc.string({ unit: 'grapheme', maxLength: 40 }),
		fc.string({ minLength: 30, maxLength: 34 }),
	),
	// One SMS, Low Cost, 10 Unicode parts, 10 GSM parts.
	message: fc.oneof(billedText(0, 40), aroundLength(160), aroundLength(670), aroundLength(1530)),
	tag: fc.stringMatching(/^[a-zA-Z0-9 _-]{0,24}$/),
	url: fc.oneof(
		fc.webUrl({ withQueryParameters: true, withFragments: true }),
		fc.constantFrom(
			'http://',
			'https://x y',
			'javascript:alert(1)',
			'ftp://example.com',
			'https://?',
			'http:/x',
			'https://example.com/a b',
		),
	),
	email: fc.oneof(
		fc.emailAddress(),
		fc.constantFrom('a@b', '@x.fr', 'a b@c.fr', 'a@b.c\n', 'a@@b.fr', 'a@b.fr,c@d.fr'),
	),
	token: fc.oneof(fc.stringMatching(/^[a-f0-9]{0,40}$/), fc.constantFrom('tok en', 'a/b', 'x?y=1')),
	dateTime: fc.oneof(
		minutesFromNow.map((at) => at.toISOString()),
		minutesFromNow.map((at) => at.toISOString().replace('Z', '+01:00')),
		minutesFromNow.map((at) => at.toISOString().slice(0, 16)),
		minutesFromNow,
		fc.constantFrom(
			// The hour that Paris clocks repeat, then the one they skip.
			'2027-10-31T01:30:00Z',
			'2027-03-28T02:30:00+02:00',
			'2026-02-30T10:05:00',
			'2026-11-24 25:05',
			'2026-13-01T10:00',
			'24/11/2026 10:05',
			'2026-10-25T02:30:00+02:00',
			'tomorrow',
		),
	),
	date: fc.oneof(
		someDate.map((date) => date.toISOString()),
		someDate.map((date) => date.toISOString().slice(0, 10)),
		someDate,
		fc.constant(new Date(NaN)),
		fc.constantFrom(
			'2026-02-30',
			'31-12-2026',
			'2026-1-5',
			'0000-01-01',
			'10000-01-01',
			'2026-11-24T99:99',
		),
	),
	count: fc.oneof(
		fc.integer({ min: -5, max: 1000 }),
		fc.double({ min: -5, max: 1000 }),
		fc.integer({ min: -5, max: 1000 }).map(String),
	),
	amount: fc.oneof(
		fc.double({ min: -5, max: 200 }),
		fc.double({ min: -5, max: 200 }).map(String),
		fc.constantFrom('10,5', '1e-9', '0.0001', 1e-9),
	),
	boolean: fc.constantFrom(true, false, 'true', 'false', 1, 0, 'yes', ''),
	option: fc.constantFrom(
		'simple',
		'advanced',
		'premium',
		'lowCost',
		'lastMonth',
		'lastTwelveMonths',
		'custom',
		'list',
		'fields',
		'SIMPLE',
		'last_month',
	),
	smsList: fc.oneof(
		fc.array(smsPair, { maxLength: 4 }),
		fc.array(smsPair, { maxLength: 4 }).map((pairs) => JSON.stringify(pairs)),
		smsPair,
		fc.constant(
			new Labelled(
				'501 SMS',
				distinctNumbers(501).map((phoneNumber) => ({ phoneNumber, message: 'Hi' })),
			),
		),
	),
	pairList: fc.oneof(
		fc.array(statusPair, { maxLength: 4 }),
		fc.array(statusPair, { maxLength: 4 }).map((pairs) => JSON.stringify(pairs)),
		statusPair,
		fc.constant(
			new Labelled(
				'501 pairs',
				distinctNumbers(501).map((phoneNumber) => ({ phoneNumber, messageId: 1 })),
			),
		),
	),
};

/** A bad, odd or nearly right value for a parameter of the given kind; rarely a huge one. */
export function nastyValue(kind: ValueKind): fc.Arbitrary<unknown> {
	return fc.oneof(
		{ arbitrary: anyValue, weight: 50 },
		{ arbitrary: NEAR_VALID[kind], weight: 50 },
		{ arbitrary: fc.constant(HUGE_DIGITS), weight: 1 },
	);
}

/** The values of one run: one input item each. */
export function nastyValues(kind: ValueKind, maxItems: number): fc.Arbitrary<unknown[]> {
	return fc.array(nastyValue(kind), { minLength: 1, maxLength: maxItems });
}
