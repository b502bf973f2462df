import { randomBytes } from 'node:crypto';
import { request, type ClientRequest } from 'node:http';

import type { SimulatorClock } from './clock';
import type { RuntimeSettings } from './options';
import { formatParisDateTime } from './paris-time';
import { toInternational } from './phone-number';
import type { RecipientStatus, SimulatorState, StoredMessage } from './state';

export type CallbackKind = 'deliveryReport' | 'reply' | 'stop' | 'numberCheck';
export type CallbackEncoding = 'json' | 'form';
export type DlrStatusStyle = 'api' | 'operator';

/** One POST of a callback, or one the simulator refused to make. */
export interface CallbackRecord {
	kind: CallbackKind;
	url: string;
	contentType: string;
	/** The body as sent, or as it would have been when skipped. */
	body: string;
	/** Simulated time (ms epoch) of the post. */
	at: number;
	/** The HTTP status the receiver answered. */
	status?: number;
	/** Why the post failed: a network error, or no answer in time. */
	error?: string;
	/** Why the URL was never contacted. */
	skipped?: string;
}

/** A reply from a handset to a send; see Simulator.reply. */
export interface SimulatedReply {
	messageId: number | string;
	text: string;
	/** Default: the first recipient of the message. */
	phoneNumber?: string;
	/** Default: the urlResponse of the send. */
	url?: string;
}

export interface WaitForCallbacksOptions {
	/** Only count callbacks of this kind; default every kind. */
	kind?: CallbackKind;
	/** Default 10,000. */
	timeoutMs?: number;
}

type Payload = Record<string, string | number>;

const TICK_MS = 200;
const POST_TIMEOUT_MS = 5000;
const DEFAULT_WAIT_MS = 10_000;
/** The project works offline: callbacks only ever go to this machine. */
const LOOPBACK_HOSTS = ['127.0.0.1', '[::1]', 'localhost'];
const OPERATOR_STATUS: Record<RecipientStatus['status'], string> = {
	Waiting: 'ENROUTE',
	Delivered: 'DELIVRD',
	'Not delivered': 'UNDELIV',
};
/** A long-number reply over one SMS arrives in parts of this many characters. */
const SINGLE_SMS_LENGTH = 160;
const PART_LENGTH = 153;

export function deliveryReportPayload(
	messageId: number,
	recipient: RecipientStatus,
	style: DlrStatusStyle,
): Payload {
	return {
		message_id: messageId,
		phone_number: recipient.phoneNumber,
		status: style === 'operator' ? OPERATOR_STATUS[recipient.status] : recipient.status,
		date: formatParisDateTime(Number(recipient.date) * 1000),
	};
}

export function isStopReply(text: string): boolean {
	return text.trim().toUpperCase() === 'STOP';
}

export function shortNumberReplyPayload(
	messageId: number,
	phoneNumber: string,
	text: string,
): Payload {
	const type = isStopReply(text) ? 'stop' : 'response';
	return { type, phone_number: phoneNumber, text, message_id: messageId };
}

/**
 * One payload per SMS part of a reply to a long number. The keyword is the first word of the
 * whole reply, the same in every part [INF].
 */
export function longNumberReplyPayloads(
	reply: { phoneNumber: string; virtualNumber: string; text: string; now: number },
	ids: { partId: () => string; concatRef: string },
): Payload[] {
	const characters = [...reply.text];
	const common = {
		msisdn: reply.phoneNumber.replace(/\D/g, ''),
		to: reply.virtualNumber.replace(/\D/g, ''),
	};
	const fields = (text: string) => ({
		...common,
		messageId: ids.partId(),
		text,
		type: 'text',
		keyword: reply.text.trim().split(/\s+/)[0].toUpperCase(),
		'message-timestamp': formatParisDateTime(reply.now),
	});
	if (characters.length <= SINGLE_SMS_LENGTH) return [fields(reply.text)];
	const total = Math.ceil(characters.length / PART_LENGTH);
	return Array.from({ length: total }, (_, index) => ({
		...fields(characters.slice(index * PART_LENGTH, (index + 1) * PART_LENGTH).join('')),
		concat: 'true',
		'concat-ref': ids.concatRef,
		'concat-total': String(total),
		'concat-part': String(index + 1),
	}));
}

