const FRENCH_NATIONAL = /^0[67]\d{8}$/;
const INTERNATIONAL = /^\+[1-9]\d{7,14}$/;

/**
 * The international form of a recipient the API accepts (French mobiles may be national), or
 * undefined when the API would refuse it. The API answers with international numbers.
 */
export function toInternational(phoneNumber: string): string | undefined {
	if (FRENCH_NATIONAL.test(phoneNumber)) return `+33${phoneNumber.slice(1)}`;
	return INTERNATIONAL.test(phoneNumber) ? phoneNumber : undefined;
}
