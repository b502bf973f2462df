import { XMLParser } from 'fast-xml-parser';

import { toXml } from '../../simulator/xml';

const PROLOGUE = "<?xml version='1.0' encoding='UTF-8'?>\n";

describe('toXml', () => {
	it('writes one entry per value in key order, dropping keys', () => {
		expect(toXml({ success: true, code: 200, message_id: 306, cost: 0.038, currency: 'EUR' })).toBe(
			`${PROLOGUE}<result><entry>true</entry><entry>200</entry><entry>306</entry>` +
				'<entry>0.038</entry><entry><![CDATA[EUR]]></entry></result>\n',
		);
	});

	it('nests lists and objects as anonymous entries', () => {
		const xml = toXml({
			success: false,
			list: [
				{ id: 'children[message].data', ok: false },
				{ id: 'b', ok: true },
			],
		});
		expect(xml).toBe(
			`${PROLOGUE}<result><entry>false</entry><entry>` +
				'<entry><entry><![CDATA[children[message].data]]></entry><entry>false</entry></entry>' +
				'<entry><entry><![CDATA[b]]></entry><entry>true</entry></entry>' +
				'</entry></result>\n',
		);
	});

	it('keeps property names only for the keys it is told to', () => {
		const xml = toXml(
			{ user: { username: 'a@b.fr' }, credits: { solde: '1.000' } },
			{ namedObjectKeys: ['user'] },
		);
		expect(xml).toContain('<entry><username><![CDATA[a@b.fr]]></username></entry>');
		expect(xml).toContain('<entry><entry><![CDATA[1.000]]></entry></entry>');
		expect(xml).not.toContain('<solde>');
	});

	it('keeps markup characters and a CDATA terminator inside strings intact', () => {
		const text = 'a <b> & ]]> c ]]]]>';
		const parsed = new XMLParser().parse(toXml({ text }));
		expect(parsed.result.entry).toBe(text);
	});
});