/** Numbers ending in 99 stand for unknown subscribers, as they stand for failed deliveries. */
export function numberCheckPayload(
	campaignId: string,
	index: number,
	phoneNumber: string,
	now: number,
): Payload {
	const unknown = phoneNumber.endsWith('99');
	return {
		phone: phoneNumber.replace(/\D/g, ''),
		messageId: `${campaignId}-${index + 1}`,
		mccMnc: '20801',
		ported: 0,
		errorGrpId: unknown ? 1 : 0,
		errorName: unknown ? 'UNKNOWN_SUBSCRIBER' : 'NO_ERROR',
		errorDesc: unknown ? 'Unknown subscriber' : 'No error',
		date: new Date(now).toISOString().replace('Z', '+0000'),
	};
}

export function encodePayload(
	payload: Payload,
	encoding: CallbackEncoding,
): { contentType: string; body: string } {
	if (encoding === 'json')
		return { contentType: 'application/json', body: JSON.stringify(payload) };
	const form = new URLSearchParams(
		Object.entries(payload).map(([key, value]): [string, string] => [key, String(value)]),
	);
	return { contentType: 'application/x-www-form-urlencoded', body: form.toString() };
}

/** The URL to post to, or why it is not contacted. */
export function loopbackTarget(url: string): URL | string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'not a valid URL';
	}
	if (parsed.protocol !== 'http:') return 'only http:// URLs are posted to';
	if (!LOOPBACK_HOSTS.includes(parsed.hostname)) {
		return 'not a loopback address (127.0.0.1, ::1, localhost): the simulator works offline';
	}
	return parsed;
}

function isSettled(record: CallbackRecord): boolean {
	return record.status !== undefined || record.error !== undefined || record.skipped !== undefined;
}

interface Waiter {
	/** Settles the wait when the log allows; true once settled. */
	check(): boolean;
	fail(error: Error): void;
}

/**
 * Posts the callbacks SMS Partner would post: delivery reports as recipients reach their final
 * status in simulated time, number check results after /hlr/notify, and replies on demand.
 */
export class CallbackPoster {
	/** Every callback, in the order its post began. */
	readonly log: CallbackRecord[] = [];
	private numberChecks: Array<{ url: string; campaignId: string; phoneNumbers: string[] }> = [];
	private readonly inFlight = new Set<ClientRequest>();
	private readonly waiters = new Set<Waiter>();
	private readonly ticker: NodeJS.Timeout;
	private nextConcatRef = 1;

	constructor(
		private readonly state: SimulatorState,
		private readonly settings: RuntimeSettings,
		private readonly clock: SimulatorClock,
	) {
		this.ticker = setInterval(() => this.tick(), TICK_MS);
		// Tests and scripts end when their work does, whatever reports are still due.
		this.ticker.unref();
	}

	/** Starts the posts now due; each post is recorded in the log before this returns. */
	tick(): void {
		const now = this.clock.now();
		for (const { message, statuses } of this.state.takeDeliveryReports(now)) {
			const url = message.request.urlDlr as string;
			for (const recipient of statuses) {
				const payload = deliveryReportPayload(message.id, recipient, this.settings.dlrStatusStyle);
				void this.post('deliveryReport', url, payload);
			}
		}
		const checks = this.numberChecks;
		this.numberChecks = [];
		for (const { url, campaignId, phoneNumbers } of checks) {
			phoneNumbers.forEach((phoneNumber, index) => {
				void this.post('numberCheck', url, numberCheckPayload(campaignId, index, phoneNumber, now));
			});
		}
	}

	/** The results of a number check, posted on the next tick, after the API has answered. */
	queueNumberChecks(url: string, campaignId: string, phoneNumbers: string[]): void {
		this.numberChecks.push({ url, campaignId, phoneNumbers });
	}

	/**
	 * Posts a handset's reply to a send, one post per SMS part, in order. A STOP to a short
	 * number also puts the number on the account's STOP list. Rejects on bad input.
	 */
	async reply(input: unknown): Promise<CallbackRecord[]> {
		const { message, phoneNumber, text, url } = this.checkReply(input);
		if (message.request.from !== undefined) {
			const payloads = longNumberReplyPayloads(
				{ phoneNumber, virtualNumber: message.request.from, text, now: this.clock.now() },
				{
					partId: () => randomBytes(8).toString('hex'),
					concatRef: String(this.nextConcatRef++),
				},
			);
			const records: CallbackRecord[] = [];
			for (const payload of payloads) records.push(await this.post('reply', url, payload));
			return records;
		}
		const stop = isStopReply(text);
		if (stop) this.state.addStopNumber(message.apiKey, phoneNumber);
		const payload = shortNumberReplyPayload(message.id, phoneNumber, text);
		return [await this.post(stop ? 'stop' : 'reply', url, payload)];
	}

