import {
	ACCOUNT_RESPONSE,
	namedUserFields,
	toAccount,
} from '../../nodes/SmsPartner/resources/account/get.operation';
import {
	COST_SUMMARY_RESPONSE,
	toCalendarDate,
	toCostMonth,
} from '../../nodes/SmsPartner/resources/statistics/getCostSummary.operation';
import { checkStopNumber } from '../../nodes/SmsPartner/resources/stopList/add.operation';
import {
	STOP_LIST_RESPONSE,
	toStopEntry,
} from '../../nodes/SmsPartner/resources/stopList/getMany.operation';
import { checkEntryId } from '../../nodes/SmsPartner/resources/stopList/remove.operation';
import { InvalidParameterError } from '../../nodes/SmsPartner/shared/validation';
import { decodeSmsPartnerXml } from '../../nodes/SmsPartner/shared/xml';

const PROLOGUE = "<?xml version='1.0' encoding='UTF-8'?>";
const cdata = (text: string) => `<entry><![CDATA[${text}]]></entry>`;

describe('Get Account shaping', () => {
	it('flattens the 2025 answer, with the balance string as a number', () => {
		expect(
			toAccount({
				success: true,
				code: 200,
				user: { username: 'jean@example.fr', firstname: 'Jean', lastname: 'Dupont' },
				credits: {
					creditSms: 227224,
					creditSmsECO: 340836,
					creditHlr: 2045023,
					toSend: 12,
					solde: '10225.119',
					currency: 'EUR',
					balance: '10225.119',
				},
			}),
		).toEqual({
			username: 'jean@example.fr',
			firstname: 'Jean',
			lastname: 'Dupont',
			creditSms: 227224,
			creditSmsEco: 340836,
			creditHlr: 2045023,
			toSend: 12,
			balance: 10225.119,
			currency: 'EUR',
		});
	});

	it('reads the older names (creditSmsLowCost, solde only) and gives null for what is missing', () => {
		expect(
			toAccount({
				success: true,
				code: 200,
				user: { username: 'jean@example.fr' },
				credits: { creditSms: '120', creditSmsLowCost: '180', solde: '5.400', currency: 'EUR' },
			}),
		).toEqual({
			username: 'jean@example.fr',
			firstname: null,
			lastname: null,
			creditSms: 120,
			creditSmsEco: 180,
			creditHlr: null,
			toSend: null,
			balance: 5.4,
			currency: 'EUR',
		});
	});

	// The documented XML of /me: named user elements, anonymous credits.
	const meXml =
		`${PROLOGUE}<result><entry>true</entry><entry>200</entry>` +
		'<entry><username><![CDATA[jean@example.fr]]></username><firstname><![CDATA[Jean]]></firstname><lastname><![CDATA[Dupont & Fils]]></lastname></entry>' +
		`<entry><entry>227224</entry><entry>340836</entry><entry>2045023</entry><entry>0</entry>${cdata('10225.119')}${cdata('EUR')}${cdata('10225.119')}</entry></result>`;

	it('reads the named user fields of the XML answer, which the keyless decoding cannot', () => {
		expect(namedUserFields(meXml)).toEqual({
			username: 'jean@example.fr',
			firstname: 'Jean',
			lastname: 'Dupont & Fils',
		});
		expect(namedUserFields(Buffer.from(meXml))).toEqual(namedUserFields(meXml));
		const decoded = decodeSmsPartnerXml(meXml, ACCOUNT_RESPONSE);
		expect(decoded.user).toEqual({});
		expect(decoded.credits).toEqual({
			creditSms: 227224,
			creditSmsECO: 340836,
			creditHlr: 2045023,
			toSend: 0,
			solde: '10225.119',
			currency: 'EUR',
			balance: '10225.119',
		});
	});

	it('decodes user fields given as keyless entries by position, and finds no named ones', () => {
		const xml = `<result><entry>true</entry><entry>200</entry><entry>${cdata('a@b.fr')}${cdata('A')}${cdata('B')}</entry><entry></entry></result>`;
		expect(decodeSmsPartnerXml(xml, ACCOUNT_RESPONSE).user).toEqual({
			username: 'a@b.fr',
			firstname: 'A',
			lastname: 'B',
		});
		expect(namedUserFields(xml)).toEqual({});
		expect(namedUserFields('{"success":true}')).toEqual({});
	});
});

