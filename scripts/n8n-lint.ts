/**
 * Runs `n8n-node lint` (from @n8n/node-cli) exactly as n8n's tooling runs it on a node package:
 * strict mode (package.json "n8n.strict"), so the ESLint config must be n8n's default one,
 * unchanged. This repository also holds a simulator, a workflow runner, tests and scripts that run
 * in Node itself, which its own eslint.config.mjs lints with the community rules relaxed for those
 * folders only; strict mode refuses any such change. So the command runs on a copy of what is
 * published from source (package.json, nodes/, credentials/) next to the default config.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const PACKAGE_SOURCES = ['package.json', 'nodes', 'credentials'];

/** The file `n8n-node lint` compares eslint.config.mjs with in strict mode. */
const defaultConfig = path.resolve(
	path.dirname(require.resolve('@n8n/node-cli/eslint')),
	'../template/templates/shared/default/eslint.config.mjs',
);

const stage = path.join(root, '.local', 'n8n-lint');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
try {
	for (const source of PACKAGE_SOURCES) {
		cpSync(path.join(root, source), path.join(stage, source), { recursive: true });
	}
	copyFileSync(defaultConfig, path.join(stage, 'eslint.config.mjs'));
	symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');

	const started = Date.now();
	const result = spawnSync(path.join(root, 'node_modules', '.bin', 'n8n-node'), ['lint'], {
		cwd: stage,
		stdio: 'inherit',
	});
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (result.status === 0) {
		console.log(`n8n-node lint passed on ${PACKAGE_SOURCES.join(', ')} in ${seconds} s.`);
	} else {
		console.error(
			`n8n-node lint failed on ${PACKAGE_SOURCES.join(', ')} (paths above are copies).`,
		);
		process.exitCode = result.status ?? 1;
	}
} finally {
	rmSync(stage, { recursive: true, force: true });
}
