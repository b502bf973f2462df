import { parseArgs } from 'node:util';

import {
	DEFAULT_API_KEY,
	startSimulator,
	type FaultRule,
	type RequestOutcome,
	type SimulatorOptions,
} from './index';

const USAGE = `Local simulator of the SMS Partner API (api.smspartner.fr/v1).

Options:
  --port <n>                      port on 127.0.0.1 (default 8787)
  --api-key <key>                 API key of the account (default ${DEFAULT_API_KEY})
  --credit <eur>                  starting balance in EUR (default 100)
  --stop-numbers <a,b>            numbers on the account's STOP list
  --error-status <mode>           mirror | always-200 (default mirror)
  --tag-page-size <n>             items per page of bulk-status-by-tag (default 100)
  --tag-total <what>              items | pages: what bulk-status-by-tag's total counts (default items)
  --page-param <name>             query parameter read as the page (default page)
  --validation-error-key <key>    error | errors (default error)
  --delivery-delay-seconds <n>    simulated seconds until the final status (default 20)
  --callback-encoding <enc>       json | form: body of the callbacks posted (default json)
  --dlr-status-style <style>      api | operator: Delivered/Not delivered or DELIVRD/UNDELIV
                                  in delivery reports (default api)
  --message-id-start <n>          first message_id (default 1001)
  --start-time <iso>              simulated time at start (default now)
  --fault <json>                  a fault rule, e.g. '{"fault":"http-429","path":"/send","times":2}';
                                  repeatable; cleared by a reset
  --verbose                       one line per request, API key redacted
  --help                          this text

Callbacks (delivery reports, replies, number check results) are posted only to
http://127.0.0.1, http://[::1] or http://localhost URLs; others are logged as skipped.`;

function main(): Promise<void> | void {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '8787' },
			'api-key': { type: 'string', default: DEFAULT_API_KEY },
			credit: { type: 'string' },
			'stop-numbers': { type: 'string' },
			'error-status': { type: 'string' },
			'tag-page-size': { type: 'string' },
			'tag-total': { type: 'string' },
			'page-param': { type: 'string' },
			'validation-error-key': { type: 'string' },
			'delivery-delay-seconds': { type: 'string' },
			'callback-encoding': { type: 'string' },
			'dlr-status-style': { type: 'string' },
			'message-id-start': { type: 'string' },
			'start-time': { type: 'string' },
			fault: { type: 'string', multiple: true },
			verbose: { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
		},
	});
	if (values.help) {
		console.log(USAGE);
		return;
	}

	const apiKey = values['api-key'];
	const options: SimulatorOptions = {
		port: toNumber('port', values.port),
		accounts: [
			{
				apiKey,
				creditEur: toNumber('credit', values.credit),
				stopNumbers: values['stop-numbers']?.split(',').map((n) => n.trim()),
			},
		],
		// Values are checked by the simulator itself, which names the bad one.
		errorStatus: values['error-status'] as SimulatorOptions['errorStatus'],
		tagPageSize: toNumber('tag-page-size', values['tag-page-size']),
		tagTotal: values['tag-total'] as SimulatorOptions['tagTotal'],
		pageParam: values['page-param'],
		validationErrorKey: values['validation-error-key'] as SimulatorOptions['validationErrorKey'],
		deliveryDelaySeconds: toNumber('delivery-delay-seconds', values['delivery-delay-seconds']),
		callbackEncoding: values['callback-encoding'] as SimulatorOptions['callbackEncoding'],
		dlrStatusStyle: values['dlr-status-style'] as SimulatorOptions['dlrStatusStyle'],
		messageIdStart: toNumber('message-id-start', values['message-id-start']),
		startTime: values['start-time'] === undefined ? undefined : new Date(values['start-time']),
		faults: values.fault?.map(parseFaultRule),
		onRequest: values.verbose ? (outcome) => console.log(describe(outcome)) : undefined,
	};

	return startSimulator(options).then((simulator) => {
		const control = `http://127.0.0.1:${simulator.port}/__simulator`;
		console.log(`SMS Partner simulator: ${simulator.baseUrl}`);
		console.log(`API key: ${apiKey}`);
		console.log(
			`Control: POST ${control}/clock/advance {"seconds":N} | POST ${control}/reset | GET ${control}/requests | POST ${control}/config {...} | POST ${control}/stop-numbers {"phoneNumber":"..."} | POST|GET|DELETE ${control}/faults | POST ${control}/replies {"messageId":N,"text":"..."} | GET ${control}/callbacks`,
		);
		const stop = () => {
			simulator.close().then(
				() => process.exit(0),
				() => process.exit(1),
			);
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	});
}

function toNumber(flag: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const number = Number(value);
	if (value.trim() === '' || Number.isNaN(number)) throw new Error(`--${flag} needs a number`);
	return number;
}

/** The rule itself is checked by the simulator, which names the bad field. */
function parseFaultRule(json: string): FaultRule {
	try {
		return JSON.parse(json);
	} catch {
		throw new Error(`--fault needs a JSON rule, got ${json}`);
	}
}

function describe({ request, status, code }: RequestOutcome): string {
	const query = new URLSearchParams(request.query);
	if (query.has('apiKey')) query.set('apiKey', '***');
	const search = query.size > 0 ? `?${query}` : '';
	const answer = [
		status === undefined ? 'no answer' : `HTTP ${status}`,
		code === undefined ? undefined : `code ${code}`,
		request.fault === undefined ? undefined : `(fault ${request.fault})`,
	];
	return `${new Date(request.at).toISOString()} ${request.method} ${request.path}${search} -> ${answer.filter(Boolean).join(' ')}`;
}

Promise.resolve()
	.then(main)
	.catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
