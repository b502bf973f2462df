import type { CallbackEncoding, DlrStatusStyle } from './callbacks';
import type { ErrorStatusMode, ValidationErrorKey } from './errors';
import type { FaultKind, FaultRule } from './faults';

export const DEFAULT_API_KEY = 'sim-live-key-0001';

export interface SimulatorAccount {
	apiKey: string;
	username?: string;
	/** Starting balance in EUR; default 100. */
	creditEur?: number;
	/** Numbers on the account's STOP list, national or international form. */
	stopNumbers?: string[];
}

/** Answered by a /v1 request, for logging. */
export interface RequestOutcome {
	request: RecordedRequest;
	/** HTTP status sent; absent when a fault sent no answer ('reset', 'hang'). */
	status?: number;
	/** The endpoint's `code`, even when a fault then lost it; absent when the endpoint never ran. */
	code?: number;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	/** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
	body: unknown;
	contentType?: string;
	/** Simulated time (ms epoch) of arrival. */
	at: number;
	/** The fault that answered the request instead of (or after) the endpoint. */
	fault?: FaultKind;
}

export interface SimulatorOptions {
	/** Default 0 (a free port); the simulator always listens on 127.0.0.1. */
	port?: number;
	/** Default: one account with DEFAULT_API_KEY. */
	accounts?: SimulatorAccount[];
	/** 'mirror' (default) answers errors with a matching HTTP status, 'always-200' with 200. */
	errorStatus?: ErrorStatusMode;
	/** Items per page of /bulk-status-by-tag; default 100 [INF]. */
	tagPageSize?: number;
	/** What `total` of /bulk-status-by-tag counts; default 'items' [INF]. */
	tagTotal?: 'items' | 'pages';
	/** Query parameter read as the /bulk-status-by-tag page; default 'page' [INF]. */
	pageParam?: string;
	/** Key of the violation list of code 9; default 'error'. */
	validationErrorKey?: ValidationErrorKey;
	/** Simulated seconds from the send time to the final status; default 20. */
	deliveryDelaySeconds?: number;
	/** Body of the callbacks: 'json' (default) or 'form' (every value a string) [INF]. */
	callbackEncoding?: CallbackEncoding;
	/** Status words of delivery reports: 'api' (default, as /message-status) or 'operator' [INF]. */
	dlrStatusStyle?: DlrStatusStyle;
	/** First message_id handed out; default 1001. */
	messageIdStart?: number;
	/** Default: real now. The clock starts there and runs with real time. */
	startTime?: Date;
	/** Faults active from the start; reset() clears them like any other. */
	faults?: FaultRule[];
	/** Called once each /v1 request has been answered, or faulted. */
	onRequest?: (outcome: RequestOutcome) => void;
}

/** The options that can change while the simulator runs. */
export type RuntimeSettings = Required<
	Pick<
		SimulatorOptions,
		| 'errorStatus'
		| 'tagPageSize'
		| 'tagTotal'
		| 'pageParam'
		| 'validationErrorKey'
		| 'deliveryDelaySeconds'
		| 'callbackEncoding'
		| 'dlrStatusStyle'
	>
>;

const DEFAULT_SETTINGS: RuntimeSettings = {
	errorStatus: 'mirror',
	tagPageSize: 100,
	tagTotal: 'items',
	pageParam: 'page',
	validationErrorKey: 'error',
	deliveryDelaySeconds: 20,
	callbackEncoding: 'json',
	dlrStatusStyle: 'api',
};

const SETTING_CHECKS: { [K in keyof RuntimeSettings]: (value: unknown) => boolean } = {
	errorStatus: (value) => value === 'mirror' || value === 'always-200',
	tagPageSize: (value) => Number.isInteger(value) && (value as number) > 0,
	tagTotal: (value) => value === 'items' || value === 'pages',
	pageParam: (value) => typeof value === 'string' && value !== '',
	validationErrorKey: (value) => value === 'error' || value === 'errors',
	deliveryDelaySeconds: (value) =>
		typeof value === 'number' && Number.isFinite(value) && value >= 0,
	callbackEncoding: (value) => value === 'json' || value === 'form',
	dlrStatusStyle: (value) => value === 'api' || value === 'operator',
};

export function initialSettings(options: SimulatorOptions): RuntimeSettings {
	const settings = { ...DEFAULT_SETTINGS };
	updateSettings(settings, {
		errorStatus: options.errorStatus,
		tagPageSize: options.tagPageSize,
		tagTotal: options.tagTotal,
		pageParam: options.pageParam,
		validationErrorKey: options.validationErrorKey,
		deliveryDelaySeconds: options.deliveryDelaySeconds,
		callbackEncoding: options.callbackEncoding,
		dlrStatusStyle: options.dlrStatusStyle,
	});
	return settings;
}

/**
 * Applies the defined values of `changes` to `settings`, all or none: the control API passes
 * untrusted JSON here, so unknown keys and bad values are refused before anything changes.
 */
export function updateSettings(settings: RuntimeSettings, changes: Record<string, unknown>): void {
	const defined = Object.entries(changes).filter(([, value]) => value !== undefined);
	for (const [key, value] of defined) {
		if (!Object.hasOwn(SETTING_CHECKS, key)) throw new Error(`unknown setting '${key}'`);
		if (!SETTING_CHECKS[key as keyof RuntimeSettings](value)) {
			throw new Error(`invalid value for '${key}': ${JSON.stringify(value)}`);
		}
	}
	Object.assign(settings, Object.fromEntries(defined));
}
