import { epochToParisWallTime } from './paris-time';

export interface SeedSms {
	phoneNumbers: string[];
	message: string;
	tag?: string;
	/** Send time; it must fall on a 5-minute step, as the API requires. Default: now. */
	at?: Date;
}

/**
 * Sends an SMS through the API as an application would, to set up a scenario (demo, tests).
 * Resolves with the message_id; rejects with the API's answer when it refuses.
 */
export async function sendSms(baseUrl: string, apiKey: string, sms: SeedSms): Promise<number> {
	const body: Record<string, unknown> = {
		apiKey,
		phoneNumbers: sms.phoneNumbers.join(','),
		message: sms.message,
		tag: sms.tag,
	};
	if (sms.at !== undefined) {
		const wall = epochToParisWallTime(sms.at.getTime());
		const pad = (n: number) => String(n).padStart(2, '0');
		body.scheduledDeliveryDate = `${pad(wall.day)}/${pad(wall.month)}/${wall.year}`;
		body.time = wall.hour;
		body.minute = wall.minute;
	}
	const response = await fetch(`${baseUrl}/send`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const answer = (await response.json()) as { success?: boolean; message_id?: number };
	if (answer.success !== true || answer.message_id === undefined) {
		throw new Error(`SMS Partner refused the send: ${JSON.stringify(answer)}`);
	}
	return answer.message_id;
}
