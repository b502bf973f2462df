/**
 * Runs the workflow tests (test/workflow, through WorkflowExecute against the simulator) on older
 * n8n engines. Each n8n-core / n8n-workflow pair is installed apart into .local/engines/<version>
 * with the versions pinned, never touching the project's own devDependencies (the newest pair,
 * which `npm test` uses). `npm run test:engines [-- 1.122.48 …]` runs the pairs named, or all.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const ENGINES_DIR = path.join(PROJECT_ROOT, '.local', 'engines');

/** n8n-core with the n8n-workflow it depends on; the n8n release that ships it, for the README. */
export const ENGINES = [
	{ core: '1.122.48', workflow: '1.120.31', n8n: '1.123.81' },
	{ core: '2.20.6', workflow: '2.20.3', n8n: '2.20.12' },
] as const;

type Engine = (typeof ENGINES)[number];

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
	return new Promise<number>((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: 'inherit' });
		child.on('error', reject);
		child.on('close', (code) => resolve(code ?? 1));
	});
}

/** Installs the pair unless the folder holds it already; returns the folder. */
async function ensureEngine(engine: Engine): Promise<string> {
	const dir = path.join(ENGINES_DIR, engine.core);
	const marker = path.join(dir, '.installed');
	const packages = [`n8n-core@${engine.core}`, `n8n-workflow@${engine.workflow}`];
	const wanted = packages.join(' ');
	if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === wanted) return dir;
	// An interrupted install starts over from an empty folder.
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
	console.log(`Installing ${wanted} into .local/engines/${engine.core}…`);
	const code = await run(
		'npm',
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...packages],
		{ cwd: dir },
	);
	if (code !== 0) throw new Error(`Installing ${wanted} failed (exit ${code}).`);
	writeFileSync(marker, `${wanted}\n`);
	return dir;
}

async function main(names: string[]): Promise<number> {
	const engines = names.length ? ENGINES.filter((e) => names.includes(e.core)) : [...ENGINES];
	const unknown = names.filter((name) => !ENGINES.some((e) => e.core === name));
	if (unknown.length) {
		console.error(
			`Unknown engine ${unknown.join(', ')}; known: ${ENGINES.map((e) => e.core).join(', ')}.`,
		);
		return 2;
	}
	const failed: string[] = [];
	for (const engine of engines) {
		const dir = await ensureEngine(engine);
		console.log(`\nWorkflow tests on n8n-core ${engine.core} (n8n ${engine.n8n})`);
		// Older engines leave timers running after a run; the tests themselves close what they open.
		const code = await run('npx', ['jest', '--config', 'jest.engines.config.js', '--forceExit'], {
			cwd: PROJECT_ROOT,
			env: { ...process.env, N8N_ENGINE_DIR: dir },
		});
		if (code !== 0) failed.push(`n8n-core ${engine.core} (n8n ${engine.n8n})`);
	}
	console.log(
		failed.length
			? `\nWorkflow tests failed on ${failed.join(', ')}.`
			: `\nWorkflow tests passed on ${engines.map((e) => `n8n-core ${e.core}`).join(', ')}.`,
	);
	return failed.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(error: Error) => {
		console.error(error.message);
		process.exitCode = 1;
	},
);
