import { ObservableObject, type IDataObject } from 'n8n-workflow';

import { refusalOf } from './thrown';
import {
	registerTriggerUrl,
	triggerUrlFor,
	TRIGGER_URLS_KEY,
	unregisterTriggerUrl,
	type TriggerEvent,
} from '../../nodes/SmsPartner/shared/trigger-url';

const FIELD = 'Callbacks to This Workflow';
const URL_FIELD = 'Delivery Report URL';
const DLR_URL = 'https://n8n.example.com/webhook/a1/smspartner?token=t1';
const REPLY_URL = 'https://n8n.example.com/webhook/b2/smspartner?token=t2';

/** Static data holding `registry` under the key the triggers use. */
const withRegistry = (registry: unknown): IDataObject => ({
	[TRIGGER_URLS_KEY]: registry as never,
});

const urlFor = (staticData: IDataObject, event: TriggerEvent) =>
	triggerUrlFor(staticData, event, FIELD, URL_FIELD);

describe('registerTriggerUrl and unregisterTriggerUrl', () => {
	it('keep one registration per trigger, and remove the key with the last one', () => {
		const staticData: IDataObject = { other: 'kept' };
		registerTriggerUrl(staticData, 'Reports', { url: DLR_URL, events: ['deliveryReport'] });
		registerTriggerUrl(staticData, 'Replies', { url: REPLY_URL, events: ['reply', 'stop'] });
		expect(staticData).toEqual({
			other: 'kept',
			[TRIGGER_URLS_KEY]: {
				Reports: { url: DLR_URL, events: ['deliveryReport'] },
				Replies: { url: REPLY_URL, events: ['reply', 'stop'] },
			},
		});

		unregisterTriggerUrl(staticData, 'Reports');
		expect(staticData[TRIGGER_URLS_KEY]).toEqual({
			Replies: { url: REPLY_URL, events: ['reply', 'stop'] },
		});
		unregisterTriggerUrl(staticData, 'Replies');
		expect(staticData).toEqual({ other: 'kept' });
	});

	it('replace the registration of a trigger registered again, with its own copy of the events', () => {
		const staticData: IDataObject = {};
		const events = ['deliveryReport'];
		registerTriggerUrl(staticData, 'Trigger', { url: DLR_URL, events });
		registerTriggerUrl(staticData, 'Trigger', { url: REPLY_URL, events });
		events.push('reply');
		expect(staticData[TRIGGER_URLS_KEY]).toEqual({
			Trigger: { url: REPLY_URL, events: ['deliveryReport'] },
		});
	});

	it.each([['a text'], [['a list']], [null], [42]])(
		'replace a registry that is no object (%p) instead of failing',
		(registry) => {
			const staticData = withRegistry(registry);
			registerTriggerUrl(staticData, 'Trigger', { url: DLR_URL, events: ['*'] });
			expect(staticData[TRIGGER_URLS_KEY]).toEqual({ Trigger: { url: DLR_URL, events: ['*'] } });

			const broken = withRegistry(registry);
			unregisterTriggerUrl(broken, 'Trigger');
			expect(broken).toEqual({});
		},
	);

	it('leave the others in place when a trigger that never registered unregisters', () => {
		const staticData = withRegistry({ Reports: { url: DLR_URL, events: ['deliveryReport'] } });
		unregisterTriggerUrl(staticData, 'Unknown');
		expect(staticData[TRIGGER_URLS_KEY]).toEqual({
			Reports: { url: DLR_URL, events: ['deliveryReport'] },
		});
	});

	it('mark the static data n8n observes as changed, so that n8n saves it', () => {
		const registered = ObservableObject.create({}) as IDataObject;
		registerTriggerUrl(registered, 'Trigger', { url: DLR_URL, events: ['*'] });
		expect(registered.__dataChanged).toBe(true);

		const unregistered = ObservableObject.create(
			withRegistry({ Trigger: { url: DLR_URL, events: ['*'] } }),
		) as IDataObject;
		unregisterTriggerUrl(unregistered, 'Trigger');
		expect(unregistered.__dataChanged).toBe(true);
		expect(unregistered[TRIGGER_URLS_KEY]).toBeUndefined();
	});
});

