import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * SMS Partner's XML drops every key: each value is an anonymous `<entry>` in the JSON key order.
 * A shape says, position by position, which key and type each entry stands for.
 */
export type XmlShape =
	| 'string'
	| 'number'
	| 'boolean'
	| { list: XmlShape }
	| { record: ReadonlyArray<readonly [string, XmlShape]> };

type XmlNode = string | { entry?: XmlNode[] };

export class UnreadableXmlError extends Error {}

const parser = new XMLParser({
	ignoreAttributes: true,
	ignoreDeclaration: true,
	// Keep every text as a string: a phone number such as +33612345678 must not become a number.
	parseTagValue: false,
	trimValues: true,
	isArray: (name) => name === 'entry',
});

function childEntries(node: XmlNode | undefined): XmlNode[] {
	if (node === undefined || node === '') return [];
	if (typeof node === 'string') throw new UnreadableXmlError(`expected a list, found "${node}"`);
	return node.entry ?? [];
}

function scalarText(node: XmlNode | undefined): string {
	if (node === undefined) return '';
	if (typeof node !== 'string') throw new UnreadableXmlError('expected a value, found a list');
	return node;
}

function decode(node: XmlNode | undefined, shape: XmlShape): unknown {
	if (shape === 'string') return scalarText(node);
	if (shape === 'number') {
		const text = scalarText(node);
		const value = Number(text);
		if (text === '' || !Number.isFinite(value)) {
			throw new UnreadableXmlError(`expected a number, found "${text}"`);
		}
		return value;
	}
	if (shape === 'boolean') {
		const text = scalarText(node);
		if (text === 'true' || text === '1') return true;
		if (text === 'false' || text === '0' || text === '') return false;
		throw new UnreadableXmlError(`expected true or false, found "${text}"`);
	}
	if ('list' in shape) return childEntries(node).map((child) => decode(child, shape.list));
	return decodeRecord(childEntries(node), shape.record);
}

function decodeRecord(
	entries: XmlNode[],
	fields: ReadonlyArray<readonly [string, XmlShape]>,
): Record<string, unknown> {
	const record: Record<string, unknown> = {};
	fields.forEach(([key, shape], position) => {
		if (position < entries.length) record[key] = decode(entries[position], shape);
	});
	return record;
}

/** Error answers share one envelope whatever the endpoint; code 9 carries a list of field errors. */
const ERROR_SHAPE = [
	['success', 'boolean'],
	['code', 'number'],
	['message', 'string'],
] as const;
const VALIDATION_ERROR_SHAPE = [
	['success', 'boolean'],
	['code', 'number'],
	[
		'error',
		{
			list: {
				record: [
					['elementId', 'string'],
					['message', 'string'],
				],
			},
		},
	],
] as const;

/** Turns an SMS Partner XML answer into the object its JSON form would be. */
export function decodeSmsPartnerXml(
	xml: string,
	successShape: ReadonlyArray<readonly [string, XmlShape]>,
): Record<string, unknown> {
	const validation = XMLValidator.validate(xml);
	if (validation !== true) throw new UnreadableXmlError(validation.err.msg);
	const document = parser.parse(xml) as { result?: XmlNode };
	if (document.result === undefined) throw new UnreadableXmlError('no <result> element');
	const entries = childEntries(document.result);
	if (scalarText(entries[0]) !== 'false') return decodeRecord(entries, successShape);
	const errorShape = typeof entries[2] === 'object' ? VALIDATION_ERROR_SHAPE : ERROR_SHAPE;
	return decodeRecord(entries, errorShape);
}
