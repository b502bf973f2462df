import { checkMessage, countSmsParts } from '../../nodes/SmsPartner/shared/sms-parts';
import { InvalidParameterError } from '../../nodes/SmsPartner/shared/validation';

const gsm = (text: string) => countSmsParts(text, false);
const unicode = (text: string) => countSmsParts(text, true);

describe('countSmsParts', () => {
	it.each([
		[1, 1],
		[160, 1],
		[161, 2],
		[306, 2],
		[307, 3],
		[1530, 10],
		[1531, 11],
	])('GSM: %d characters make %d SMS', (length, parts) => {
		expect(gsm('a'.repeat(length)).parts).toBe(parts);
	});

	it.each([
		[70, 1],
		[71, 2],
		[134, 2],
		[135, 3],
		[670, 10],
		[671, 11],
	])('Unicode: %d characters make %d SMS', (length, parts) => {
		expect(unicode('a'.repeat(length)).parts).toBe(parts);
	});

	it('gives the characters per part at that length', () => {
		expect(gsm('a'.repeat(160)).perPart).toBe(160);
		expect(gsm('a'.repeat(161)).perPart).toBe(153);
		expect(unicode('a'.repeat(71)).perPart).toBe(67);
	});

	it('counts each GSM extension character twice', () => {
		expect(gsm('[x]').length).toBe(5);
		expect(gsm('^{}\\~|€').length).toBe(14);
		expect(gsm(`${'a'.repeat(158)}€`)).toEqual({ length: 160, parts: 1, perPart: 160 });
		expect(gsm(`${'a'.repeat(159)}€`).parts).toBe(2);
	});

	it('counts :br: as 2 characters and :euro: as the € it becomes', () => {
		expect(gsm('a:br:b').length).toBe(4);
		expect(unicode('a:br:b').length).toBe(4);
		expect(gsm('5:euro:').length).toBe(3);
		expect(unicode('5:euro:').length).toBe(2);
		expect(gsm(`${'a'.repeat(158)}:br:`).parts).toBe(1);
		expect(gsm(`${'a'.repeat(159)}:br:`).parts).toBe(2);
	});

	it('counts accented letters once in GSM (SMS Partner replaces them) and emoji as 2 in Unicode', () => {
		expect(gsm('Été').length).toBe(3);
		expect(unicode('ok 👍').length).toBe(5);
	});
});

describe('checkMessage', () => {
	const refusal = (run: () => unknown) => {
		try {
			run();
		} catch (error) {
			expect(error).toBeInstanceOf(InvalidParameterError);
			return error as InvalidParameterError;
		}
		throw new Error('not refused');
	};

	it('returns the text with its parts', () => {
		expect(checkMessage('a'.repeat(200), { field: 'Message', unicode: false })).toEqual({
			text: 'a'.repeat(200),
			length: 200,
			parts: 2,
			perPart: 153,
		});
	});

	it('refuses more than 10 SMS, naming the field and the count', () => {
		const error = refusal(() =>
			checkMessage('a'.repeat(1531), { field: 'Message', unicode: false }),
		);
		expect(error.parameter).toBe('Message');
		expect(error.message).toBe(
			'Message is 1531 GSM characters long, which makes 11 SMS; SMS Partner sends at most 10 SMS per text (1530 GSM characters)',
		);
		const inUnicode = refusal(() =>
			checkMessage('é'.repeat(700), { field: 'SMS List entry 2 message', unicode: true }),
		);
		expect(inUnicode.message).toMatch(
			/^SMS List entry 2 message is 700 Unicode characters long, which makes 11 SMS;.*\(670 Unicode characters\)$/,
		);
	});

	it('refuses an empty text and a Low Cost text over 160 characters', () => {
		expect(refusal(() => checkMessage('  ', { field: 'Message', unicode: false })).message).toBe(
			'Message is empty',
		);
		expect(refusal(() => checkMessage(true, { field: 'Message', unicode: false })).message).toBe(
			'Message true is not text',
		);
		expect(refusal(() => checkMessage(['Hi'], { field: 'Message', unicode: false })).message).toBe(
			'Message ["Hi"] is not text',
		);
		expect(checkMessage(42, { field: 'Message', unicode: false }).text).toBe('42');
		const lowCost = refusal(() =>
			checkMessage('a'.repeat(161), { field: 'Message', unicode: false, lowCost: true }),
		);
		expect(lowCost.message).toMatch(/^Message is 161 characters long; the Low Cost range/);
		expect(
			checkMessage('a'.repeat(160), { field: 'Message', unicode: false, lowCost: true }).parts,
		).toBe(1);
	});
});
