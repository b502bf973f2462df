import { schemaFile, schemaOf } from '../workflow/output-schemas';

describe('schemaOf', () => {
	it('gives each field the types its values have, nested objects and lists included', () => {
		expect(
			schemaOf([
				{ messageId: 307, scheduledAt: null, phoneNumbers: ['+33612345678'], raw: { a: 1 } },
				{
					messageId: 308,
					scheduledAt: '2026-11-25T09:00:00.000Z',
					phoneNumbers: [],
					raw: { b: 'x' },
				},
			]),
		).toEqual({
			type: 'object',
			properties: {
				messageId: { type: 'number' },
				scheduledAt: { type: ['null', 'string'] },
				phoneNumbers: { type: 'array', items: { type: 'string' } },
				raw: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'string' } } },
			},
		});
	});

	it('keeps a field that only some items have', () => {
		expect(schemaOf([{ a: true }, { b: false }]).properties).toEqual({
			a: { type: 'boolean' },
			b: { type: 'boolean' },
		});
	});

	it("writes n8n's file format: the schema with its version, one key per line", () => {
		expect(JSON.parse(schemaFile([{ success: true }]))).toEqual({
			type: 'object',
			properties: { success: { type: 'boolean' } },
			version: 2,
		});
	});
});
