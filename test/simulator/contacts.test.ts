import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiGet, apiPost } from './http';

const KEY = DEFAULT_API_KEY;
const OTHER_KEY = 'other-key';

let sim: Simulator;

beforeAll(async () => {
	// 18:40:05 in Paris (summer time).
	sim = await startSimulator({
		startTime: new Date('2025-06-02T16:40:05Z'),
		accounts: [{ apiKey: KEY }, { apiKey: OTHER_KEY }],
	});
});
afterAll(() => sim.close());
beforeEach(() => {
	sim.reset();
	sim.configure({ errorStatus: 'mirror' });
});

async function newGroup(name = 'Clients', apiKey = KEY): Promise<number> {
	return (await apiPost(sim, '/group/add', { apiKey, name })).body.groupId;
}

async function newContact(groupId: number, contact: Record<string, unknown>) {
	return apiPost(sim, '/contact/add', { apiKey: KEY, groupId, contact });
}

describe('groups', () => {
	it('POST /group/add answers success with code 2, as documented, and the new id', async () => {
		const reply = await apiPost(sim, '/group/add', { apiKey: KEY, name: 'Clients' });
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ success: true, code: 2, name: 'Clients', groupId: 6363 });
		expect((await apiPost(sim, '/group/add', { apiKey: KEY, name: '  ' })).body).toEqual({
			success: false,
			code: 1,
			message: 'name est requis',
		});
	});

	it('GET /group/list lists the groups of the account only, dated in Paris time', async () => {
		await newGroup('Clients');
		await newGroup('Prospects');
		await newGroup('Hidden', OTHER_KEY);
		const reply = await apiGet(sim, '/group/list', { apiKey: KEY });
		expect(reply.body).toEqual({
			success: true,
			groups: [
				{
					id: 6363,
					name: 'Clients',
					createdAt: '2025-06-02T18:40:05+02:00',
					isSpecialFile: false,
					isLocationFile: false,
				},
				{
					id: 6364,
					name: 'Prospects',
					createdAt: '2025-06-02T18:40:05+02:00',
					isSpecialFile: false,
					isLocationFile: false,
				},
			],
		});
	});

	it('dates in winter time carry +01:00', async () => {
		sim.clock.advance(200 * 86_400);
		await newGroup();
		const [group] = (await apiGet(sim, '/group/list', { apiKey: KEY })).body.groups;
		expect(group.createdAt).toMatch(/^2025-12-19T\d{2}:40:05\+01:00$/);
	});

	it('POST /group/delete deletes a group and its contacts; 404 once gone, 1 without id', async () => {
		const groupId = await newGroup();
		const { contactId } = (await newContact(groupId, { phoneNumber: '0612345678' })).body.contact;
		expect((await apiPost(sim, '/group/delete', { apiKey: KEY, groupId })).body).toEqual({
			success: true,
			code: 200,
		});
		const again = await apiPost(sim, '/group/delete', { apiKey: KEY, groupId });
		expect(again.status).toBe(404);
		expect(again.body).toEqual({ success: false, code: 404, message: 'Le groupe n’existe pas' });
		expect((await apiGet(sim, '/contact/detail', { apiKey: KEY, contactId })).body.code).toBe(404);
		expect((await apiPost(sim, '/group/delete', { apiKey: KEY })).body).toMatchObject({
			code: 1,
			message: 'groupId est requis',
		});
	});

	it("does not let an account delete another account's group", async () => {
		const groupId = await newGroup('Theirs', OTHER_KEY);
		expect((await apiPost(sim, '/group/delete', { apiKey: KEY, groupId })).body.code).toBe(404);
	});
});

