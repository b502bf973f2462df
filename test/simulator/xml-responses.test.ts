import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';
import { apiGet, apiPost } from './http';

const KEY = DEFAULT_API_KEY;
const XML_TYPE = 'application/xml; charset=utf-8';
const result = (inner: string) =>
	`<?xml version='1.0' encoding='UTF-8'?>\n<result>${inner}</result>\n`;

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({
		startTime: new Date('2025-06-02T08:00:00Z'),
		accounts: [{ apiKey: KEY, username: 'jean@example.fr', creditEur: 12.5 }],
	});
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const scheduleTomorrow = (format?: string) =>
	apiPost(sim, '/send', {
		apiKey: KEY,
		phoneNumbers: '0612345678',
		message: 'x',
		tag: 'promo',
		scheduledDeliveryDate: '03/06/2025',
		time: 9,
		minute: 0,
		...(format === undefined ? {} : { _format: format }),
	});

describe('_format=xml', () => {
	it('answers a cancel in XML', async () => {
		await scheduleTomorrow();
		const reply = await apiGet(sim, '/message-cancel', {
			apiKey: KEY,
			messageId: 1001,
			_format: 'xml',
		});
		expect(reply.status).toBe(200);
		expect(reply.contentType).toBe(XML_TYPE);
		expect(reply.text).toBe(
			result(
				"<entry>true</entry><entry>200</entry><entry><![CDATA[L'envoi du SMS a été annulé.]]></entry>",
			),
		);
	});

	it('answers an error in XML, with the same HTTP status', async () => {
		const reply = await apiGet(sim, '/message-cancel', {
			apiKey: 'wrong',
			messageId: 1,
			_format: 'xml',
		});
		expect(reply.status).toBe(401);
		expect(reply.contentType).toBe(XML_TYPE);
		expect(reply.text).toBe(
			result('<entry>false</entry><entry>10</entry><entry><![CDATA[Clé API incorrecte]]></entry>'),
		);
	});

	it('answers the statuses of a tag in XML', async () => {
		await scheduleTomorrow();
		const reply = await apiGet(sim, '/bulk-status-by-tag', {
			apiKey: KEY,
			tag: 'promo',
			_format: 'xml',
		});
		expect(reply.text).toBe(
			result(
				'<entry>true</entry><entry>200</entry><entry>1</entry><entry>1</entry>' +
					'<entry><entry><entry><![CDATA[+33612345678]]></entry><entry><![CDATA[Waiting]]></entry>' +
					'<entry>false</entry><entry><![CDATA[1748934000]]></entry></entry></entry>',
			),
		);
	});

	it('answers /me in XML with named user fields', async () => {
		const reply = await apiGet(sim, '/me', { apiKey: KEY, _format: 'xml' });
		expect(reply.text).toBe(
			result(
				'<entry>true</entry><entry>200</entry>' +
					'<entry><username><![CDATA[jean@example.fr]]></username>' +
					'<firstname><![CDATA[Camille]]></firstname><lastname><![CDATA[Martin]]></lastname></entry>' +
					'<entry><entry>277</entry><entry>416</entry><entry>2500</entry><entry>0</entry>' +
					'<entry><![CDATA[12.500]]></entry><entry><![CDATA[EUR]]></entry>' +
					'<entry><![CDATA[12.500]]></entry></entry>',
			),
		);
	});

	it('is read from the body or the query string of a POST', async () => {
		const fromBody = await scheduleTomorrow('xml');
		expect(fromBody.contentType).toBe(XML_TYPE);
		expect(fromBody.text).toBe(
			result(
				'<entry>true</entry><entry>200</entry><entry>1001</entry><entry>1</entry>' +
					'<entry>0.045</entry><entry><![CDATA[EUR]]></entry>' +
					'<entry><![CDATA[2025-06-03 09:00:00]]></entry>',
			),
		);
		const fromQuery = await apiPost(sim, '/send', '{oops', { query: '_format=xml' });
		expect(fromQuery.contentType).toBe(XML_TYPE);
		expect(fromQuery.text).toContain('<entry>false</entry><entry>90</entry>');
	});

	it('lists code 9 violations as nested entries', async () => {
		const reply = await apiPost(sim, '/send', {
			apiKey: KEY,
			phoneNumbers: '123',
			message: 'x',
			_format: 'xml',
		});
		expect(reply.text).toBe(
			result(
				'<entry>false</entry><entry>9</entry><entry><entry>' +
					'<entry><![CDATA[children[phoneNumbers].data]]></entry>' +
					"<entry><![CDATA[Ce numéro de téléphone n'est pas valide (123)]]></entry>" +
					'</entry></entry>',
			),
		);
	});

	it('is JSON for any other value', async () => {
		const reply = await apiGet(sim, '/me', { apiKey: KEY, _format: 'json' });
		expect(reply.contentType).toBe('application/json');
		expect(reply.body.success).toBe(true);
	});
});
