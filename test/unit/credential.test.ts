import { authenticateSmsPartner, SmsPartnerApi } from '../../credentials/SmsPartnerApi.credentials';

describe('SmsPartnerApi credential', () => {
	const credentials = { apiKey: 'the-key-123456', baseUrl: 'http://127.0.0.1:1/v1' };

	it('puts the key in the query string on GET, not in a body', async () => {
		const options = await authenticateSmsPartner(credentials, {
			url: '/me',
			method: 'GET',
			qs: { tag: 'x' },
		});
		expect(options.qs).toEqual({ tag: 'x', apiKey: 'the-key-123456' });
		expect(options.body).toBeUndefined();
	});

	it('puts the key in the JSON body on POST, never in the URL', async () => {
		const options = await authenticateSmsPartner(credentials, {
			url: '/send',
			method: 'POST',
			body: { message: 'hi' },
		});
		expect(options.body).toEqual({ message: 'hi', apiKey: 'the-key-123456' });
		expect(options.qs?.apiKey).toBeUndefined();
	});

	it('puts the key in the JSON body on DELETE too', async () => {
		const options = await authenticateSmsPartner(credentials, {
			url: '/subaccount/remove',
			method: 'DELETE',
			body: { token: 't' },
		});
		expect(options.body).toEqual({ token: 't', apiKey: 'the-key-123456' });
		expect(options.qs?.apiKey).toBeUndefined();
	});

	it('masks the key and tests it against /me', () => {
		const type = new SmsPartnerApi();
		const apiKey = type.properties.find((property) => property.name === 'apiKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
		expect(type.test.request.url).toBe('/me');
	});
});
