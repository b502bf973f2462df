/**
 * Output schemas as n8n's editor reads them (`__schema__/v<version>/<resource>/<operation>.json`
 * beside a node's file, JSON Schema with n8n's `version` key): the fields before a first run, for
 * mapping and for AI tools. They are inferred from what the operations really output, so that
 * they cannot drift from it.
 */
import path from 'node:path';

export interface JsonSchema {
	type: string | string[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
	version?: number;
}

/** The version of n8n's own schema files. */
const SCHEMA_FORMAT_VERSION = 2;

export const NODE_SCHEMA_DIR = path.resolve(__dirname, '../../nodes/SmsPartner/__schema__/v1.0.0');
export const TRIGGER_SCHEMA_FILE = path.resolve(
	__dirname,
	'../../nodes/SmsPartnerTrigger/__schema__/v1.0.0.json',
);

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

/** The schema every one of `values` fits, keys in the order first seen. */
export function schemaOf(values: unknown[]): JsonSchema {
	const types = [...new Set(values.map(typeOf))].sort();
	const schema: JsonSchema = { type: types.length === 1 ? types[0] : types };
	if (types.includes('object')) {
		const objects = values.filter((value) => typeOf(value) === 'object') as Array<
			Record<string, unknown>
		>;
		const keys = [...new Set(objects.flatMap((object) => Object.keys(object)))];
		schema.properties = Object.fromEntries(
			keys.map((key) => [
				key,
				schemaOf(objects.filter((object) => key in object).map((object) => object[key])),
			]),
		);
	}
	if (types.includes('array')) {
		const elements = values.filter(Array.isArray).flat();
		if (elements.length > 0) schema.items = schemaOf(elements);
	}
	return schema;
}

/** An output's schema file: the items' JSON, as n8n's files hold it. */
export function schemaFile(items: unknown[]): string {
	return `${JSON.stringify({ ...schemaOf(items), version: SCHEMA_FORMAT_VERSION }, null, '\t')}\n`;
}
