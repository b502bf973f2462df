/**
 * Runs `n8n-node lint` (from @n8n/node-cli) exactly as n8n's tooling runs it on a node package:
 * strict mode (package.json "n8n.strict"), so the ESLint config must be n8n's default one,
 * unchanged. This repository also holds a simulator, a workflow runner, tests and scripts that run
 * in Node itself, which its own eslint.config.mjs lints with the community rules relaxed for those
 * folders only; strict mode refuses any such change. So the command runs on a copy of what is
 * published from source (package.json, nodes/, credentials/) next to the default config.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

import { PACKAGE_SOURCES, stageSources, type StandIns } from './staging';

/** `n8n-node lint` on a copy of `root`'s package sources; its findings are printed as they come. */
export function lintAsN8n(root: string, standIns: StandIns = {}): string[] {
	// The file `n8n-node lint` compares eslint.config.mjs with in strict mode.
	const defaultConfig = path.resolve(
		path.dirname(require.resolve('@n8n/node-cli/eslint')),
		'../template/templates/shared/default/eslint.config.mjs',
	);
	const stage = path.join(root, '.local', 'n8n-lint');
	rmSync(stage, { recursive: true, force: true });
	mkdirSync(stage, { recursive: true });
	try {
		stageSources(root, stage, standIns);
		copyFileSync(defaultConfig, path.join(stage, 'eslint.config.mjs'));
		symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
		const result = spawnSync(path.join(root, 'node_modules', '.bin', 'n8n-node'), ['lint'], {
			cwd: stage,
			stdio: 'inherit',
		});
		return result.status === 0
			? []
			: [`n8n-node lint found problems in ${PACKAGE_SOURCES.join(', ')} (above; paths are copies)`];
	} finally {
		rmSync(stage, { recursive: true, force: true });
	}
}
