/**
 * The rules of n8n's verification that read the package's metadata and documents, as pure
 * functions: each returns its problems, every one saying what to change (none when it holds).
 */

export interface PackageJson {
	name: string;
	version: string;
	license?: string;
	homepage?: string;
	author?: string | { name?: string; email?: string; url?: string };
	repository?: string | { type?: string; url?: string };
	dependencies?: Record<string, string>;
	files?: string[];
	main?: string;
}

/** The sections n8n's community node template gives a README (any heading level, this order). */
export const README_SECTIONS = [
	'Installation',
	'Operations',
	'Credentials',
	'Compatibility',
	'Usage',
	'Resources',
];

/** What the tarball may hold besides package.json, which npm always adds. */
const TARBALL_FILE = /^(dist\/.+|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;

/** An address or name that stands in for a real one. */
const PLACEHOLDER = /example|invalid|localhost|placeholder|maintainers?\b|your[-_ ]?name/i;

const GITHUB_REPOSITORY_URL =
	/^(?:git\+)?https:\/\/github\.com\/([A-Za-z0-9][\w.-]*\/[\w.-]+?)(?:\.git)?\/?$/;

function repositoryUrl(pkg: PackageJson): string | undefined {
	return typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
}

/**
 * `repository` must be the public GitHub repository the package is published from: n8n's scanner
 * lints the source there at the commit the provenance names. `githubRepository` is Actions'
 * GITHUB_REPOSITORY (owner/name) when the check runs in a workflow.
 */
export function repositoryProblems(pkg: PackageJson, githubRepository?: string): string[] {
	const url = repositoryUrl(pkg);
	const wanted = githubRepository
		? `https://github.com/${githubRepository}.git`
		: 'https://github.com/<owner>/<name>.git';
	if (!url) {
		return [
			`package.json has no "repository": add "repository": { "type": "git", "url": "${wanted}" }, the public repository the publish workflow runs in`,
		];
	}
	const match = GITHUB_REPOSITORY_URL.exec(url);
	if (!match) {
		return [`"repository" is ${url}: make it a github.com URL of the form ${wanted}`];
	}
	if (githubRepository && match[1].toLowerCase() !== githubRepository.toLowerCase()) {
		return [
			`"repository" names ${match[1]}, but this workflow runs in ${githubRepository}: provenance would not match; set it to ${wanted}`,
		];
	}
	return [];
}

/** A real author: n8n's reviewers contact them. */
export function authorProblems(pkg: PackageJson): string[] {
	const author = typeof pkg.author === 'string' ? { name: pkg.author } : (pkg.author ?? {});
	const email = author.email ?? /<([^>]+)>/.exec(author.name ?? '')?.[1];
	if (!author.name?.trim()) {
		return ['package.json has no "author": add { "name": "…", "email": "…" } of the publisher'];
	}
	if (!email) return [`"author" has no email: add the publisher's address`];
	if (PLACEHOLDER.test(email) || !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(email)) {
		return [`"author" email ${email} is a placeholder: give the publisher's real address`];
	}
	return [];
}

/** A homepage on the web, usually the repository's README. */
export function homepageProblems(pkg: PackageJson): string[] {
	const repository = GITHUB_REPOSITORY_URL.exec(repositoryUrl(pkg) ?? '')?.[1];
	const suggestion = repository
		? `https://github.com/${repository}#readme`
		: 'the repository\'s page, "https://github.com/<owner>/<name>#readme"';
	if (!pkg.homepage) return [`package.json has no "homepage": add ${suggestion}`];
	if (
		!/^https:\/\/[^/\s]+\.[a-z]{2,}(\/|$)/i.test(pkg.homepage) ||
		PLACEHOLDER.test(pkg.homepage)
	) {
		return [`"homepage" ${pkg.homepage} is not a public https address: use ${suggestion}`];
	}
	return [];
}

export function licenseProblems(pkg: PackageJson, licenseText: string | undefined): string[] {
	const problems: string[] = [];
	if (pkg.license !== 'MIT') problems.push(`"license" is ${pkg.license}: n8n verifies MIT only`);
	if (!licenseText?.startsWith('MIT License')) {
		problems.push('LICENSE does not hold the MIT License text: add it');
	}
	return problems;
}

export function dependencyProblems(pkg: PackageJson): string[] {
	const names = Object.keys(pkg.dependencies ?? {});
	return names.length === 0
		? []
		: [
				`runtime dependencies ${names.join(', ')}: n8n installs none; bundle them into dist (devDependencies) or drop them`,
			];
}

/** The template's sections, as headings, in its order. */
export function readmeProblems(readme: string | undefined): string[] {
	if (readme === undefined) return ["README.md is missing: write it from n8n's node template"];
	// A "#" line in a fenced code block is a comment, not a heading.
	const prose = readme.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
	const headings = [...prose.matchAll(/^#{1,3} +(.+?) *$/gm)].map((match) => match[1]);
	const problems: string[] = [];
	let last = { at: -1, section: '' };
	for (const section of README_SECTIONS) {
		const at = headings.findIndex((heading) => heading.toLowerCase() === section.toLowerCase());
		if (at < 0) problems.push(`README.md has no "${section}" section: add it`);
		else if (at < last.at) {
			problems.push(`README.md: "${section}" comes before "${last.section}"; move it after`);
		} else last = { at, section };
	}
	return problems;
}

/**
 * The version's own section, dated (`## [1.2.0] - 2027-01-15`). When releasing (on a tag) the
 * Unreleased section must be empty too: what it lists ships under this version.
 */
export function changelogProblems(
	changelog: string | undefined,
	version: string,
	releasing: boolean,
): string[] {
	if (changelog === undefined) return ['CHANGELOG.md is missing: add it (Keep a Changelog)'];
	const escaped = version.replace(/[.+]/g, '\\$&');
	if (!new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2} *$`, 'm').test(changelog)) {
		return [
			`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: move the Unreleased entries under it`,
		];
	}
	const unreleased =
		/^## \[Unreleased\] *\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(changelog)?.[1] ?? '';
	if (releasing && /^[-*] /m.test(unreleased)) {
		return [
			`CHANGELOG.md lists changes under [Unreleased]: they would ship in ${version} unnamed; move them under ## [${version}]`,
		];
	}
	return [];
}

/**
 * The version must be new to the registry (`published`: the versions it serves) and, on a release,
 * be the one the tag names (`tag`: the pushed tag, e.g. v1.2.0).
 */
export function versionProblems(pkg: PackageJson, published: string[], tag?: string): string[] {
	if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(pkg.version)) {
		return [`version ${pkg.version} is not semver: set it with npm version`];
	}
	const problems: string[] = [];
	if (published.includes(pkg.version)) {
		problems.push(
			`${pkg.name}@${pkg.version} is published already: run npm version patch, minor or major`,
		);
	}
	if (tag !== undefined && tag !== `v${pkg.version}`) {
		problems.push(
			`the tag ${tag} is not v${pkg.version}, package.json's version: tag with npm version`,
		);
	}
	return problems;
}