describe('triggerUrlFor', () => {
	it('gives the URL of the trigger that listens to the event, whichever else are registered', () => {
		const staticData: IDataObject = {};
		registerTriggerUrl(staticData, 'Reports', { url: DLR_URL, events: ['deliveryReport'] });
		registerTriggerUrl(staticData, 'Replies', { url: REPLY_URL, events: ['reply'] });
		expect(urlFor(staticData, 'deliveryReport')).toBe(DLR_URL);
		expect(urlFor(staticData, 'reply')).toBe(REPLY_URL);
	});

	it('counts a trigger that listens to every event ("*")', () => {
		const staticData = withRegistry({ All: { url: DLR_URL, events: ['*'] } });
		const events: TriggerEvent[] = ['deliveryReport', 'reply', 'stop', 'numberCheck'];
		expect(events.map((event) => urlFor(staticData, event))).toEqual(events.map(() => DLR_URL));
	});

	it('counts a trigger that listens only to STOP for the replies, which come to the same URL', () => {
		const staticData = withRegistry({ Stops: { url: REPLY_URL, events: ['stop'] } });
		expect(urlFor(staticData, 'reply')).toBe(REPLY_URL);
	});

	it.each([
		['no registry', {}],
		['a text', withRegistry('https://n8n.example.com/webhook/x')],
		['a list', withRegistry([{ url: DLR_URL, events: ['*'] }])],
		['null', withRegistry(null)],
		['an entry that is text', withRegistry({ Trigger: DLR_URL })],
		['an entry that is null', withRegistry({ Trigger: null })],
		['a URL that is a number', withRegistry({ Trigger: { url: 42, events: ['*'] } })],
		['a URL that is not http(s)', withRegistry({ Trigger: { url: 'ftp://x.fr', events: ['*'] } })],
		['an empty URL', withRegistry({ Trigger: { url: '', events: ['*'] } })],
		['events that are no list', withRegistry({ Trigger: { url: DLR_URL, events: '*' } })],
		['no events', withRegistry({ Trigger: { url: DLR_URL } })],
	])('takes static data with %s for a run that sees no active trigger', (_case, staticData) => {
		const refusal = refusalOf(() => urlFor(staticData, 'deliveryReport'));
		expect(refusal.parameter).toBe(FIELD);
		expect(refusal.message).toBe(
			`${FIELD}: this run sees no active SMS Partner Trigger of this workflow`,
		);
		expect(refusal.hint).toBe(
			`Add an SMS Partner Trigger to this workflow and publish (activate) it: n8n then knows the trigger's production URL, in the runs it gives the workflow's static data. Some runs never see it: manual runs in n8n 1, and in queue mode the runs on workers (production runs, and from n8n 3.0 every manual run). There, fill in ${URL_FIELD} with the trigger's Production URL (the trigger's panel shows it under Webhook URLs; with a Secret Token, add ?token=<the token>) and stop using ${FIELD}.`,
		);
	});

	it('ignores a malformed registration next to a good one, and events that are not text', () => {
		const staticData = withRegistry({
			Broken: { url: 7, events: ['deliveryReport'] },
			Reports: { url: DLR_URL, events: [null, 3, 'deliveryReport'] },
		});
		expect(urlFor(staticData, 'deliveryReport')).toBe(DLR_URL);
	});

	it('names the active triggers and the event to add when none listens to it', () => {
		const staticData = withRegistry({
			Replies: { url: REPLY_URL, events: ['reply', 'stop'] },
			Checks: { url: DLR_URL, events: ['numberCheck', 3] },
		});
		const refusal = refusalOf(() => urlFor(staticData, 'deliveryReport'));
		expect(refusal.parameter).toBe(FIELD);
		expect(refusal.message).toBe(
			`${FIELD}: no SMS Partner Trigger of this workflow listens to delivery reports (active: "Replies", "Checks")`,
		);
		expect(refusal.hint).toBe(
			'Add Delivery Report to the Events of one of them, then publish (activate) the workflow again so that n8n registers the change; or fill in Delivery Report URL instead.',
		);
	});

	it('names the triggers that listen to the event when several do, and says to type the URL', () => {
		const staticData = withRegistry({
			First: { url: DLR_URL, events: ['deliveryReport'] },
			Other: { url: REPLY_URL, events: ['reply'] },
			Second: { url: REPLY_URL, events: ['*'] },
		});
		const refusal = refusalOf(() => urlFor(staticData, 'deliveryReport'));
		expect(refusal.message).toBe(
			`${FIELD}: 2 SMS Partner Triggers of this workflow listen to delivery reports ("First", "Second"), so which URL to use is unclear`,
		);
		expect(refusal.hint).toBe(
			`Fill in Delivery Report URL with the Production URL of the trigger to use, instead of ${FIELD}; or keep Delivery Report in the Events of only one of them.`,
		);
	});

	it('counts a reply trigger and a STOP trigger as two listeners for the one Reply URL', () => {
		const staticData = withRegistry({
			Replies: { url: REPLY_URL, events: ['reply'] },
			Stops: { url: DLR_URL, events: ['stop'] },
		});
		expect(refusalOf(() => urlFor(staticData, 'reply')).message).toMatch(
			/: 2 SMS Partner Triggers of this workflow listen to replies \("Replies", "Stops"\)/,
		);
	});

	it('shows at most five trigger names, cut short, however many static data holds', () => {
		const registry = Object.fromEntries(
			Array.from({ length: 8 }, (_, index) => [
				`Trigger ${index} ${'x'.repeat(50)}`,
				{ url: DLR_URL, events: ['numberCheck'] },
			]),
		);
		const { message } = refusalOf(() => urlFor(withRegistry(registry), 'numberCheck'));
		expect(message).toMatch(
			/listen to number check results \(("Trigger \d x+…", ){4}"Trigger 4 x+…" and 3 more\)/,
		);
		expect(message.length).toBeLessThan(400);
	});
});