describe('POST /contact/add (one contact)', () => {
	it('adds the contact and echoes it with its id, the number in international form', async () => {
		const groupId = await newGroup();
		const reply = await newContact(groupId, {
			phoneNumber: '0612345678',
			firstname: 'Camille',
			date: '1990-05-17',
			url: 'https://example.com/rdv',
			custom1: 'RDV-1042',
		});
		expect(reply.body).toEqual({
			success: true,
			code: 200,
			contact: {
				phoneNumber: '+33612345678',
				firstname: 'Camille',
				lastname: '',
				date: '1990-05-17',
				shortUrlPartnr: '',
				url: 'https://example.com/rdv',
				custom1: 'RDV-1042',
				custom2: '',
				custom3: '',
				custom4: '',
				contactId: 50001,
			},
		});
	});

	it('answers 15 for a number already in the group, in either form, but not in another group', async () => {
		const groupId = await newGroup();
		await newContact(groupId, { phoneNumber: '0612345678' });
		const again = await newContact(groupId, { phoneNumber: '+33612345678' });
		expect(again.status).toBe(400);
		expect(again.body).toEqual({
			success: false,
			code: 15,
			message: 'Le numéro est déjà dans le groupe',
		});
		expect(
			(await newContact(await newGroup('Other'), { phoneNumber: '0612345678' })).body.success,
		).toBe(true);
	});

	it('answers 1 without group, 404 for an unknown group, 2 without a number', async () => {
		const groupId = await newGroup();
		const noGroup = await apiPost(sim, '/contact/add', {
			apiKey: KEY,
			contact: { phoneNumber: '0612345678' },
		});
		expect(noGroup.body).toEqual({ success: false, code: 1, message: 'groupId est requis' });
		expect((await newContact(999, { phoneNumber: '0612345678' })).body.code).toBe(404);
		expect((await newContact(groupId, { firstname: 'Camille' })).body).toEqual({
			success: false,
			code: 2,
			message: 'Contact infos sont requises',
		});
	});

	it('answers 9 with one violation per refused field', async () => {
		const groupId = await newGroup();
		const reply = await newContact(groupId, {
			phoneNumber: '12345',
			firstname: 'x'.repeat(33),
			date: '17/05/1990',
			url: 'www.example.com',
		});
		expect(reply.status).toBe(400);
		expect(reply.body.code).toBe(9);
		expect(reply.body.error.map((entry: { elementId: string }) => entry.elementId)).toEqual([
			'children[phoneNumber].data',
			'children[firstname].data',
			'children[date].data',
			'children[url].data',
		]);
	});

	it('answers errors with HTTP 200 in always-200 mode', async () => {
		sim.configure({ errorStatus: 'always-200' });
		const groupId = await newGroup();
		await newContact(groupId, { phoneNumber: '0612345678' });
		const again = await newContact(groupId, { phoneNumber: '0612345678' });
		expect([again.status, again.body.code]).toEqual([200, 15]);
	});
});

describe('POST /contact/add (contactsList)', () => {
	it('imports each line it can and reports the others', async () => {
		sim.addStopNumber('+33600000005');
		const groupId = await newGroup('Clients');
		await newContact(groupId, { phoneNumber: '0600000001' });
		const reply = await apiPost(sim, '/contact/add', {
			apiKey: KEY,
			groupId,
			contactsList: [
				{ phoneNumber: '0600000001', firstname: 'Already' },
				{ phoneNumber: '0600000002', firstname: 'New', date: '2023-01-01' },
				{ phoneNumber: '0600000002' },
				{ phoneNumber: 'nope' },
				{ phoneNumber: '0600000003', url: 'www.x.fr' },
				{ phoneNumber: '0600000004', date: '01-01-2023' },
				{ firstname: 'No number' },
				{ phoneNumber: '0600000005' },
			],
		});
		expect(reply.status).toBe(200);
		expect(reply.body.groupe).toEqual({ name: 'Clients', token: groupId });
		expect(reply.body.results.map((line: { code: number }) => line.code)).toEqual([
			15, 200, 15, 9, 9, 9, 2, 14,
		]);
		expect(reply.body.results[1]).toMatchObject({ success: true, phoneNumber: '+33600000002' });
		expect(reply.body.results[0]).toEqual({
			success: false,
			code: 15,
			phoneNumber: '+33600000001',
			message: 'Le numéro est déjà dans le groupe',
		});
		expect(reply.body.rapport).toEqual({
			nbline: 8,
			nbline_imported: 1,
			nbline_updated: 0,
			errors: {
				stopSms: 1,
				invalidePhone: 1,
				duplicatePhone: 1,
				allreadyInGroupe: 1,
				urlInvalide: 1,
				dateInvalide: 1,
				empty: 1,
				unactivated: 0,
				dateInvalid: 0,
			},
		});
		const list = await apiGet(sim, '/contact/list', { apiKey: KEY, groupId });
		expect(list.body.total).toBe('2');
	});

	it('refuses more than 500 lines (50) and an empty list (2)', async () => {
		const groupId = await newGroup();
		const many = Array.from({ length: 501 }, (_, i) => ({
			phoneNumber: `+336${String(i).padStart(8, '0')}`,
		}));
		expect(
			(await apiPost(sim, '/contact/add', { apiKey: KEY, groupId, contactsList: many })).body.code,
		).toBe(50);
		expect(
			(await apiPost(sim, '/contact/add', { apiKey: KEY, groupId, contactsList: [] })).body.code,
		).toBe(2);
	});
});