/** Only the built package and its documents, and small: n8n installs it into every instance. */
export function tarballProblems(files: string[], packedBytes: number, maxBytes: number): string[] {
	const problems: string[] = [];
	const stray = files.filter((file) => !TARBALL_FILE.test(file));
	if (stray.length > 0) {
		problems.push(`the tarball would ship ${stray.join(', ')}: narrow "files" in package.json`);
	}
	for (const needed of ['README.md', 'LICENSE', 'CHANGELOG.md']) {
		if (!files.includes(needed)) problems.push(`the tarball lacks ${needed}: add it to "files"`);
	}
	if (!files.some((file) => file.startsWith('dist/'))) {
		problems.push('the tarball holds no dist/: run npm run build');
	}
	if (packedBytes > maxBytes) {
		problems.push(
			`the tarball is ${Math.round(packedBytes / 1024)} kB, over ${Math.round(maxBytes / 1024)} kB: look for stray files or bundles in dist`,
		);
	}
	return problems;
}

/** The keys whose strings the editor shows; `name` only where it labels an option (has `value`). */
const SHOWN_KEYS = [
	'displayName',
	'description',
	'hint',
	'placeholder',
	'action',
	'subtitle',
	'message',
];
/** Keys that hold values or conditions, not texts. */
const VALUE_KEYS = ['routing', 'default', 'displayOptions', 'requestDefaults', 'request'];

/** What the editor shows of a node or credential description, each with where it is. */
export function editorTexts(value: unknown, where: string): Array<{ where: string; text: string }> {
	if (Array.isArray(value)) {
		return value.flatMap((entry, index) => {
			const name = (entry as { name?: unknown })?.name;
			return editorTexts(entry, `${where}[${typeof name === 'string' ? name : index}]`);
		});
	}
	if (typeof value !== 'object' || value === null) return [];
	const isOption = 'value' in value;
	return Object.entries(value).flatMap(([key, entry]) => {
		if (typeof entry === 'string') {
			const shown = SHOWN_KEYS.includes(key) || (key === 'name' && isOption);
			return shown ? [{ where: `${where}.${key}`, text: entry }] : [];
		}
		return VALUE_KEYS.includes(key) ? [] : editorTexts(entry, `${where}.${key}`);
	});
}

/** Words that give a French text away (the API's own texts are French; ours must not be). */
const FRENCH =
	/\b(le|la|les|des|du|une|est|pour|avec|vous|votre|vos|envoyer|numéro|destinataire)\b|[éèêàçùô]/i;

/** Texts the editor shows (n8n's reviewers ask for English): `where` says which field each is. */
export function englishProblems(texts: Array<{ where: string; text: string }>): string[] {
	if (texts.length === 0)
		return ['no editor texts found in the built descriptions: run npm run build'];
	return texts
		.filter(({ text }) => FRENCH.test(text))
		.map(
			({ where, text }) => `${where} reads as French ("${text.slice(0, 60)}"): write it in English`,
		);
}
