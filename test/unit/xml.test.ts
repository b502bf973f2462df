import { CANCEL_RESPONSE as CANCEL_SHAPE } from '../../nodes/SmsPartner/resources/sms/cancel.operation';
import { TAG_STATUS_RESPONSE as TAG_SHAPE } from '../../nodes/SmsPartner/resources/sms/getStatusByTag.operation';
import { decodeSmsPartnerXml, UnreadableXmlError } from '../../nodes/SmsPartner/shared/xml';

const PROLOGUE = "<?xml version='1.0' encoding='UTF-8'?>";

describe('decodeSmsPartnerXml', () => {
	it('maps the keyless entries of a cancel answer to their JSON keys and types', () => {
		const xml = `${PROLOGUE}<result><entry>true</entry><entry>200</entry><entry><![CDATA[L'envoi du SMS a été annulé.]]></entry></result>`;
		expect(decodeSmsPartnerXml(xml, CANCEL_SHAPE)).toEqual({
			success: true,
			code: 200,
			message: "L'envoi du SMS a été annulé.",
		});
	});

	it('keeps phone numbers and Unix dates as strings in a status list', () => {
		const row = (phone: string, status: string, stop: string, date: string) =>
			`<entry><entry><![CDATA[${phone}]]></entry><entry><![CDATA[${status}]]></entry><entry>${stop}</entry><entry><![CDATA[${date}]]></entry></entry>`;
		const xml = `${PROLOGUE}<result><entry>true</entry><entry>200</entry><entry>1</entry><entry>2</entry><entry>${row('+33612345678', 'Delivered', 'false', '1517989111')}${row('0033600000001', 'Waiting', 'true', '0001517989112')}</entry></result>`;
		expect(decodeSmsPartnerXml(xml, TAG_SHAPE)).toEqual({
			success: true,
			code: 200,
			currentPage: 1,
			total: 2,
			StatutResponse_List: [
				{ phoneNumber: '+33612345678', status: 'Delivered', stopSMS: false, date: '1517989111' },
				{ phoneNumber: '0033600000001', status: 'Waiting', stopSMS: true, date: '0001517989112' },
			],
		});
	});

	it('reads a list of one and an empty list as lists', () => {
		const one = `<result><entry>true</entry><entry>200</entry><entry>1</entry><entry>1</entry><entry><entry><entry>+33600000000</entry><entry>Waiting</entry><entry>false</entry><entry>1</entry></entry></entry></result>`;
		expect(decodeSmsPartnerXml(one, TAG_SHAPE).StatutResponse_List).toHaveLength(1);
		const none = `<result><entry>true</entry><entry>200</entry><entry>3</entry><entry>2</entry><entry></entry></result>`;
		expect(decodeSmsPartnerXml(none, TAG_SHAPE).StatutResponse_List).toEqual([]);
	});

	it('reads an error answer with the error envelope whatever the endpoint shape', () => {
		const xml = `${PROLOGUE}<result><entry>false</entry><entry>6</entry><entry><![CDATA[Trop tard]]></entry></result>`;
		expect(decodeSmsPartnerXml(xml, TAG_SHAPE)).toEqual({
			success: false,
			code: 6,
			message: 'Trop tard',
		});
	});

	it('reads the field list of a validation error (code 9)', () => {
		const xml = `<result><entry>false</entry><entry>9</entry><entry><entry><entry>children[tag].data</entry><entry><![CDATA[Le tag est trop long & invalide]]></entry></entry></entry></result>`;
		expect(decodeSmsPartnerXml(xml, CANCEL_SHAPE)).toEqual({
			success: false,
			code: 9,
			error: [{ elementId: 'children[tag].data', message: 'Le tag est trop long & invalide' }],
		});
	});

	it.each([
		['broken markup', '<result><entry>true</entry><entry>200</result>'],
		['no result element', '<html><body>502 Bad Gateway</body></html>'],
		['a word where a number belongs', '<result><entry>true</entry><entry>ok</entry></result>'],
		['a list where a value belongs', '<result><entry><entry>x</entry></entry></result>'],
	])('refuses %s', (_case, xml) => {
		expect(() => decodeSmsPartnerXml(xml, CANCEL_SHAPE)).toThrow(UnreadableXmlError);
	});
});
