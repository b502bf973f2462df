/**
 * What the scripts install into .local/ on first use (a real n8n, older n8n engines): each into a
 * folder of its own, with a marker naming what it holds, so a changed pin or an interrupted install
 * starts over from an empty folder instead of leaving a half-installed one in use.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const LOCAL_DIR = path.join(PROJECT_ROOT, '.local');

const MARKER = '.installed';

/** Whether `dir` holds `wanted` (the text a finished install wrote to its marker). */
export function holds(dir: string, wanted: string): boolean {
	const marker = path.join(dir, MARKER);
	return existsSync(marker) && readFileSync(marker, 'utf8').trim() === wanted;
}

/**
 * Runs `install` in an empty `dir` unless the folder holds `wanted` already. `packageJson` is
 * the folder's own package.json, so npm installs there and never into the project.
 */
export async function ensureInstalled(
	dir: string,
	wanted: string,
	packageJson: object,
	install: () => Promise<void>,
): Promise<void> {
	if (holds(dir, wanted)) return;
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(packageJson, null, '\t')}\n`);
	await install();
	writeFileSync(path.join(dir, MARKER), `${wanted}\n`);
}

/**
 * Runs a command to its end; rejects naming it, with the tail of its output, if it fails.
 * `inherit` shows the output as it comes instead.
 */
export function runCommand(
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv; inherit?: boolean },
): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: options.inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		const keep = (chunk: Buffer) => {
			output = (output + chunk.toString()).slice(-4000);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0
				? resolve()
				: reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output}`)),
		);
	});
}

/** npm's flags for its errors only, without audit and funding notes. */
export const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

/** `npm install` of the folder's pinned packages, without their install scripts. */
export const NPM_INSTALL = ['install', '--ignore-scripts', ...NPM_QUIET];