	/**
	 * Resolves with the first `count` callbacks (of `kind`, when given) once each has been
	 * answered, has failed or was skipped; rejects after `timeoutMs`.
	 */
	waitFor(count: number, options: WaitForCallbacksOptions = {}): Promise<CallbackRecord[]> {
		const { kind, timeoutMs = DEFAULT_WAIT_MS } = options;
		if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer');
		if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
			throw new Error('timeoutMs must be a positive number');
		}
		return new Promise((resolve, reject) => {
			const matching = () =>
				this.log.filter((record) => kind === undefined || record.kind === kind).slice(0, count);
			const settle = () => {
				clearTimeout(timer);
				this.waiters.delete(waiter);
			};
			const waiter: Waiter = {
				check: () => {
					const records = matching();
					const done = records.length === count && records.every(isSettled);
					if (done) {
						settle();
						resolve(records);
					}
					return done;
				},
				fail: (error) => {
					settle();
					reject(error);
				},
			};
			const timer = setTimeout(() => {
				const settled = matching().filter(isSettled).length;
				const what = kind ?? 'callback';
				waiter.fail(
					new Error(`${settled} of ${count} ${what} posts settled within ${timeoutMs} ms`),
				);
			}, timeoutMs);
			if (!waiter.check()) this.waiters.add(waiter);
		});
	}

	/** Forgets the log and the number checks not posted yet. */
	reset(): void {
		this.log.length = 0;
		this.numberChecks = [];
	}

	close(): void {
		clearInterval(this.ticker);
		for (const post of this.inFlight) post.destroy(new Error('simulator closed'));
		for (const waiter of this.waiters) waiter.fail(new Error('simulator closed'));
	}

	private checkReply(input: unknown): {
		message: StoredMessage;
		phoneNumber: string;
		text: string;
		url: string;
	} {
		if (typeof input !== 'object' || input === null || Array.isArray(input)) {
			throw new Error('a reply must be an object with messageId and text');
		}
		const { messageId, text, phoneNumber, url } = input as Record<string, unknown>;
		const idText = typeof messageId === 'number' ? String(messageId) : messageId;
		if (typeof idText !== 'string' || !/^\d{1,15}$/.test(idText)) {
			throw new Error(`messageId must be a message ID, got ${JSON.stringify(messageId)}`);
		}
		const message = this.state.messageById(Number(idText));
		if (message === undefined) throw new Error(`unknown message ID ${idText}`);
		if (typeof text !== 'string' || text === '') throw new Error('text must be a non-empty string');

		const recipients = message.request.phoneNumbers;
		let recipient = recipients[0];
		if (phoneNumber !== undefined) {
			const international =
				typeof phoneNumber === 'string' ? toInternational(phoneNumber) : undefined;
			if (international === undefined || !recipients.includes(international)) {
				throw new Error(
					`${JSON.stringify(phoneNumber)} is not a recipient of message ${idText} (${recipients.join(', ')})`,
				);
			}
			recipient = international;
		}
		if (url !== undefined && (typeof url !== 'string' || url === '')) {
			throw new Error('url must be a non-empty string');
		}
		const target = url ?? message.request.urlResponse;
		if (target === undefined) {
			throw new Error(`message ${idText} was sent without urlResponse; give the reply a url`);
		}
		return { message, phoneNumber: recipient, text, url: target };
	}

	/** Logs the callback at once, then posts it unless its URL is not contacted. */
	private async post(kind: CallbackKind, url: string, payload: Payload): Promise<CallbackRecord> {
		const { contentType, body } = encodePayload(payload, this.settings.callbackEncoding);
		const record: CallbackRecord = { kind, url, contentType, body, at: this.clock.now() };
		this.log.push(record);
		const target = loopbackTarget(url);
		if (typeof target === 'string') record.skipped = target;
		else Object.assign(record, await this.send(target, contentType, body));
		for (const waiter of this.waiters) waiter.check();
		return record;
	}

	/** One attempt, no retry: SMS Partner documents none. */
	private send(
		url: URL,
		contentType: string,
		body: string,
	): Promise<{ status: number } | { error: string }> {
		return new Promise((resolve) => {
			const post = request(
				url,
				{
					method: 'POST',
					// A connection per post: nothing stays open once the receiver has answered.
					agent: false,
					timeout: POST_TIMEOUT_MS,
					headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body) },
				},
				(response) => {
					response.resume();
					resolve({ status: response.statusCode ?? 0 });
				},
			);
			this.inFlight.add(post);
			post.on('close', () => this.inFlight.delete(post));
			post.on('timeout', () =>
				post.destroy(new Error(`no answer within ${POST_TIMEOUT_MS / 1000} s`)),
			);
			post.on('error', (error) => resolve({ error: error.message }));
			post.end(body);
		});
	}
}
