import { redactSecret } from '../../nodes/SmsPartner/shared/redact';

describe('redactSecret', () => {
	it('removes the key in raw and URL-encoded form', () => {
		const key = 'k3y/with+signs=';
		const text = `GET /v1/me?apiKey=${encodeURIComponent(key)} failed; key ${key}`;
		const clean = redactSecret(text, key);
		expect(clean).not.toContain(key);
		expect(clean).not.toContain(encodeURIComponent(key));
		expect(clean).toBe('GET /v1/me?apiKey=[redacted] failed; key [redacted]');
	});

	it('leaves texts alone when there is no key or a key too short to be one', () => {
		expect(redactSecret('a message', undefined)).toBe('a message');
		expect(redactSecret('a message', 'a')).toBe('a message');
	});
});
