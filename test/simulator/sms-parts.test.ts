import { countSmsParts } from '../../simulator/sms-parts';

const gsm = (length: number) => countSmsParts('a'.repeat(length), false);
const unicode = (length: number) => countSmsParts('a'.repeat(length), true);

describe('countSmsParts', () => {
	it('bills GSM text as 160 characters, then 153 per part', () => {
		expect(gsm(160)).toEqual({ length: 160, parts: 1 });
		expect(gsm(161).parts).toBe(2);
		expect(gsm(306).parts).toBe(2);
		expect(gsm(307).parts).toBe(3);
		expect(gsm(1530).parts).toBe(10);
		expect(gsm(1531).parts).toBe(11);
	});

	it('bills Unicode text as 70 characters, then 67 per part', () => {
		expect(unicode(70).parts).toBe(1);
		expect(unicode(71).parts).toBe(2);
		expect(unicode(134).parts).toBe(2);
		expect(unicode(135).parts).toBe(3);
	});

	it('counts the :br: line break as two characters', () => {
		expect(countSmsParts('a:br:b', false).length).toBe(4);
		expect(countSmsParts(`${'a'.repeat(158)}:br:`, false).parts).toBe(1);
		expect(countSmsParts(`${'a'.repeat(159)}:br:`, false).parts).toBe(2);
	});

	it('counts an accented letter once, and an emoji twice in Unicode', () => {
		expect(countSmsParts('Été', false).length).toBe(3);
		expect(countSmsParts('ok 👍', true).length).toBe(5);
	});
});
