const REDACTED = '[redacted]';

/** Short secrets would blank out ordinary words; real API keys are far longer. */
const MIN_SECRET_LENGTH = 6;

/** Removes a secret, raw or URL-encoded, from a text that may reach users or logs. */
export function redactSecret(text: string, secret: string | undefined): string {
	if (!secret || secret.length < MIN_SECRET_LENGTH) return text;
	let clean = text;
	for (const form of new Set([secret, encodeURIComponent(secret)])) {
		clean = clean.split(form).join(REDACTED);
	}
	return clean;
}
