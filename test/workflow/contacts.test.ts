import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_API_KEY } from '../../simulator';
import { apiPost } from '../simulator/http';
import { runNode, visible, START, useSimulator } from './helpers';

const sim = useSimulator({ startTime: START });

async function seedGroup(name = 'Clients'): Promise<number> {
	return (await apiPost(sim, '/group/add', { apiKey: DEFAULT_API_KEY, name })).body.groupId;
}

async function seedContact(groupId: number, contact: Record<string, unknown>): Promise<number> {
	const reply = await apiPost(sim, '/contact/add', { apiKey: DEFAULT_API_KEY, groupId, contact });
	return reply.body.contact.contactId;
}

const requestsTo = (path: string) =>
	sim.requests.filter((request) => request.path === `/v1${path}`);

const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'contact',
	operation: 'create',
	groupId: '={{ $json.groupId }}',
	phoneNumber: '={{ $json.phone }}',
	...extra,
});

describe('Contact > Create', () => {
	it('adds the contact to the group and gives it back with its id and the group id', async () => {
		const groupId = await seedGroup();
		const run = await runNode(
			sim,
			create({
				additionalFields: {
					firstname: '={{ $json.first }}',
					lastname: 'Martin',
					date: '1990-05-17',
					url: 'https://example.com/rdv/1042',
					custom1: 'RDV-1042',
				},
			}),
			[{ groupId, phone: '06 12 34 56 78', first: 'Camille' }],
		);
		expect(run.failure).toBeUndefined();
		expect(visible(run.items)).toEqual([
			{
				json: {
					contactId: 50001,
					groupId,
					phoneNumber: '+33612345678',
					firstname: 'Camille',
					lastname: 'Martin',
					url: 'https://example.com/rdv/1042',
					shortUrl: '',
					date: '1990-05-17',
					custom1: 'RDV-1042',
					custom2: '',
					custom3: '',
					custom4: '',
				},
				pairedItem: { item: 0 },
			},
		]);
		const [request] = requestsTo('/contact/add');
		expect(request.query).toEqual({});
		expect(request.body).toEqual({
			groupId,
			contact: {
				phoneNumber: '+33612345678',
				custom1: 'RDV-1042',
				date: '1990-05-17',
				firstname: 'Camille',
				lastname: 'Martin',
				url: 'https://example.com/rdv/1042',
			},
			apiKey: DEFAULT_API_KEY,
		});
	});

	it('gives the same item whether SMS Partner answers in JSON or XML', async () => {
		const groupId = await seedGroup();
		const add = (phone: string, responseFormat: string) =>
			runNode(
				sim,
				create({
					additionalFields: { firstname: 'Camille', custom2: '75001' },
					options: { responseFormat },
				}),
				[{ groupId, phone }],
			);
		const viaJson = await add('0612345678', 'json');
		const viaXml = await add('0698765432', 'xml');
		expect(requestsTo('/contact/add')[1].body).toMatchObject({ _format: 'xml' });
		const withoutIds = (run: typeof viaJson) =>
			run.items.map(({ json }) => ({ ...json, contactId: typeof json.contactId, phoneNumber: 0 }));
		expect(withoutIds(viaXml)).toEqual(withoutIds(viaJson));
		expect(viaXml.items[0].json).toMatchObject({
			contactId: 50002,
			phoneNumber: '+33698765432',
			custom2: '75001',
		});
	});

	describe.each(['mirror', 'always-200'] as const)(
		'documented failures with errorStatus %s',
		(errorStatus) => {
			beforeEach(() => sim.configure({ errorStatus }));

			it('code 15: the number is already in the group', async () => {
				const groupId = await seedGroup();
				await seedContact(groupId, { phoneNumber: '+33612345678' });
				const run = await runNode(sim, create(), [{ groupId, phone: '0612345678' }]);
				expect(run.failure?.message).toBe(
					'SMS Partner error 15: This phone number is already in the group, so no contact was added. To change that contact, use Update with its contact ID (Get Many lists them).',
				);
				expect(run.failure?.description).toBe(
					`SMS Partner said: "Le numéro est déjà dans le groupe"\n(HTTP ${errorStatus === 'mirror' ? 400 : 200})`,
				);
				expect(run.run.data.resultData.error?.name).toBe('NodeApiError');
			});

			it('code 404: the group does not exist', async () => {
				const run = await runNode(sim, create(), [{ groupId: 31337, phone: '0612345678' }]);
				expect(run.failure?.message).toMatch(
					/^SMS Partner error 404: No group with this ID exists/,
				);
			});

			it('code 10: a wrong API key', async () => {
				const groupId = await seedGroup();
				const run = await runNode(sim, create(), [{ groupId, phone: '0612345678' }], {
					apiKey: 'wrong-key-0000',
				});
				expect(run.failure?.message).toMatch(/^SMS Partner error 10: /);
				if (errorStatus === 'always-200') expect(run.failure?.description).toContain('(HTTP 200)');
			});
		},
	);

	it.each([
		[{ phone: '12345' }, {}, /^Phone Number holds "12345", which is not a phone number/],
		[{ phone: '0612345678,0698765432' }, {}, /^Phone Number holds 2 numbers; a contact has one/],
		[{ phone: '0612345678', groupId: 'Clients' }, {}, /^Group Name or ID "Clients" is not an ID/],
		[{ phone: '0612345678' }, { firstname: 'x'.repeat(33) }, /^First Name has 33 characters/],
		[
			{ phone: '0612345678' },
			{ date: '17/05/1990' },
			/^Date "17\/05\/1990" is not a date in YYYY-MM-DD form/,
		],
		[
			{ phone: '0612345678' },
			{ url: 'example.com' },
			/^URL "example.com" is not a link starting with http/,
		],
	])('refuses %p %p before any request', async (input, additionalFields, message) => {
		const groupId = await seedGroup();
		sim.requests.length = 0;
		const run = await runNode(sim, create({ additionalFields }), [{ groupId, ...input }]);
		expect(run.failure?.message).toMatch(message);
		expect(run.failure?.description).toMatch(/no request was sent/);
		expect(sim.requests).toEqual([]);
	});

	async function batch() {
		const groupId = await seedGroup();
		await seedContact(groupId, { phoneNumber: '0600000002' });
		return [
			{ groupId, phone: '0600000001', ref: 'C1' },
			{ groupId, phone: '0600000002', ref: 'C2' },
			{ groupId, phone: 'not a number', ref: 'C3' },
			{ groupId, phone: '0600000004', ref: 'C4' },
		];
	}

	it('with "continue (regular output)" gives one item per input, each linked', async () => {
		const run = await runNode(sim, create(), await batch(), { onError: 'continueRegularOutput' });
		expect(run.failure).toBeUndefined();
		expect(run.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
		expect(run.items[0].json).toMatchObject({ phoneNumber: '+33600000001', contactId: 50002 });
		expect(run.items[1].json.error).toMatch(/^SMS Partner error 15:/);
		expect(run.items[1].json.details).toMatchObject({ code: 15, httpStatus: 400 });
		expect(run.items[2].json.error).toMatch(
			/^Phone Number holds "not( a number)?", which is not a phone number/,
		);
		expect(run.items[3].json).toMatchObject({ phoneNumber: '+33600000004', contactId: 50003 });
		expect(requestsTo('/contact/add')).toHaveLength(4);
	});

	it('with "continue (error output)" sends failures, with their input fields, to the error output', async () => {
		const run = await runNode(sim, create(), await batch(), { onError: 'continueErrorOutput' });
		expect(run.items.map((item) => [item.pairedItem, item.json.phoneNumber])).toEqual([
			[{ item: 0 }, '+33600000001'],
			[{ item: 3 }, '+33600000004'],
		]);
		expect(
			run.errorItems.map((item) => [
				item.pairedItem,
				item.json.ref,
				String(item.json.error).slice(0, 21),
			]),
		).toEqual([
			[{ item: 1 }, 'C2', 'SMS Partner error 15:'],
			[{ item: 2 }, 'C3', String(run.errorItems[1].json.error).slice(0, 21)],
		]);
		expect(run.errorItems[1].json.error).toMatch(/is not a phone number/);
	});

	it('never shows the API key in the saved run, and sends it in the POST body only', async () => {
		for (const onError of [
			'continueRegularOutput',
			'continueErrorOutput',
			'stopWorkflow',
		] as const) {
			const run = await runNode(sim, create(), await batch(), { onError });
			expect(JSON.stringify(run.run)).not.toContain(DEFAULT_API_KEY);
		}
		for (const request of requestsTo('/contact/add')) expect(request.query.apiKey).toBeUndefined();
	});
});

describe('Contact > Update', () => {
	const update = (updateFields: INodeParameters, extra: INodeParameters = {}) => ({
		resource: 'contact',
		operation: 'update',
		contactId: '={{ $json.contactId }}',
		updateFields,
		...extra,
	});

	it('changes the fields given, clears a field left empty, and keeps the others', async () => {
		const groupId = await seedGroup();
		const contactId = await seedContact(groupId, {
			phoneNumber: '0612345678',
			firstname: 'Camille',
			lastname: 'Martin',
			custom1: 'RDV-1042',
		});
		const run = await runNode(
			sim,
			update({ firstname: 'Camila', custom1: '', phoneNumber: '+33 6 98 76 54 32' }),
			[{ contactId: String(contactId) }],
		);
		expect(visible(run.items)).toEqual([
			{
				json: {
					contactId,
					phoneNumber: '+33698765432',
					firstname: 'Camila',
					lastname: 'Martin',
					url: '',
					shortUrl: '',
					date: '',
					custom1: '',
					custom2: '',
					custom3: '',
					custom4: '',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(requestsTo('/contact/update')[0].body).toEqual({
			contactId,
			contact: { custom1: '', firstname: 'Camila', phoneNumber: '+33698765432' },
			apiKey: DEFAULT_API_KEY,
		});
	});

	it('explains 404 (no such contact) and 15 (number taken in the group)', async () => {
		const groupId = await seedGroup();
		const contactId = await seedContact(groupId, { phoneNumber: '0612345678' });
		await seedContact(groupId, { phoneNumber: '0698765432' });
		const missing = await runNode(sim, update({ firstname: 'A' }), [{ contactId: 777 }]);
		expect(missing.failure?.message).toMatch(
			/^SMS Partner error 404: No contact with this ID exists/,
		);
		const taken = await runNode(sim, update({ phoneNumber: '0698765432' }), [{ contactId }]);
		expect(taken.failure?.message).toMatch(
			/^SMS Partner error 15: The new phone number already belongs/,
		);
	});

	it.each([
		[{}, /^Update Fields is empty\./],
		[{ phoneNumber: '' }, /^Phone Number is empty/],
		[{ date: '2026-02-30' }, /^Date "2026-02-30" is not a date/],
	])('refuses %p before any request', async (updateFields, message) => {
		const run = await runNode(sim, update(updateFields), [{ contactId: 50001 }]);
		expect(run.failure?.message).toMatch(message);
		expect(sim.requests).toEqual([]);
	});

	it('gives the same item in XML as in JSON', async () => {
		const groupId = await seedGroup();
		const contactId = await seedContact(groupId, { phoneNumber: '0612345678' });
		const viaJson = await runNode(sim, update({ lastname: 'Martin' }), [{ contactId }]);
		const viaXml = await runNode(
			sim,
			update({ lastname: 'Martin' }, { options: { responseFormat: 'xml' } }),
			[{ contactId }],
		);
		expect(viaXml.items[0].json).toEqual(viaJson.items[0].json);
		expect(viaXml.items[0].json.lastname).toBe('Martin');
	});
});

describe('Contact > Delete', () => {
	const remove = { resource: 'contact', operation: 'delete', contactId: '={{ $json.contactId }}' };

	it('deletes the contact and echoes its id; a second time fails with 404', async () => {
		const contactId = await seedContact(await seedGroup(), { phoneNumber: '0612345678' });
		const run = await runNode(sim, remove, [{ contactId }]);
		expect(visible(run.items)).toEqual([
			{ json: { success: true, contactId }, pairedItem: { item: 0 } },
		]);
		expect(requestsTo('/contact/delete')[0]).toMatchObject({ method: 'POST', body: { contactId } });
		const again = await runNode(sim, remove, [{ contactId }]);
		expect(again.failure?.message).toBe(
			'SMS Partner error 404: No contact with this ID exists on this account: it was already deleted, or belongs to another account. Check the contact ID and the credential.',
		);
	});

	it('refuses a contact ID that is not a positive whole number before any request', async () => {
		const run = await runNode(sim, remove, [{ contactId: '12abc' }]);
		expect(run.failure?.message).toMatch(
			/^Contact ID "12abc" is not an ID: it must be a positive whole number\. Use the contactId/,
		);
		expect(sim.requests).toEqual([]);
	});
});

describe('Contact > Get', () => {
	const get = (extra: Record<string, unknown> = {}) => ({
		resource: 'contact',
		operation: 'get',
		contactId: '={{ $json.contactId }}',
		...extra,
	});

	it('gives the contact with its group, UTC creation date and STOP flag', async () => {
		const groupId = await seedGroup();
		const contactId = await seedContact(groupId, {
			phoneNumber: '0612345678',
			firstname: 'Camille',
		});
		sim.addStopNumber('+33612345678');
		const run = await runNode(sim, get(), [{ contactId }]);
		expect(visible(run.items)).toEqual([
			{
				json: {
					contactId,
					groupId,
					phoneNumber: '+33612345678',
					firstname: 'Camille',
					lastname: '',
					url: '',
					shortUrl: '',
					date: '',
					custom1: '',
					custom2: '',
					custom3: '',
					custom4: '',
					createdAt: START.toISOString(),
					stopSms: true,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(requestsTo('/contact/detail')[0].query).toEqual({
			contactId: String(contactId),
			apiKey: DEFAULT_API_KEY,
		});
	});

	it('gives the same item in XML as in JSON', async () => {
		const contactId = await seedContact(await seedGroup(), {
			phoneNumber: '0612345678',
			custom3: '42',
		});
		const viaJson = await runNode(sim, get(), [{ contactId }]);
		const viaXml = await runNode(sim, get({ options: { responseFormat: 'xml' } }), [{ contactId }]);
		expect(viaXml.items[0].json).toEqual(viaJson.items[0].json);
		expect(viaXml.items[0].json).toMatchObject({ custom3: '42', stopSms: false });
	});

	it('explains 404 for an unknown contact', async () => {
		const run = await runNode(sim, get(), [{ contactId: 123 }]);
		expect(run.failure?.message).toMatch(/^SMS Partner error 404: No contact with this ID exists/);
		expect(run.failure?.description).toContain('Le contact n’existe pas');
	});
});

describe('Contact > Get Many', () => {
	const list = (extra: Record<string, unknown> = {}) => ({
		resource: 'contact',
		operation: 'getMany',
		groupId: '={{ $json.groupId }}',
		...extra,
	});

	async function groupOf(count: number): Promise<number> {
		const groupId = await seedGroup();
		for (let i = 0; i < count; i++) {
			await seedContact(groupId, {
				phoneNumber: `+3361000${String(i).padStart(4, '0')}`,
				firstname: `C${i}`,
			});
		}
		sim.requests.length = 0;
		return groupId;
	}

	it('with Return All reads every page of 20 and gives one item per contact', async () => {
		const groupId = await groupOf(45);
		sim.addStopNumber('+33610000044');
		const run = await runNode(sim, list({ returnAll: true }), [{ groupId }]);
		expect(run.items).toHaveLength(45);
		expect(run.items.map((item) => item.json.firstname)).toEqual(
			Array.from({ length: 45 }, (_, i) => `C${i}`),
		);
		expect(run.items[44].json).toEqual({
			contactId: 50045,
			groupId,
			phoneNumber: '+33610000044',
			firstname: 'C44',
			lastname: '',
			url: '',
			shortUrl: '',
			date: '',
			custom1: '',
			custom2: '',
			custom3: '',
			custom4: '',
			createdAt: START.toISOString(),
			stopSms: true,
		});
		expect(run.items.filter((item) => item.json.stopSms)).toHaveLength(1);
		expect(requestsTo('/contact/list').map((request) => request.query.page)).toEqual([
			'1',
			'2',
			'3',
		]);
	});

	it('stops reading pages once it has Limit contacts', async () => {
		const groupId = await groupOf(45);
		const run = await runNode(sim, list({ limit: 25 }), [{ groupId }]);
		expect(run.items.map((item) => item.json.firstname)).toEqual(
			Array.from({ length: 25 }, (_, i) => `C${i}`),
		);
		expect(requestsTo('/contact/list')).toHaveLength(2);
	});

	it('gives no item for an empty group', async () => {
		const groupId = await groupOf(0);
		const run = await runNode(sim, list({ returnAll: true }), [{ groupId }]);
		expect(run.failure).toBeUndefined();
		expect(run.items).toEqual([]);
	});

	it('gives the same items in XML as in JSON', async () => {
		const groupId = await groupOf(22);
		const viaJson = await runNode(sim, list({ returnAll: true }), [{ groupId }]);
		const viaXml = await runNode(
			sim,
			list({ returnAll: true, options: { responseFormat: 'xml' } }),
			[{ groupId }],
		);
		expect(viaXml.items.map((item) => item.json)).toEqual(viaJson.items.map((item) => item.json));
		expect(viaXml.items).toHaveLength(22);
	});

	it('explains 404 for an unknown group and refuses a bad group before any request', async () => {
		const unknown = await runNode(sim, list(), [{ groupId: 1 }]);
		expect(unknown.failure?.message).toMatch(
			/^SMS Partner error 404: No group with this ID exists/,
		);
		sim.requests.length = 0;
		const bad = await runNode(sim, list(), [{ groupId: -4 }]);
		expect(bad.failure?.message).toMatch(/^Group Name or ID -4 is not an ID/);
		expect(sim.requests).toEqual([]);
	});
});
