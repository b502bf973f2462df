/**
 * A real n8n for this package, run from .local: the package packed with `npm pack` and installed
 * into the instance's nodes folder the way a community package is, the simulator credential and the
 * example workflows imported with n8n's CLI, and `n8n start` with bounded waits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import {
	ensureN8n,
	LOCAL_DIR,
	PROJECT_ROOT,
	selectedRelease,
	type N8nInstallation,
} from './install';

export const PACKAGE_NAME = 'n8n-nodes-smspartner';
export const NODE_TYPE = `${PACKAGE_NAME}.smsPartner`;
export const TRIGGER_TYPE = `${PACKAGE_NAME}.smsPartnerTrigger`;
export const CREDENTIAL_ID = 'smspartner-simulator';
export const CREDENTIAL_NAME = 'SMS Partner (simulator)';
export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples');

/** A local owner account, so that the editor opens without a sign-up form. */
export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Local',
	lastName: 'Owner',
	password: 'Simulator-2026',
};

export interface N8nInstance {
	installation: N8nInstallation;
	/** N8N_USER_FOLDER: n8n keeps its database, settings and community packages in `.n8n` under it. */
	userFolder: string;
	port: number;
	brokerPort: number;
	url: string;
	env: NodeJS.ProcessEnv;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** Prepares an instance folder; `fresh` empties it first (the tests start from nothing). */
export async function prepareInstance(options: {
	userFolder: string;
	port?: number;
	fresh?: boolean;
	log?: (line: string) => void;
	extraEnv?: NodeJS.ProcessEnv;
}): Promise<N8nInstance> {
	const installation = await ensureN8n(selectedRelease(), options.log);
	if (options.fresh) rmSync(options.userFolder, { recursive: true, force: true });
	const tmp = path.join(LOCAL_DIR, 'tmp');
	mkdirSync(path.join(options.userFolder, '.n8n'), { recursive: true });
	mkdirSync(tmp, { recursive: true });
	const port = options.port ?? (await freePort());
	const brokerPort = await freePort();
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PATH: installation.path,
		TMPDIR: tmp,
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		// The CLI prints its results (`execute --rawOutput`) at level info.
		N8N_LOG_LEVEL: 'info',
		...options.extraEnv,
	};
	// npm's settings for a script run, and Jest's NODE_ENV=test (n8n then logs nothing and refuses
	// to load nodes), must not leak into the n8n it starts.
	for (const key of Object.keys(env)) {
		if (key.startsWith('npm_') || key.startsWith('JEST_') || key === 'NODE_ENV') delete env[key];
	}
	return {
		installation,
		userFolder: options.userFolder,
		port,
		brokerPort,
		url: `http://127.0.0.1:${port}`,
		env,
	};
}

interface RunResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

function runProcess(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${path.basename(command)} ${args.join(' ')} timed out: ${stderr}`));
		}, options.timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}

async function mustRun(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<RunResult> {
	const result = await runProcess(command, args, options);
	if (result.code !== 0) {
		throw new Error(
			`${path.basename(command)} ${args.join(' ')} failed (exit ${result.code}):\n${result.stderr}\n${result.stdout}`.slice(
				0,
				6000,
			),
		);
	}
	return result;
}

/** Runs an n8n CLI command (`import:workflow`, `execute`…) against the instance. */
export function n8nCli(
	instance: N8nInstance,
	args: string[],
	timeoutMs = 120_000,
): Promise<RunResult> {
	return runProcess(instance.installation.node, [instance.installation.bin, ...args], {
		cwd: instance.userFolder,
		env: instance.env,
		timeoutMs,
	});
}

async function mustN8nCli(instance: N8nInstance, args: string[]): Promise<RunResult> {
	const result = await n8nCli(instance, args);
	if (result.code !== 0) {
		const output = `${result.stderr}\n${result.stdout}`.trim().slice(-6000);
		throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${output}`);
	}
	return result;
}

