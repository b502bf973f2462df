import path from 'node:path';

/** Where the engine writes its log lines during the log test. */
export const ENGINE_LOG_FILE = path.resolve(
	__dirname,
	'..',
	'..',
	'.local',
	`engine-${process.pid}.log`,
);

// Loaded before the runner, so that n8n's logger starts at its most talkative level and writes
// to a file that the test reads back.
const SETTINGS = {
	N8N_LOG_LEVEL: 'debug',
	N8N_LOG_OUTPUT: 'file',
	N8N_LOG_FILE_LOCATION: ENGINE_LOG_FILE,
};
const previous = Object.fromEntries(Object.keys(SETTINGS).map((name) => [name, process.env[name]]));
Object.assign(process.env, SETTINGS);

/** Other test files share this process: give them back the quiet engine. */
export function restoreEngineLogSettings(): void {
	for (const [name, value] of Object.entries(previous)) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
}