describe('contact update, delete, detail', () => {
	async function oneContact() {
		const groupId = await newGroup();
		const { contactId } = (
			await newContact(groupId, {
				phoneNumber: '0612345678',
				firstname: 'Camille',
				lastname: 'Martin',
			})
		).body.contact;
		return { groupId, contactId: contactId as number };
	}

	it('POST /contact/update changes only the fields given and echoes the contact', async () => {
		const { contactId } = await oneContact();
		const reply = await apiPost(sim, '/contact/update', {
			apiKey: KEY,
			contactId,
			contact: { firstname: 'Camila', custom2: 'Lyon' },
		});
		expect(reply.body).toMatchObject({
			success: true,
			code: 200,
			contact: {
				phoneNumber: '+33612345678',
				firstname: 'Camila',
				lastname: 'Martin',
				custom2: 'Lyon',
				contactId,
			},
		});
	});

	it('POST /contact/update answers 1, 2, 404, 15 and 9', async () => {
		const { groupId, contactId } = await oneContact();
		await newContact(groupId, { phoneNumber: '0698765432' });
		const update = (body: Record<string, unknown>) =>
			apiPost(sim, '/contact/update', { apiKey: KEY, ...body });
		expect((await update({ contact: { firstname: 'A' } })).body).toMatchObject({
			code: 1,
			message: 'contactId est requis',
		});
		expect((await update({ contactId, contact: {} })).body.code).toBe(2);
		expect((await update({ contactId: 42, contact: { firstname: 'A' } })).body).toEqual({
			success: false,
			code: 404,
			message: 'Le contact n’existe pas',
		});
		expect((await update({ contactId, contact: { phoneNumber: '+33698765432' } })).body.code).toBe(
			15,
		);
		expect((await update({ contactId, contact: { date: '2020-13-01' } })).body.code).toBe(9);
	});

	it('GET /contact/detail gives the contact with phone, Paris createdAt, STOP flag and group', async () => {
		const { groupId, contactId } = await oneContact();
		sim.addStopNumber('0612345678');
		const reply = await apiGet(sim, '/contact/detail', { apiKey: KEY, contactId });
		expect(reply.body).toEqual({
			success: true,
			code: 200,
			contact: {
				contactId,
				phone: '+33612345678',
				firstname: 'Camille',
				lastname: 'Martin',
				url: '',
				shortUrl: '',
				date: '',
				custom1: '',
				custom2: '',
				custom3: '',
				custom4: '',
				createdAt: '2025-06-02T18:40:05+02:00',
				stopSms: true,
				groupId,
			},
		});
		expect((await apiGet(sim, '/contact/detail', { apiKey: KEY })).body.code).toBe(1);
		expect((await apiGet(sim, '/contact/detail', { apiKey: OTHER_KEY, contactId })).body.code).toBe(
			404,
		);
	});

	it('POST /contact/delete deletes once, then 404', async () => {
		const { contactId } = await oneContact();
		expect((await apiPost(sim, '/contact/delete', { apiKey: KEY, contactId })).body).toEqual({
			success: true,
			code: 200,
		});
		expect((await apiPost(sim, '/contact/delete', { apiKey: KEY, contactId })).body.code).toBe(404);
		expect((await apiPost(sim, '/contact/delete', { apiKey: KEY })).body.code).toBe(1);
	});
});

describe('GET /contact/list', () => {
	it('pages 20 contacts at a time, total as a string, empty past the end', async () => {
		const groupId = await newGroup();
		for (let i = 0; i < 45; i++)
			await newContact(groupId, { phoneNumber: `+3361000${String(i).padStart(4, '0')}` });
		const page = async (n?: number) =>
			(await apiGet(sim, '/contact/list', { apiKey: KEY, groupId, ...(n ? { page: n } : {}) }))
				.body;
		const first = await page();
		expect([first.currentPage, first.total, first.datas.length]).toEqual([1, '45', 20]);
		expect(first.datas[0].phone).toBe('+33610000000');
		const third = await page(3);
		expect([third.currentPage, third.datas.length, third.datas[4].phone]).toEqual([
			3,
			5,
			'+33610000044',
		]);
		expect((await page(4)).datas).toEqual([]);
	});

	it('answers 1 without group and 404 for an unknown one', async () => {
		expect((await apiGet(sim, '/contact/list', { apiKey: KEY })).body.code).toBe(1);
		expect((await apiGet(sim, '/contact/list', { apiKey: KEY, groupId: 'abc' })).body.code).toBe(
			404,
		);
	});

	it('answers in XML without keys when asked', async () => {
		const groupId = await newGroup();
		await newContact(groupId, { phoneNumber: '0612345678', firstname: 'Camille' });
		const reply = await apiGet(sim, '/contact/list', { apiKey: KEY, groupId, _format: 'xml' });
		expect(reply.contentType).toMatch(/^application\/xml/);
		expect(reply.text).toContain(
			'<result><entry>true</entry><entry>200</entry><entry>1</entry><entry><![CDATA[1]]></entry><entry><entry><entry>50001</entry><entry><![CDATA[+33612345678]]></entry><entry><![CDATA[Camille]]></entry>',
		);
	});

	it('refuses GET on a POST endpoint (405) and checks the key first', async () => {
		expect((await apiGet(sim, '/contact/add', { apiKey: KEY })).status).toBe(405);
		expect((await apiPost(sim, '/group/add', { name: 'x' })).body.code).toBe(1);
		expect((await apiGet(sim, '/group/list', { apiKey: 'wrong' })).body.code).toBe(10);
	});
});
