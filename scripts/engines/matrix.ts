/**
 * Runs the workflow tests (test/workflow, through WorkflowExecute against the simulator) on older
 * n8n engines. Each n8n-core / n8n-workflow pair is installed apart into .local/engines/<version>
 * with the versions pinned, never touching the project's own devDependencies (the newest pair,
 * which `npm test` uses). `npm run test:engines [-- 1.122.48 …]` runs the pairs named, or all.
 */
import path from 'node:path';

import { ensureInstalled, LOCAL_DIR, NPM_INSTALL, runCommand } from '../local-install';
import { pickVersions, runOnEach } from '../per-version';
import { runScript } from '../run-script';

const ENGINES_DIR = path.join(LOCAL_DIR, 'engines');

/** n8n-core with the n8n-workflow it depends on; the n8n release that ships it, for the README. */
export const ENGINES = [
	{ core: '1.122.48', workflow: '1.120.31', n8n: '1.123.81' },
	{ core: '2.20.6', workflow: '2.20.3', n8n: '2.20.12' },
] as const;

type Engine = (typeof ENGINES)[number];

/** Installs the pair unless the folder holds it already; returns the folder. */
async function ensureEngine(engine: Engine): Promise<string> {
	const dir = path.join(ENGINES_DIR, engine.core);
	const packages = [`n8n-core@${engine.core}`, `n8n-workflow@${engine.workflow}`];
	await ensureInstalled(dir, packages.join(' '), { private: true }, async () => {
		console.log(`Installing ${packages.join(' ')} into .local/engines/${engine.core}…`);
		await runCommand('npm', [...NPM_INSTALL, ...packages], { cwd: dir });
	});
	return dir;
}

const engines = pickVersions(ENGINES, (engine) => engine.core, process.argv.slice(2));

runScript(() =>
	runOnEach(engines, {
		label: (engine) => `n8n-core ${engine.core} (n8n ${engine.n8n})`,
		prepare: async (engine) => ({ N8N_ENGINE_DIR: await ensureEngine(engine) }),
		// Older engines leave timers running after a run; the tests themselves close what they open.
		jestArgs: () => ['--config', 'jest.engines.config.js', '--forceExit'],
	}),
);
