import { refusalOf } from './thrown';
import {
	checkContactFields,
	checkPhoneNumber,
} from '../../nodes/SmsPartner/resources/contact/fields';
import {
	checkPositiveId,
	offsetIsoToUtc,
	toListedContact,
	toSavedContact,
} from '../../nodes/SmsPartner/resources/contact/shaping';
import { checkGroupName } from '../../nodes/SmsPartner/resources/group/create.operation';
import { checkGroupId } from '../../nodes/SmsPartner/resources/group/group-id';
import { groupsOf, toGroup } from '../../nodes/SmsPartner/resources/group/getMany.operation';
import { SmsPartnerFailure } from '../../nodes/SmsPartner/shared/response';

describe('offsetIsoToUtc', () => {
	it.each([
		['2020-10-02T16:40:05+02:00', '2020-10-02T14:40:05.000Z'],
		['2020-01-15T09:00:00+01:00', '2020-01-15T08:00:00.000Z'],
		['2020-01-15T09:00:00+0100', '2020-01-15T08:00:00.000Z'],
		['2020-01-15T08:00:00Z', '2020-01-15T08:00:00.000Z'],
	])('reads %s as UTC', (value, expected) => {
		expect(offsetIsoToUtc(value)).toBe(expected);
	});

	it.each([[''], ['2020-10-02'], ['2020-10-02 16:40:05'], ['yesterday'], [1601649605], [null]])(
		'gives null for %p, never a made-up time',
		(value) => {
			expect(offsetIsoToUtc(value)).toBeNull();
		},
	);
});

describe('toListedContact', () => {
	const row = {
		contactId: '50001',
		phone: '+33612345678',
		firstname: 'Camille',
		lastname: 'Martin',
		url: 'https://example.com',
		shortUrl: '',
		date: '1990-05-17',
		custom1: 'RDV-1042',
		custom2: '',
		custom3: '',
		custom4: '',
		createdAt: '2020-10-02T16:40:05+02:00',
		stopSms: false,
	};

	it('renames phone to phoneNumber, numbers the ids, dates in UTC, adds the group read', () => {
		expect(toListedContact(row, 6363)).toEqual({
			contactId: 50001,
			groupId: 6363,
			phoneNumber: '+33612345678',
			firstname: 'Camille',
			lastname: 'Martin',
			url: 'https://example.com',
			shortUrl: '',
			date: '1990-05-17',
			custom1: 'RDV-1042',
			custom2: '',
			custom3: '',
			custom4: '',
			createdAt: '2020-10-02T14:40:05.000Z',
			stopSms: false,
		});
	});

	it("prefers the contact's own group id (detail) and keeps fields the API adds", () => {
		const contact = toListedContact({ ...row, groupId: 7000, stopSms: 'true', tags: 'vip' }, 6363);
		expect(contact).toMatchObject({ groupId: 7000, stopSms: true, tags: 'vip' });
		expect(contact).not.toHaveProperty('phone');
	});
});

describe('toSavedContact', () => {
	it('keeps only the fields the echo holds and names shortUrlPartnr shortUrl', () => {
		expect(
			toSavedContact(
				{
					phoneNumber: '+33612345678',
					firstname: 'Camille',
					shortUrlPartnr: 'https://p.fr/x',
					contactId: '50001',
				},
				6363,
			),
		).toEqual({
			contactId: 50001,
			groupId: 6363,
			phoneNumber: '+33612345678',
			firstname: 'Camille',
			shortUrl: 'https://p.fr/x',
		});
	});
});

describe('group shaping', () => {
	const listed = {
		id: 6363,
		name: 'Clients',
		createdAt: '2020-10-02T16:40:05+02:00',
		isSpecialFile: false,
		isLocationFile: '1',
	};

	it('gives groupId, name, UTC date and booleans', () => {
		expect(toGroup(listed)).toEqual({
			groupId: 6363,
			name: 'Clients',
			createdAt: '2020-10-02T14:40:05.000Z',
			isSpecialFile: false,
			isLocationFile: true,
		});
	});

	it('takes the list of the documented answer, which says success: false without a code', () => {
		expect(groupsOf({ success: false, groups: [listed] }, 200)).toEqual([listed]);
		expect(groupsOf({ success: true, groups: [] }, 200)).toEqual([]);
	});

	it('still fails on an error answer', () => {
		expect(() =>
			groupsOf({ success: false, code: 10, message: 'Clé API incorrecte' }, 401),
		).toThrow(SmsPartnerFailure);
	});
});

