import type { SimulatorClock } from './clock';
import { ApiError } from './errors';
import type { RuntimeSettings, SimulatorAccount } from './options';
import { toInternational } from './phone-number';
import type { SendRequest } from './send-request';

/** Money is kept in thousandths of a euro so that balances never drift. */
const PRICE_MILLI = { premium: 45, lowCost: 30 };
const DEFAULT_CREDIT_EUR = 100;
const DEFAULT_USERNAME = 'simulateur@example.com';
const CANCEL_DEADLINE_MS = 5 * 60 * 1000;

export interface StopEntry {
	id: number;
	/** International form, e.g. +33612345678. */
	phoneNumber: string;
	/** Epoch ms of the opt-out. */
	createdAt: number;
}

export interface Account {
	apiKey: string;
	username: string;
	balanceMilli: number;
	/** The STOP list, by international number. */
	stopNumbers: Map<string, StopEntry>;
}

export interface StoredMessage {
	id: number;
	apiKey: string;
	request: SendRequest;
	/** SMS units billed for all recipients. */
	nbSms: number;
	costMilli: number;
	/** Price of one SMS unit of this send; 0 in sandbox. */
	unitPriceMilli: number;
	/** Epoch ms: the scheduled time, or the time of the request for an immediate send. */
	sendAt: number;
	cancelled: boolean;
}

export type DeliveryStatus = 'Waiting' | 'Delivered' | 'Not delivered';

export type RecipientStatus = {
	phoneNumber: string;
	status: DeliveryStatus;
	stopSMS: boolean;
	/** Unix seconds, as a string like the API's. */
	date: string;
};

export class SimulatorState {
	private accounts = new Map<string, Account>();
	private messages = new Map<number, StoredMessage>();
	/** Sends with a urlDlr whose delivery reports are not due yet, in order of sending. */
	private unreported: StoredMessage[] = [];
	private nextMessageId = 0;
	private nextStopId = 1;

	constructor(
		private readonly accountOptions: SimulatorAccount[],
		private readonly clock: SimulatorClock,
		private readonly settings: RuntimeSettings,
		private readonly messageIdStart: number,
	) {
		if (!Number.isInteger(messageIdStart) || messageIdStart < 1) {
			throw new Error('messageIdStart must be a positive integer');
		}
		this.reset();
	}

	/** Back to the configured accounts, with no message. */
	reset(): void {
		this.nextStopId = 1;
		this.accounts.clear();
		for (const options of this.accountOptions) {
			if (options.apiKey === '' || this.accounts.has(options.apiKey)) {
				throw new Error('account API keys must be non-empty and unique');
			}
			const creditEur = options.creditEur ?? DEFAULT_CREDIT_EUR;
			if (!Number.isFinite(creditEur) || creditEur < 0) {
				throw new Error('creditEur must be a non-negative number');
			}
			const account: Account = {
				apiKey: options.apiKey,
				username: options.username ?? DEFAULT_USERNAME,
				balanceMilli: Math.round(creditEur * 1000),
				stopNumbers: new Map(),
			};
			this.accounts.set(options.apiKey, account);
			for (const phoneNumber of options.stopNumbers ?? []) this.addStop(account, phoneNumber);
		}
		this.messages.clear();
		this.unreported = [];
		this.nextMessageId = this.messageIdStart;
	}

	account(apiKey: string): Account | undefined {
		return this.accounts.get(apiKey);
	}

	/** As if the recipient had answered STOP: later sends to it fail, statuses flag it. */
	addStopNumber(apiKey: string, phoneNumber: string): void {
		const account = this.accounts.get(apiKey);
		if (account === undefined) throw new Error('unknown API key');
		this.addStop(account, phoneNumber);
	}

	/** Adds a number to the STOP list (once) and returns its entry. */
	addStop(account: Account, phoneNumber: string): StopEntry {
		const international = normalizeStopNumber(phoneNumber);
		const existing = account.stopNumbers.get(international);
		if (existing !== undefined) return existing;
		const entry = {
			id: this.nextStopId++,
			phoneNumber: international,
			createdAt: this.clock.now(),
		};
		account.stopNumbers.set(international, entry);
		return entry;
	}

	/** Recipients of scheduled sends still to go out, the API's `toSend`. */
	pendingRecipients(account: Account): number {
		const now = this.clock.now();
		let count = 0;
		for (const message of this.messagesOf(account)) {
			// Sandbox messages never go out, so they are never pending.
			const pending = !message.cancelled && !message.request.sandbox && message.sendAt > now;
			if (pending) count += message.request.phoneNumbers.length;
		}
		return count;
	}

	send(account: Account, request: SendRequest): StoredMessage {
		if (request.phoneNumbers.some((number) => account.stopNumbers.has(number))) {
			throw new ApiError(14);
		}
		const nbSms = request.recipients.reduce((sum, recipient) => sum + recipient.parts, 0);
		// A sandbox send is accepted and stored but charges nothing, as documented.
		const unitPriceMilli = request.sandbox
			? 0
			: request.gamme === 2
				? PRICE_MILLI.lowCost
				: PRICE_MILLI.premium;
		const costMilli = nbSms * unitPriceMilli;
		if (costMilli > account.balanceMilli) throw new ApiError(11);
		account.balanceMilli -= costMilli;
		const message: StoredMessage = {
			id: this.nextMessageId++,
			apiKey: account.apiKey,
			request,
			nbSms,
			costMilli,
			unitPriceMilli,
			sendAt: request.scheduledAt ?? this.clock.now(),
			cancelled: false,
		};
		this.messages.set(message.id, message);
		// A sandbox send never reaches a handset, so no report ever comes back.
		if (request.urlDlr !== undefined && !request.sandbox) this.unreported.push(message);
		return message;
	}

