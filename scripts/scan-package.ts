/**
 * Runs the two lint passes of n8n's community package scanner (@n8n/scan-community-package), the
 * gate a package goes through before n8n verifies it: one on the sources (package.json, nodes/,
 * credentials/) and one on the packed tarball (its compiled .js and package.json). Inline
 * eslint-disable comments do not count in either pass. The scanner's command fetches the
 * published package and its source from the registry and GitHub; its analyzePackage() is the
 * same lint, run here on the working tree and on a tarball packed from the current build.
 *
 * Run after `npm run build`; exits non-zero on any finding.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

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

const root = path.resolve(__dirname, '..');

function newestSourceChange(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(
			newest,
			entry.isDirectory() ? newestSourceChange(full) : statSync(full).mtimeMs,
		);
	}
	return newest;
}

/** The tarball pass is only worth something on a build of the current sources. */
function checkBuild(pkg: { n8n: { nodes: string[]; credentials: string[] } }): string | undefined {
	const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => path.join(root, file));
	const missing = entries.filter((file) => !existsSync(file));
	if (missing.length > 0) {
		return `${missing.map((file) => path.relative(root, file)).join(', ')} missing: run npm run build first`;
	}
	const sources = Math.max(
		newestSourceChange(path.join(root, 'nodes')),
		newestSourceChange(path.join(root, 'credentials')),
	);
	const built = Math.min(...entries.map((file) => statSync(file).mtimeMs));
	if (sources > built) return 'dist is older than nodes/ or credentials/: run npm run build first';
	return undefined;
}

function packInto(dir: string): string {
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

function report(name: string, result: AnalysisResult, baseDir: string, label: string): boolean {
	if (result.passed && result.message === 'No files found to analyze') {
		console.error(`✖ ${name}: no files to analyze`);
		return false;
	}
	if (result.passed) {
		console.log(`✔ ${name}: no findings`);
		return true;
	}
	console.error(`✖ ${name}: ${result.message ?? 'failed'}`);
	if (result.details) console.error(result.details.split(baseDir + path.sep).join(label));
	return false;
}

async function main(): Promise<number> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const pkg = require(path.join(root, 'package.json'));
	const buildProblem = checkBuild(pkg);
	if (buildProblem) {
		console.error(`Package scan: ${buildProblem}`);
		return 1;
	}

	const localDir = path.join(root, '.local');
	mkdirSync(localDir, { recursive: true });
	const workDir = mkdtempSync(path.join(localDir, 'scan-package-'));
	// The scanner makes a temporary folder when it loads; keep it inside ours.
	process.env.TMPDIR = workDir;
	try {
		const started = Date.now();
		const specifier = '@n8n/scan-community-package/scanner/scanner.mjs';
		const scanner = (await import(specifier)) as Scanner;

		const sourcePassed = report(
			`Source pass (${scanner.SOURCE_FILE_PATTERNS.join(', ')})`,
			await scanner.analyzePackage(root, scanner.SOURCE_FILE_PATTERNS),
			root,
			'',
		);
		const packageDir = packInto(workDir);
		const tarballPassed = report(
			`Tarball pass (${pkg.name}-${pkg.version}.tgz: ${TARBALL_FILE_PATTERNS.join(', ')})`,
			await scanner.analyzePackage(packageDir, TARBALL_FILE_PATTERNS),
			packageDir,
			'(tarball) ',
		);

		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		if (sourcePassed && tarballPassed) {
			console.log(`Package scan passed in ${seconds} s.`);
			return 0;
		}
		console.error(`Package scan failed in ${seconds} s.`);
		return 1;
	} finally {
		rmSync(workDir, { recursive: true, force: true });
	}
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		console.error('Package scan could not run:', error);
		process.exitCode = 1;
	},
);
