/**
 * `npm run release:check`: n8n's verification checklist as one command, run by the publish
 * workflow before it publishes. Each rule prints ✔ or ✖ with what to change; exits non-zero when
 * one fails.
 *
 *   --pending=<id,…>  rules whose failure is named but does not fail the run (.ci/run: the
 *                     fields that need the repository's address, not known yet, and the
 *                     version, which stays published between releases)
 *   --only=<id,…>     run these rules alone (e.g. --only=n8n-lint)
 *
 * On a tag in GitHub Actions (GITHUB_REF_TYPE=tag) it checks as a release: `repository` must be
 * the repository the workflow runs in, and CHANGELOG's Unreleased section must be empty.
 * Needs a current build (`npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { runScript } from '../run-script';
import { builtPackageProblems } from './built-package';
import { lintAsN8n } from './n8n-lint';
import {
	authorProblems,
	changelogProblems,
	dependencyProblems,
	editorTexts,
	englishProblems,
	homepageProblems,
	licenseProblems,
	readmeProblems,
	repositoryProblems,
	tarballProblems,
	versionProblems,
	type PackageJson,
} from './rules';
import { scanPackage } from './scanner';
import { standInsFor, type StandIns } from './staging';

const ROOT = path.resolve(__dirname, '../..');
/** Today's tarball packs to about 100 kB; five times that means something strayed in. */
const MAX_TARBALL_BYTES = 512 * 1024;

interface Rule {
	id: string;
	title: string;
	problems: () => string[] | Promise<string[]>;
}

function readText(file: string): string | undefined {
	const absolute = path.join(ROOT, file);
	return existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
}

function npm(args: string[]): string {
	return execFileSync('npm', args, {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

/** The versions the registry serves of the package; none when it does not know the name. */
function publishedVersions(name: string): string[] {
	try {
		const versions = JSON.parse(npm(['view', name, 'versions', '--json'])) as string | string[];
		return Array.isArray(versions) ? versions : [versions];
	} catch (error) {
		if (/E404/.test(String((error as { stderr?: string }).stderr))) return [];
		throw new Error(`could not ask the npm registry for ${name}'s versions: check the network`);
	}
}

function builtDescriptions(pkg: { n8n: { nodes: string[]; credentials: string[] } }) {
	return [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => {
		const absolute = path.join(ROOT, file);
		if (!existsSync(absolute)) throw new Error(`${file} is missing: run npm run build`);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(absolute) as Record<string, new () => object>;
		const instance = new exported[path.basename(file).split('.')[0]]();
		const described = (instance as { description?: object }).description ?? instance;
		return { file, described };
	});
}

function packedTarball(): { files: string[]; size: number } {
	const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'])) as Array<{
		files: Array<{ path: string }>;
		size: number;
	}>;
	return { files: packed.files.map((file) => file.path), size: packed.size };
}

function rules(
	pkg: PackageJson & { n8n: { nodes: string[]; credentials: string[] } },
	standIns: StandIns,
): Rule[] {
	const onTag = process.env.GITHUB_REF_TYPE === 'tag';
	return [
		{
			id: 'scanner',
			title: "n8n's scanner, source and tarball passes",
			problems: () => scanPackage(ROOT, standIns),
		},
		{ id: 'n8n-lint', title: 'n8n-node lint, strict', problems: () => lintAsN8n(ROOT, standIns) },
		{
			id: 'built-package',
			title: 'allowed imports, usableAsTool, credential test, themed icons',
			problems: () => builtPackageProblems(ROOT),
		},
		{
			id: 'dependencies',
			title: 'no runtime dependencies',
			problems: () => dependencyProblems(pkg),
		},
		{
			id: 'license',
			title: 'MIT license',
			problems: () => licenseProblems(pkg, readText('LICENSE')),
		},
		{
			id: 'readme',
			title: "README sections of n8n's template",
			problems: () => readmeProblems(readText('README.md')),
		},
		{
			id: 'english',
			title: 'English texts in the editor',
			problems: () =>
				englishProblems(
					builtDescriptions(pkg).flatMap(({ file, described }) =>
						editorTexts(described, path.basename(file, '.js')),
					),
				),
		},
		{
			id: 'repository',
			title: 'a github.com URL',
			// Provenance names the repository a release is published from: checked on the tag, so
			// that a fork's CI does not fail on it.
			problems: () => repositoryProblems(pkg, onTag ? process.env.GITHUB_REPOSITORY : undefined),
		},
		{ id: 'author', title: 'a real author', problems: () => authorProblems(pkg) },
		{ id: 'homepage', title: 'a homepage', problems: () => homepageProblems(pkg) },
		{
			id: 'version',
			title: 'a version not published yet (and on a tag, the one it names)',
			problems: () =>
				versionProblems(
					pkg,
					publishedVersions(pkg.name),
					onTag ? process.env.GITHUB_REF_NAME : undefined,
				),
		},
		{
			id: 'changelog',
			title: "the version's dated CHANGELOG section",
			problems: () => changelogProblems(readText('CHANGELOG.md'), pkg.version, onTag),
		},
		{
			id: 'tarball',
			title: 'dist, README, LICENSE, CHANGELOG and nothing else, small',
			problems: () => {
				const { files, size } = packedTarball();
				return tarballProblems(files, size, MAX_TARBALL_BYTES);
			},
		},
	];
}

function listOption(name: string): string[] | undefined {
	const arg = process.argv.find((entry) => entry.startsWith(`--${name}=`));
	return arg
		?.slice(name.length + 3)
		.split(',')
		.filter(Boolean);
}

async function main(): Promise<number> {
	const pkg = JSON.parse(readText('package.json')!) as Parameters<typeof rules>[0];
	const pending = listOption('pending') ?? [];
	const standIns = standInsFor(pending);
	const all = rules(pkg, standIns);
	const only = listOption('only');
	const unknown = [...pending, ...(only ?? [])].filter((id) => !all.some((rule) => rule.id === id));
	if (unknown.length > 0) {
		throw new Error(
			`unknown rule ${unknown.join(', ')}: the rules are ${all.map((rule) => rule.id).join(', ')}`,
		);
	}
	if (Object.keys(standIns).length > 0) {
		console.log(`n8n's linters see stand-ins for the pending ${Object.keys(standIns).join(', ')}.`);
	}
	let failed = 0;
	for (const rule of all.filter((entry) => !only || only.includes(entry.id))) {
		let problems: string[];
		try {
			problems = await rule.problems();
		} catch (error) {
			problems = [error instanceof Error ? error.message : String(error)];
		}
		const mark = problems.length === 0 ? '✔' : pending.includes(rule.id) ? '○ pending:' : '✖';
		console.log(`${mark} ${rule.id}: ${rule.title}`);
		for (const problem of problems) console.log(`    ${problem.split('\n').join('\n    ')}`);
		if (problems.length > 0 && !pending.includes(rule.id)) failed++;
	}
	if (failed > 0) {
		console.error(`release:check: ${failed} rule(s) failed; each names what to change.`);
		return 1;
	}
	console.log(
		pending.length > 0
			? `release:check passed, but for the pending ${pending.join(', ')}.`
			: 'release:check passed.',
	);
	return 0;
}

runScript(main);