/** `npm pack` of the built package into `destination`; returns the tarball's path. */
export async function packPackage(destination: string): Promise<string> {
	mkdirSync(destination, { recursive: true });
	for (const file of readdirSync(destination)) {
		if (file.endsWith('.tgz')) rmSync(path.join(destination, file));
	}
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const { stdout } = await mustRun(
		npm,
		['pack', '--json', '--pack-destination', destination, '--loglevel=error'],
		{ cwd: PROJECT_ROOT, timeoutMs: 120_000 },
	);
	const [{ filename }] = JSON.parse(stdout) as Array<{ filename: string }>;
	return path.join(destination, filename);
}

/**
 * Installs the tarball into `<N8N_USER_FOLDER>/.n8n/nodes` with npm, as n8n's manual install of a
 * community package does; n8n loads the packages of that folder at start, as `n8n-nodes-smspartner.*`.
 */
export async function installCommunityPackage(
	instance: N8nInstance,
	tarball: string,
): Promise<void> {
	const nodesDir = path.join(instance.userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(
		path.join(nodesDir, 'package.json'),
		`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, '\t')}\n`,
	);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	await mustRun(
		npm,
		[
			'install',
			tarball,
			'--omit=dev',
			'--omit=peer',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--no-package-lock',
			'--loglevel=error',
		],
		{ cwd: nodesDir, env: instance.env, timeoutMs: 120_000 },
	);
}

export function simulatorCredential(baseUrl: string, apiKey: string) {
	return {
		id: CREDENTIAL_ID,
		name: CREDENTIAL_NAME,
		type: 'smsPartnerApi',
		data: { apiKey, baseUrl },
	};
}

/** Imports the simulator credential, then workflow files (each must carry a unique `id`). */
export async function importFixtures(
	instance: N8nInstance,
	credential: ReturnType<typeof simulatorCredential>,
	workflows: Array<Record<string, unknown>>,
): Promise<void> {
	const dir = path.join(instance.userFolder, 'import');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const credentialFile = path.join(dir, 'credentials.json');
	writeFileSync(credentialFile, JSON.stringify([credential]));
	await mustN8nCli(instance, ['import:credentials', `--input=${credentialFile}`]);
	const workflowDir = path.join(dir, 'workflows');
	mkdirSync(workflowDir);
	for (const workflow of workflows) {
		writeFileSync(path.join(workflowDir, `${workflow.id}.json`), JSON.stringify(workflow));
	}
	await mustN8nCli(instance, ['import:workflow', '--separate', `--input=${workflowDir}`]);
	// Files written for the import held the simulator key: not kept.
	rmSync(dir, { recursive: true, force: true });
}

export interface RunningN8n {
	process: ChildProcess;
	/** Everything n8n printed, for error messages. */
	output(): string;
	stop(): Promise<void>;
}

/**
 * `n8n start`, resolved once its REST API answers (at most `timeoutMs`); with `readyLine`, once n8n
 * prints that line instead (`n8n worker` serves no editor).
 */
export async function startN8n(
	instance: N8nInstance,
	options: {
		timeoutMs?: number;
		args?: string[];
		echo?: boolean;
		readyLine?: string;
	} = {},
): Promise<RunningN8n> {
	const child = spawn(
		instance.installation.node,
		[instance.installation.bin, ...(options.args ?? ['start'])],
		{ cwd: instance.userFolder, env: instance.env, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	const collect = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
		if (options.echo) process.stdout.write(chunk);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	let exited = false;
	const exit = new Promise<void>((resolve) =>
		child.on('exit', () => {
			exited = true;
			resolve();
		}),
	);
	const running: RunningN8n = {
		process: child,
		output: () => output,
		async stop() {
			if (exited) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exit;
			clearTimeout(timer);
		},
	};
	const deadline = Date.now() + (options.timeoutMs ?? 90_000);
	// A first start answers every path with 200 (a starting-up page), then 404 while it mounts the
	// controllers, and only then 401 for GET /rest/login without a session: the REST API is up.
	const probe = `${instance.url}/rest/login`;
	while (Date.now() < deadline) {
		if (exited) throw new Error(`n8n exited while starting:\n${output}`);
		if (options.readyLine !== undefined) {
			if (output.includes(options.readyLine)) return running;
			await new Promise((resolve) => setTimeout(resolve, 500));
			continue;
		}
		try {
			const response = await fetch(probe, { signal: AbortSignal.timeout(2000) });
			if (response.status === 401) return running;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await running.stop();
	const awaited =
		options.readyLine === undefined ? `answer 401 at ${probe}` : `print "${options.readyLine}"`;
	throw new Error(`n8n did not ${awaited} within ${options.timeoutMs ?? 90_000} ms:\n${output}`);
}

/** A signed-in session of n8n's REST API (the calls the editor makes). */
export class RestSession {
	private cookie = '';

	constructor(private readonly baseUrl: string) {}

	async request(method: string, route: string, body?: unknown) {
		const response = await fetch(`${this.baseUrl}/rest${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': 'smspartner-e2e',
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30_000),
		});
		const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			json = text;
		}
		// n8n's JSON answers, read by the callers field by field.
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		return { status: response.status, body: json as Record<string, any> };
	}

	/** A signed-in GET outside /rest (e.g. `/types/nodes.json`, the node types the editor loads). */
	async getText(route: string): Promise<string> {
		const response = await fetch(`${this.baseUrl}${route}`, {
			headers: { 'browser-id': 'smspartner-e2e', cookie: this.cookie },
			signal: AbortSignal.timeout(30_000),
		});
		return await response.text();
	}

	/** Sets up the owner account unless there is one, then signs in. */
	async signIn(owner = OWNER): Promise<void> {
		const settings = await this.request('GET', '/settings');
		if (settings.body?.data?.userManagement?.showSetupOnFirstLoad) {
			const setup = await this.request('POST', '/owner/setup', owner);
			if (setup.status !== 200) {
				throw new Error(`Owner setup failed: HTTP ${setup.status} ${JSON.stringify(setup.body)}`);
			}
		}
		const login = await this.request('POST', '/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		if (login.status !== 200) {
			throw new Error(`Sign-in failed: HTTP ${login.status} ${JSON.stringify(login.body)}`);
		}
	}
}

/**
 * Waits until the main serves a production webhook (at most `timeoutMs`): n8n registers the
 * published workflows' webhooks after the editor answers. A CORS preflight, which runs nothing,
 * answers 204 once the webhook is registered and 404 before.
 */
export async function waitForWebhook(
	instance: N8nInstance,
	webhookPath: string,
	timeoutMs = 60_000,
) {
	const deadline = Date.now() + timeoutMs;
	let last = '';
	while (Date.now() < deadline) {
		const response = await fetch(`${instance.url}/webhook/${webhookPath}`, {
			method: 'OPTIONS',
			headers: { origin: instance.url, 'access-control-request-method': 'POST' },
			signal: AbortSignal.timeout(5000),
		});
		last = `${response.status} ${await response.text()}`;
		if (response.status === 204) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`The webhook ${webhookPath} was not registered within ${timeoutMs} ms: ${last}`);
}

/**
 * Runs a saved workflow from its manual trigger as the editor's Execute workflow does; returns
 * the execution ID. n8n 2 runs the saved workflow; n8n 1 takes the workflow in the request, as
 * the editor holds it (without static data).
 */
export async function runManually(
	instance: N8nInstance,
	session: RestSession,
	workflowId: string,
	trigger: string,
): Promise<string> {
	const body: Record<string, unknown> = { triggerToStartFrom: { name: trigger } };
	if (instance.installation.version.startsWith('1.')) {
		const saved = await session.request('GET', `/workflows/${workflowId}`);
		if (saved.status !== 200) throw new Error(`GET /rest/workflows/${workflowId}: ${saved.status}`);
		const { id, name, nodes, connections, settings, pinData, active, versionId, meta } =
			saved.body.data;
		body.workflowData = {
			id,
			name,
			nodes,
			connections,
			settings,
			pinData,
			active,
			versionId,
			meta,
		};
	}
	const run = await session.request('POST', `/workflows/${workflowId}/run`, body);
	const executionId = run.body?.data?.executionId;
	if (run.status !== 200 || !executionId) {
		throw new Error(
			`POST /rest/workflows/${workflowId}/run answered ${run.status}: ${JSON.stringify(run.body)}`,
		);
	}
	return String(executionId);
}

/** n8n's execution data is serialized with `flatted`: strings in arrays and objects are indexes. */
function unflatten(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	for (const entry of table) {
		if (entry === null || typeof entry !== 'object') continue;
		const record = entry as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			if (typeof record[key] === 'string') record[key] = table[Number(record[key])];
		}
	}
	return table[0];
}

/**
 * Publishes (activates) the workflows that hold an SMS Partner Trigger, which listens only in an
 * active workflow; returns them.
 */
export async function publishTriggerWorkflows(
	instance: N8nInstance,
	workflows: Array<Record<string, unknown>>,
): Promise<Array<Record<string, unknown>>> {
	const withTrigger = workflows.filter((workflow) =>
		JSON.stringify(workflow.nodes).includes(`"${TRIGGER_TYPE}"`),
	);
	for (const workflow of withTrigger) await publishWorkflow(instance, String(workflow.id));
	return withTrigger;
}

/** Publishes (activates) a workflow: n8n 2 publishes, n8n 1 sets the workflow active. */
export async function publishWorkflow(instance: N8nInstance, workflowId: string): Promise<void> {
	await mustN8nCli(
		instance,
		instance.installation.version.startsWith('1.')
			? ['update:workflow', `--id=${workflowId}`, '--active=true']
			: ['publish:workflow', `--id=${workflowId}`],
	);
}

/** The JSON of an item, read field by field by the checks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ItemJson = Record<string, any>;

/** A run's node outputs, as n8n saves them. */
export type RunData = Record<
	string,
	Array<{
		data?: { main: Array<Array<{ json: ItemJson }> | null> };
		error?: { message: string; description?: string };
	}>
>;

/** The items a node put on one output (0: main, 1: error) over all its runs; throws if it did not run. */
export function nodeOutput(runData: RunData, node: string, index = 0): ItemJson[] {
	const runs = runData[node];
	if (!runs) throw new Error(`"${node}" did not run; ran: ${Object.keys(runData).join(', ')}`);
	return runs.flatMap((run) => run.data?.main[index] ?? []).map((item) => item.json);
}

/** A saved execution, read through n8n's REST API as the editor reads it. */
export async function savedExecution(
	session: RestSession,
	executionId: string,
): Promise<{ status: string; mode: string; runData: RunData }> {
	const { status, body } = await session.request('GET', `/executions/${executionId}`);
	if (status !== 200) throw new Error(`GET /rest/executions/${executionId} answered ${status}`);
	const data = unflatten(String(body.data.data)) as { resultData: { runData: RunData } };
	return { status: body.data.status, mode: body.data.mode, runData: data.resultData.runData };
}

/**
 * A prepared n8n (not started) with this build installed as a community package, the simulator's
 * credential and the example workflows (`files`, all of examples/ by default), as `npm start`,
 * the screenshots, the demo and the editor test use it.
 */
export async function prepareWithExamples(options: {
	userFolder: string;
	packDir: string;
	credential: ReturnType<typeof simulatorCredential>;
	files?: string[];
	fresh?: boolean;
	port?: number;
	extraEnv?: NodeJS.ProcessEnv;
}): Promise<{ instance: N8nInstance; files: string[]; workflows: Array<Record<string, unknown>> }> {
	const instance = await prepareInstance({
		userFolder: options.userFolder,
		fresh: options.fresh,
		port: options.port,
		extraEnv: options.extraEnv,
	});
	await installCommunityPackage(instance, await packPackage(options.packDir));
	const files = options.files ?? readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json'));
	const workflows = exampleWorkflows(
		(file) => JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')),
		files,
	);
	await importFixtures(instance, options.credential, workflows);
	return { instance, files, workflows };
}

/** The example workflows, each with a stable id (n8n needs one to import and to execute). */
export function exampleWorkflows(
	load: (file: string) => Record<string, unknown>,
	files: string[],
): Array<Record<string, unknown>> {
	return files.map((file, index) => ({
		id: `smspartnerEx${String(index + 1).padStart(4, '0')}`,
		active: false,
		...load(file),
	}));
}