	/**
	 * Sandbox messages can be cancelled like any other: the documentation does not say whether
	 * the API knows their ids afterwards [INF].
	 */
	cancel(account: Account, messageId: string): void {
		const id = /^\d+$/.test(messageId) ? Number(messageId) : Number.NaN;
		const message = this.messages.get(id);
		if (message === undefined || message.apiKey !== account.apiKey) throw new ApiError(4);
		if (message.cancelled) throw new ApiError(5);
		const now = this.clock.now();
		if (message.request.scheduledAt === undefined || message.sendAt <= now) {
			throw new ApiError(7);
		}
		if (message.sendAt - now < CANCEL_DEADLINE_MS) throw new ApiError(6);
		message.cancelled = true;
		account.balanceMilli += message.costMilli;
	}

	/**
	 * Every recipient of every message sent with `tag`, by message id then recipient order,
	 * with its status computed from the clock now (there are no timers). Sandbox messages are
	 * included like the others [INF].
	 */
	/**
	 * The statuses from `start` (included) to `end` (excluded) of all recipients of the messages
	 * with this tag, and how many there are in all. Only that range is built: a page of a tag
	 * with 100,000 recipients must not cost as much as all of them.
	 */
	statusesByTag(
		account: Account,
		tag: string,
		start: number,
		end: number,
	): { total: number; statuses: RecipientStatus[] } {
		const tagged = this.messagesOf(account).filter((message) => message.request.tag === tag);
		// The documentation lists code 4 but not when; an unknown tag is the natural case [INF].
		if (tagged.length === 0) throw new ApiError(4);
		const now = this.clock.now();
		const statuses: RecipientStatus[] = [];
		let total = 0;
		for (const message of tagged) {
			const { phoneNumbers } = message.request;
			const from = Math.max(start - total, 0);
			const to = Math.min(end - total, phoneNumbers.length);
			for (let index = from; index < to; index++) {
				statuses.push(this.recipientStatus(account, message, phoneNumbers[index], now));
			}
			total += phoneNumbers.length;
		}
		return { total, statuses };
	}

	/**
	 * The sends with a urlDlr whose recipients all have their final status by `now`, each handed
	 * out once, with those statuses. Cancelled sends are dropped: they never reach a handset.
	 */
	takeDeliveryReports(now: number): Array<{ message: StoredMessage; statuses: RecipientStatus[] }> {
		const due: StoredMessage[] = [];
		this.unreported = this.unreported.filter((message) => {
			if (message.cancelled) return false;
			if (now < this.deliveredAt(message)) return true;
			due.push(message);
			return false;
		});
		return due.map((message) => {
			const account = this.accounts.get(message.apiKey) as Account;
			const statuses = message.request.phoneNumbers.map((phoneNumber) =>
				this.recipientStatus(account, message, phoneNumber, now),
			);
			return { message, statuses };
		});
	}

	/** Any account's message, for what happens on the handset side (replies). */
	messageById(id: number): StoredMessage | undefined {
		return this.messages.get(id);
	}

	/** A message of this account, or undefined (unknown, or another account's). */
	message(account: Account, id: number): StoredMessage | undefined {
		const message = this.messages.get(id);
		return message?.apiKey === account.apiKey ? message : undefined;
	}

	/** The status of one recipient of a message, computed from the clock now. */
	recipientStatus(
		account: Account,
		message: StoredMessage,
		phoneNumber: string,
		now: number,
	): RecipientStatus {
		const stopSMS = account.stopNumbers.has(phoneNumber);
		const deliveredAt = this.deliveredAt(message);
		let status: DeliveryStatus;
		let at: number;
		if (message.cancelled) {
			// A cancelled send never reaches the handset; the API's wording for it is unknown [INF].
			status = 'Not delivered';
			at = message.sendAt;
		} else if (now < deliveredAt) {
			status = 'Waiting';
			at = message.sendAt;
		} else {
			// Numbers ending in 99 stand for unreachable handsets, so failures can be tested.
			status = phoneNumber.endsWith('99') ? 'Not delivered' : 'Delivered';
			at = deliveredAt;
		}
		return { phoneNumber, status, stopSMS, date: String(Math.floor(at / 1000)) };
	}

	/** When the recipients of a send get their final status. */
	private deliveredAt(message: StoredMessage): number {
		return message.sendAt + this.settings.deliveryDelaySeconds * 1000;
	}

	messagesOf(account: Account): StoredMessage[] {
		return [...this.messages.values()].filter((message) => message.apiKey === account.apiKey);
	}
}

function normalizeStopNumber(phoneNumber: string): string {
	const international = toInternational(phoneNumber);
	if (international === undefined) throw new Error(`invalid STOP number '${phoneNumber}'`);
	return international;
}