describe('group checks', () => {
	it('names the group field as the editor shows it', () => {
		const problem = refusalOf(() => checkGroupId('Clients'));
		expect(problem.parameter).toBe('Group Name or ID');
		expect(problem.message).toBe(
			'Group Name or ID "Clients" is not an ID: it must be a positive whole number',
		);
	});

	it('takes a name as text or a number, and refuses anything else', () => {
		expect(checkGroupName(' Customers 2026 ')).toBe('Customers 2026');
		expect(checkGroupName(2026)).toBe('2026');
		expect(refusalOf(() => checkGroupName(' ')).message).toBe('Name is empty');
		expect(refusalOf(() => checkGroupName({ name: 'x' })).message).toBe(
			'Name {"name":"x"} is not text',
		);
	});
});

describe('checkPositiveId', () => {
	it.each([
		[6363, 6363],
		['6363', 6363],
		[' 42 ', 42],
	])('accepts %p', (value, expected) => {
		expect(checkPositiveId(value, 'Group', 'hint')).toBe(expected);
	});

	it.each([[''], [0], ['0'], [-3], ['12.5'], ['abc'], ['1&apiKey=x'], [null], [1.5], [true], [{}]])(
		'refuses %p, naming the field',
		(value) => {
			const problem = refusalOf(() => checkPositiveId(value, 'Contact ID', 'Use the contactId.'));
			expect(problem.parameter).toBe('Contact ID');
			expect(problem.message).toMatch(/^Contact ID (is empty|.+ is not an ID)/);
		},
	);
});

describe('contact fields', () => {
	it('sends one number in international form', () => {
		expect(checkPhoneNumber('06 12 34 56 78')).toBe('+33612345678');
		expect(refusalOf(() => checkPhoneNumber('0612345678, 0698765432')).message).toBe(
			'Phone Number holds 2 numbers; a contact has one',
		);
		expect(refusalOf(() => checkPhoneNumber('hello')).parameter).toBe('Phone Number');
	});

	it('on create leaves empty fields out; on update sends them empty, to clear them', () => {
		const values = { firstname: ' Camille ', lastname: '', custom1: 42 };
		expect(checkContactFields(values, false)).toEqual({ firstname: 'Camille', custom1: '42' });
		expect(checkContactFields(values, true)).toEqual({
			firstname: 'Camille',
			lastname: '',
			custom1: '42',
		});
	});

	it.each([
		[{ firstname: 'x'.repeat(33) }, 'First Name', /^First Name has 33 characters; .* at most 32/],
		[{ lastname: 'y'.repeat(40) }, 'Last Name', /^Last Name has 40 characters/],
		[{ date: '17/05/1990' }, 'Date', /^Date "17\/05\/1990" is not a date in YYYY-MM-DD form/],
		[{ date: '2026-02-30' }, 'Date', /not a date/],
		[{ url: 'www.example.com' }, 'URL', /^URL "www.example.com" is not a link starting/],
		[{ url: 'ftp://example.com' }, 'URL', /not a link/],
		[{ phoneNumber: '' }, 'Phone Number', /^Phone Number is empty/],
		[{ custom2: { a: 1 } }, 'Custom Field 2', /^Custom Field 2 is not text/],
	])('refuses %p', (values, parameter, message) => {
		const problem = refusalOf(() => checkContactFields(values, true));
		expect(problem.parameter).toBe(parameter);
		expect(problem.message).toMatch(message);
	});

	it('accepts exactly 32 characters, a real date and an https link', () => {
		const values = { firstname: 'x'.repeat(32), date: '2024-02-29', url: 'HTTPS://example.com/a' };
		expect(checkContactFields(values, false)).toEqual(values);
	});
});
