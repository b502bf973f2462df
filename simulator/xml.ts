/** The values an API answer is made of (the API never sends null). */
export type JsonValue = boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
	[key: string]: JsonValue;
}

export interface XmlOptions {
	/**
	 * Top-level keys whose object value keeps its property names as element names, as the API
	 * does for the `user` of `/me`. Every other object or array drops its keys.
	 */
	namedObjectKeys?: readonly string[];
}

const PROLOGUE = "<?xml version='1.0' encoding='UTF-8'?>";

/**
 * Serialises an answer the way SMS Partner does: root `<result>`, one `<entry>` per value in key
 * order, keys dropped, strings in CDATA.
 */
export function toXml(answer: JsonObject, options: XmlOptions = {}): string {
	const named = new Set(options.namedObjectKeys ?? []);
	const entries = Object.entries(answer).map(([key, value]) =>
		named.has(key) && isObject(value) ? namedEntry(value) : entry(value),
	);
	return `${PROLOGUE}\n<result>${entries.join('')}</result>\n`;
}

function entry(value: JsonValue): string {
	return `<entry>${content(value)}</entry>`;
}

function content(value: JsonValue): string {
	if (typeof value === 'string') return cdata(value);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	const children = Array.isArray(value) ? value : Object.values(value);
	return children.map(entry).join('');
}

function namedEntry(value: JsonObject): string {
	const children = Object.entries(value).map(
		([key, child]) => `<${key}>${content(child)}</${key}>`,
	);
	return `<entry>${children.join('')}</entry>`;
}

/** A `]]>` inside the text would end the section early, so it is split across two sections. */
function cdata(text: string): string {
	return `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

function isObject(value: JsonValue): value is JsonObject {
	return typeof value === 'object' && !Array.isArray(value);
}