describe('Get Cost Summary shaping', () => {
	it('turns the documented month into numbers and an ISO date', () => {
		expect(
			toCostMonth({
				month: 'october',
				year: '2021',
				m: '10',
				date: 1633039200,
				type: 'month',
				cost: '49.174',
				nb_send: '1210',
			}),
		).toEqual({
			month: 'october',
			year: 2021,
			monthNumber: 10,
			date: '2021-09-30T22:00:00.000Z',
			type: 'month',
			cost: 49.174,
			smsSent: 1210,
		});
	});

	it('gives null for values that are not numbers and keeps unknown fields', () => {
		expect(toCostMonth({ month: 'may', cost: '', nb_send: 'n/a', extra: 'x' })).toEqual({
			month: 'may',
			year: null,
			monthNumber: null,
			date: null,
			type: null,
			cost: null,
			smsSent: null,
			extra: 'x',
		});
	});

	it('decodes the keyless XML answer, which has no code', () => {
		const xml = `<result><entry>true</entry><entry><entry>${cdata('october')}${cdata('2021')}${cdata('10')}<entry>1633039200</entry>${cdata('month')}${cdata('49.174')}${cdata('1210')}</entry></entry></result>`;
		expect(decodeSmsPartnerXml(xml, COST_SUMMARY_RESPONSE)).toEqual({
			success: true,
			datas: [
				{
					month: 'october',
					year: '2021',
					m: '10',
					date: 1633039200,
					type: 'month',
					cost: '49.174',
					nb_send: '1210',
				},
			],
		});
	});

	it.each([
		['2022-10-21', '21-10-2022'],
		['2022-10-21T23:30:00', '21-10-2022'],
		['2022-10-21T23:30:00.000+02:00', '21-10-2022'],
		['21-10-2022', '21-10-2022'],
		[new Date('2022-10-21T12:00:00Z'), '21-10-2022'],
	])('reads %p as the day %p', (value, api) => {
		expect(toCalendarDate(value, 'From').api).toBe(api);
	});

	it.each([[''], [undefined], ['2022-02-29'], ['2022-13-01'], ['10/21/2022'], [20221021]])(
		'refuses %p naming the field',
		(value) => {
			const refuse = () => toCalendarDate(value, 'To');
			expect(refuse).toThrow(InvalidParameterError);
			expect(refuse).toThrow(/^To /);
		},
	);

	it('shows what it refuses as given, cut short', () => {
		expect(() => toCalendarDate({ day: 1 }, 'To')).toThrow('To {"day":1} is not a date');
		expect(() => toCalendarDate('7'.repeat(1_000_000), 'To')).toThrow(
			`To "${'7'.repeat(40)}…" is not a date`,
		);
	});
});

describe('STOP list shaping and checks', () => {
	it('gives entries with a numeric ID and a UTC time read from Paris time', () => {
		expect(
			toStopEntry({ id: '12', phoneNumber: '+33612345678', createdAt: '2024-01-15 10:30:00' }),
		).toEqual({ id: 12, phoneNumber: '+33612345678', createdAt: '2024-01-15T09:30:00.000Z' });
		expect(
			toStopEntry({ id: 3, phoneNumber: '+33612345678', createdAt: '2024-07-15 10:30:00' }),
		).toEqual({ id: 3, phoneNumber: '+33612345678', createdAt: '2024-07-15T08:30:00.000Z' });
		expect(toStopEntry({ id: 3, createdAt: 'yesterday' })).toEqual({
			id: 3,
			phoneNumber: null,
			createdAt: null,
		});
	});

	it('decodes the keyless XML list', () => {
		const xml = `<result><entry>true</entry><entry>200</entry><entry>1</entry><entry><entry><entry>7</entry>${cdata('+33612345678')}${cdata('2024-01-15 10:30:00')}</entry></entry></result>`;
		expect(decodeSmsPartnerXml(xml, STOP_LIST_RESPONSE)).toEqual({
			success: true,
			code: 200,
			nbData: 1,
			data: [{ id: 7, phoneNumber: '+33612345678', createdAt: '2024-01-15 10:30:00' }],
		});
	});

	it.each([
		['0612345678', '+33612345678'],
		[' +44 7700 900123 ', '+447700900123'],
		['0033612345678', '+33612345678'],
	])('sends the number %p as %p', (given, sent) => {
		expect(checkStopNumber(given)).toBe(sent);
	});

	it.each([[''], ['   '], ['abc'], ['0612345678,0698765432'], [undefined], [true], [{}]])(
		'refuses the number %p, naming the field',
		(value) => {
			expect(() => checkStopNumber(value)).toThrow(/^Phone Number (is empty|.+ is not a phone)/);
		},
	);

	it('takes entry IDs as positive whole numbers only', () => {
		expect(checkEntryId(' 12 ')).toBe(12);
		expect(checkEntryId(7)).toBe(7);
		for (const bad of ['', '0', '-1', '1.5', '+33612345678', 1.5, null, true, '1234567890123456']) {
			expect(() => checkEntryId(bad)).toThrow(InvalidParameterError);
		}
		expect(() => checkEntryId(true)).toThrow(/^Entry ID true is not an entry ID/);
	});
});
