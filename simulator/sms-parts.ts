/** `:br:` is the API's line break; the documentation bills it as two characters. */
const LINE_BREAK = ':br:';
const LINE_BREAK_LENGTH = 2;

const GSM = { single: 160, multipart: 153 };
// The per-part size of concatenated Unicode SMS is undocumented; 67 is the usual UDH value [INF].
const UNICODE = { single: 70, multipart: 67 };

export interface SmsLength {
	/** Billed characters. */
	length: number;
	/** SMS units one recipient is billed for. */
	parts: number;
}

/**
 * GSM text is counted in characters, as SMS Partner replaces or drops what the GSM alphabet
 * lacks. Unicode text is counted in UTF-16 units, so an emoji takes two, as on a handset.
 */
export function countSmsParts(message: string, unicode: boolean): SmsLength {
	const segments = message.split(LINE_BREAK);
	const textLength = segments.reduce(
		(sum, segment) => sum + (unicode ? segment.length : [...segment].length),
		0,
	);
	const length = textLength + (segments.length - 1) * LINE_BREAK_LENGTH;
	const size = unicode ? UNICODE : GSM;
	const parts = length <= size.single ? 1 : Math.ceil(length / size.multipart);
	return { length, parts };
}
