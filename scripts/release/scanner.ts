/**
 * Runs the two lint passes of n8n's community package scanner (@n8n/scan-community-package), the
 * gate a package goes through before n8n verifies it: one on the sources (package.json, nodes/,
 * credentials/) and one on the packed tarball (its compiled .js and package.json). Inline
 * eslint-disable comments do not count in either pass. The scanner's command fetches the
 * published package and its source from the registry and GitHub; its analyzePackage() is the
 * same lint, run here on the working tree and on a tarball packed from the current build.
 *
 * Needs a current build (`npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

import { fillIn, stageSources, type StandIns } from './staging';

interface AnalysisResult {
	passed: boolean;
	message?: string;
	details?: string;
}

interface Scanner {
	analyzePackage: (packageDir: string, filePatterns?: string[]) => Promise<AnalysisResult>;
	SOURCE_FILE_PATTERNS: string[];
}

/** What the scanner lints in the published tarball (see its analyzePackageByName). */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

function newestChange(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
	}
	return newest;
}

/** The tarball pass is only worth something on a build of the current sources. */
function buildProblem(
	root: string,
	pkg: { n8n: { nodes: string[]; credentials: string[] } },
): string | undefined {
	const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => path.join(root, file));
	const missing = entries.filter((file) => !existsSync(file));
	if (missing.length > 0) {
		return `${missing.map((file) => path.relative(root, file)).join(', ')} missing: run npm run build first`;
	}
	const sources = Math.max(
		newestChange(path.join(root, 'nodes')),
		newestChange(path.join(root, 'credentials')),
	);
	const built = Math.min(...entries.map((file) => statSync(file).mtimeMs));
	if (sources > built) return 'dist is older than nodes/ or credentials/: run npm run build first';
	return undefined;
}

function packInto(root: string, dir: string): string {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	) as Array<{ filename: string }>;
	execFileSync('tar', ['-xzf', path.join(dir, packed[0].filename), '-C', dir], {
		stdio: 'inherit',
	});
	// npm tarballs hold everything under package/.
	return path.join(dir, 'package');
}

/** A pass's findings as problems (none when it passed), its paths shown relative to the package. */
function findings(pass: string, result: AnalysisResult, baseDir: string, label: string): string[] {
	if (result.passed && result.message === 'No files found to analyze') {
		return [`${pass}: no files to analyze`];
	}
	if (result.passed) return [];
	const details = result.details?.split(baseDir + path.sep).join(label) ?? '';
	return [`${pass}: ${result.message ?? 'failed'}${details ? `\n${details}` : ''}`];
}

/** The scanner's two passes on `root` and on a tarball packed from its build. */
export async function scanPackage(root: string, standIns: StandIns = {}): Promise<string[]> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const pkg = require(path.join(root, 'package.json'));
	const notBuilt = buildProblem(root, pkg);
	if (notBuilt) return [notBuilt];

	const localDir = path.join(root, '.local');
	mkdirSync(localDir, { recursive: true });
	const workDir = mkdtempSync(path.join(localDir, 'scan-package-'));
	// The scanner makes a temporary folder when it loads; keep it inside ours.
	const tmpdir = process.env.TMPDIR;
	process.env.TMPDIR = workDir;
	try {
		const sourceDir = path.join(workDir, 'source');
		stageSources(root, sourceDir, standIns);
		const specifier = '@n8n/scan-community-package/scanner/scanner.mjs';
		const scanner = (await import(specifier)) as Scanner;
		const source = findings(
			`source pass (${scanner.SOURCE_FILE_PATTERNS.join(', ')})`,
			await scanner.analyzePackage(sourceDir, scanner.SOURCE_FILE_PATTERNS),
			sourceDir,
			'',
		);
		const packageDir = packInto(root, workDir);
		fillIn(path.join(packageDir, 'package.json'), standIns);
		const tarball = findings(
			`tarball pass (${TARBALL_FILE_PATTERNS.join(', ')})`,
			await scanner.analyzePackage(packageDir, TARBALL_FILE_PATTERNS),
			packageDir,
			'(tarball) ',
		);
		return [...source, ...tarball];
	} finally {
		if (tmpdir === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = tmpdir;
		rmSync(workDir, { recursive: true, force: true });
	}
}
