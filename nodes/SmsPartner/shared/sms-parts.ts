import { InvalidParameterError, isBlank, shown } from './validation';

/** SMS Partner refuses a text longer than 10 concatenated SMS (error 52). */
export const MAX_SMS_PARTS = 10;
/** The Low Cost range takes one SMS at most (error 42). */
export const LOW_COST_MAX_LENGTH = 160;

const GSM = { single: 160, multipart: 153 };
// The per-part size of concatenated Unicode SMS is undocumented; 67 is the usual UDH value.
const UNICODE = { single: 70, multipart: 67 };

/** `:br:` is SMS Partner's line break and is billed as two characters. */
const LINE_BREAK = ':br:';
/** `:euro:` becomes €, which takes two GSM-7 characters (an escape and the sign). */
const EURO = ':euro:';
/** Characters of the GSM-7 extension table: each is sent as an escape plus itself. */
const GSM_EXTENSION = new Set(['^', '{', '}', '\\', '[', ']', '~', '|', '€', '\f']);

export interface SmsParts {
	/** Billed characters: GSM-7 septets, or UTF-16 units in Unicode. */
	length: number;
	/** SMS units each recipient is billed for. */
	parts: number;
	/** Characters per SMS at this length: 160/70 for one SMS, 153/67 per part beyond. */
	perPart: number;
}

/**
 * The SMS units a text costs, as SMS Partner bills it. GSM-7 text is counted per character
 * (SMS Partner replaces what the GSM alphabet lacks by a plain letter), extension characters
 * twice; Unicode text in UTF-16 units, so an emoji takes two, as on a handset.
 */
export function countSmsParts(text: string, unicode: boolean): SmsParts {
	const segments = text.split(LINE_BREAK);
	let length = (segments.length - 1) * 2;
	for (const segment of segments) {
		const expanded = segment.split(EURO).join('€');
		if (unicode) {
			length += expanded.length;
		} else {
			for (const character of expanded) length += GSM_EXTENSION.has(character) ? 2 : 1;
		}
	}
	const size = unicode ? UNICODE : GSM;
	if (length <= size.single) return { length, parts: 1, perPart: size.single };
	return { length, parts: Math.ceil(length / size.multipart), perPart: size.multipart };
}

export interface MessageCheck {
	/** The field named in errors, e.g. 'Message' or 'SMS List entry 3'. */
	field: string;
	unicode: boolean;
	lowCost?: boolean;
}

/** A message SMS Partner would accept, with its parts; refused before any request otherwise. */
export function checkMessage(value: unknown, check: MessageCheck): { text: string } & SmsParts {
	const { field, unicode, lowCost = false } = check;
	const hint = 'Write the text of the SMS, e.g. "Your appointment is tomorrow at 10:00".';
	if (isBlank(value)) throw new InvalidParameterError(field, `${field} is empty`, hint);
	// Sent as written, spaces included; a number is written out.
	const text =
		typeof value === 'string'
			? value
			: typeof value === 'number' && Number.isFinite(value)
				? String(value)
				: undefined;
	if (text === undefined) {
		throw new InvalidParameterError(field, `${field} ${shown(value)} is not text`, hint);
	}
	const counted = countSmsParts(text, unicode);
	const mode = unicode ? 'Unicode' : 'GSM';
	const size = unicode ? UNICODE : GSM;
	if (counted.parts > MAX_SMS_PARTS) {
		throw new InvalidParameterError(
			field,
			`${field} is ${counted.length} ${mode} characters long, which makes ${counted.parts} SMS; SMS Partner sends at most ${MAX_SMS_PARTS} SMS per text (${MAX_SMS_PARTS * size.multipart} ${mode} characters)`,
			`Shorten the text${unicode ? '' : ' (each of ^ { } [ ] ~ | \\ € counts twice, :br: counts 2)'}.`,
		);
	}
	if (lowCost && counted.length > LOW_COST_MAX_LENGTH) {
		throw new InvalidParameterError(
			field,
			`${field} is ${counted.length} characters long; the Low Cost range sends at most ${LOW_COST_MAX_LENGTH} characters (one SMS)`,
			'Shorten the text to 160 characters, or choose the Premium range.',
		);
	}
	return { text, ...counted };
}
