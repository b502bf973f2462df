import {
	authorProblems,
	changelogProblems,
	dependencyProblems,
	editorTexts,
	englishProblems,
	homepageProblems,
	licenseProblems,
	README_SECTIONS,
	readmeProblems,
	repositoryProblems,
	tarballProblems,
	versionProblems,
	type PackageJson,
} from '../../scripts/release/rules';

const pkg = (fields: Partial<PackageJson> = {}): PackageJson => ({
	name: 'n8n-nodes-smspartner',
	version: '1.2.0',
	...fields,
});

describe('repositoryProblems', () => {
	it('names the missing field and the shape to add', () => {
		expect(repositoryProblems(pkg())).toEqual([
			expect.stringMatching(
				/^package.json has no "repository": add .*https:\/\/github.com\/<owner>\/<name>.git/,
			),
		]);
	});

	it('accepts a github.com URL, as a string or an object, with or without git+ and .git', () => {
		for (const url of [
			'https://github.com/acme/n8n-nodes-smspartner',
			'git+https://github.com/acme/n8n-nodes-smspartner.git',
		]) {
			expect(repositoryProblems(pkg({ repository: url }))).toEqual([]);
			expect(repositoryProblems(pkg({ repository: { type: 'git', url } }))).toEqual([]);
		}
	});

	it('refuses another host', () => {
		expect(repositoryProblems(pkg({ repository: 'https://gitlab.com/acme/x.git' }))).toEqual([
			expect.stringContaining('make it a github.com URL'),
		]);
	});

	it('in Actions, wants the repository the workflow runs in', () => {
		const repository = 'https://github.com/acme/n8n-nodes-smspartner.git';
		expect(repositoryProblems(pkg({ repository }), 'Acme/n8n-nodes-smspartner')).toEqual([]);
		expect(repositoryProblems(pkg({ repository }), 'fork/n8n-nodes-smspartner')).toEqual([
			expect.stringContaining('set it to https://github.com/fork/n8n-nodes-smspartner.git'),
		]);
	});
});

describe('authorProblems', () => {
	it('wants a name and a real email', () => {
		expect(authorProblems(pkg())[0]).toMatch(/no "author"/);
		expect(authorProblems(pkg({ author: { name: 'Ada' } }))[0]).toMatch(/no email/);
		for (const email of ['me@example.com', 'team@maintainers.dev', 'not-an-address']) {
			expect(authorProblems(pkg({ author: { name: 'Ada', email } }))[0]).toMatch(/placeholder/);
		}
		expect(authorProblems(pkg({ author: 'Ada <ada@smspartner-users.fr>' }))).toEqual([]);
		expect(
			authorProblems(pkg({ author: { name: 'Ada', email: '1+ada@users.noreply.github.com' } })),
		).toEqual([]);
	});
});

describe('homepageProblems', () => {
	it('suggests the repository page', () => {
		expect(homepageProblems(pkg({ repository: 'https://github.com/acme/x.git' }))).toEqual([
			'package.json has no "homepage": add https://github.com/acme/x#readme',
		]);
		expect(homepageProblems(pkg({ homepage: 'http://example.com' }))[0]).toMatch(
			/not a public https/,
		);
		expect(homepageProblems(pkg({ homepage: 'https://github.com/acme/x#readme' }))).toEqual([]);
	});
});

describe('licenseProblems and dependencyProblems', () => {
	it('wants MIT in package.json and LICENSE, and no dependencies', () => {
		expect(licenseProblems(pkg({ license: 'MIT' }), 'MIT License\n\nCopyright')).toEqual([]);
		expect(licenseProblems(pkg({ license: 'ISC' }), undefined)).toHaveLength(2);
		expect(dependencyProblems(pkg({ dependencies: { axios: '^1' } }))[0]).toMatch(
			/^runtime dependencies axios: /,
		);
		expect(dependencyProblems(pkg({ dependencies: {} }))).toEqual([]);
	});
});

describe('readmeProblems', () => {
	const sections = README_SECTIONS;

	it("accepts the template's sections in order, at any level", () => {
		expect(
			readmeProblems(
				sections.map((name, index) => `${'#'.repeat(1 + (index % 2))} ${name}\n`).join('\n'),
			),
		).toEqual([]);
	});

	it('does not take a "#" line in a code block for a heading', () => {
		const readme = sections
			.map((name) => `## ${name}`)
			.join('\n')
			.replace('## Usage', '```bash\n# Usage\n```');
		expect(readmeProblems(readme)).toEqual(['README.md has no "Usage" section: add it']);
	});

	it('names a missing or misplaced section', () => {
		expect(
			readmeProblems(
				sections
					.filter((name) => name !== 'Credentials')
					.map((name) => `## ${name}`)
					.join('\n'),
			),
		).toEqual(['README.md has no "Credentials" section: add it']);
		const swapped = [
			'Installation',
			'Credentials',
			'Operations',
			'Compatibility',
			'Usage',
			'Resources',
		];
		expect(readmeProblems(swapped.map((name) => `## ${name}`).join('\n'))).toEqual([
			'README.md: "Credentials" comes before "Operations"; move it after',
		]);
	});
});

describe('changelogProblems', () => {
	const changelog =
		'# Changelog\n\n## [Unreleased]\n\n### Added\n\n- RCS\n\n## [1.2.0] - 2027-01-15\n\n- Send\n';

	it('wants a dated section for the version', () => {
		expect(changelogProblems(changelog, '1.2.0', false)).toEqual([]);
		expect(changelogProblems(changelog, '1.3.0', false)).toEqual([
			'CHANGELOG.md has no "## [1.3.0] - YYYY-MM-DD" section: move the Unreleased entries under it',
		]);
		expect(changelogProblems(changelog.replace(' - 2027-01-15', ''), '1.2.0', false)).toHaveLength(
			1,
		);
	});

	it('on a release, wants nothing left under Unreleased, even as the last section', () => {
		expect(
			changelogProblems(
				'## [1.2.0] - 2027-01-15\n\n- Send\n\n## [Unreleased]\n\n- RCS\n',
				'1.2.0',
				true,
			)[0],
		).toMatch(/under \[Unreleased\]/);
		expect(changelogProblems(changelog, '1.2.0', true)[0]).toMatch(
			/lists changes under \[Unreleased\]/,
		);
		expect(changelogProblems(changelog.replace('- RCS\n', ''), '1.2.0', true)).toEqual([]);
	});
});

describe('versionProblems', () => {
	it('wants semver that the registry does not serve yet', () => {
		expect(versionProblems(pkg(), ['1.1.0'])).toEqual([]);
		expect(versionProblems(pkg(), ['1.1.0', '1.2.0'])[0]).toMatch(
			/published already: run npm version/,
		);
		expect(versionProblems(pkg({ version: '1.2' }), [])[0]).toMatch(/not semver/);
	});

	it("on a release, wants the tag to name package.json's version", () => {
		expect(versionProblems(pkg(), [], 'v1.2.0')).toEqual([]);
		expect(versionProblems(pkg(), [], 'v1.2.1')).toEqual([
			"the tag v1.2.1 is not v1.2.0, package.json's version: tag with npm version",
		]);
	});
});

describe('tarballProblems', () => {
	const files = [
		'package.json',
		'README.md',
		'LICENSE',
		'CHANGELOG.md',
		'dist/nodes/SmsPartner/SmsPartner.node.js',
	];

	it('accepts dist and the documents only, under the size limit', () => {
		expect(tarballProblems(files, 90_000, 512 * 1024)).toEqual([]);
	});

	it('names stray and missing files, and an oversized tarball', () => {
		expect(
			tarballProblems(
				[...files.filter((file) => file !== 'LICENSE'), 'index.js', 'test/x.ts'],
				600 * 1024,
				512 * 1024,
			),
		).toEqual([
			'the tarball would ship index.js, test/x.ts: narrow "files" in package.json',
			'the tarball lacks LICENSE: add it to "files"',
			'the tarball is 600 kB, over 512 kB: look for stray files or bundles in dist',
		]);
	});
});

describe('editorTexts', () => {
	it('reads labels, descriptions, hints, option labels and messages, not values or routing', () => {
		const description = {
			displayName: 'SMS Partner',
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					options: [{ name: 'Get Status by Tag', value: 'getStatusByTag', action: 'Get statuses' }],
					default: 'envoyer',
					routing: { request: { url: '/bulk-status-by-tag' } },
				},
			],
			test: { rules: [{ properties: { key: 'success', message: 'Refused' } }] },
		};
		expect(editorTexts(description, 'SmsPartner')).toEqual([
			{ where: 'SmsPartner.displayName', text: 'SMS Partner' },
			{ where: 'SmsPartner.properties[operation].displayName', text: 'Operation' },
			{
				where: 'SmsPartner.properties[operation].options[Get Status by Tag].name',
				text: 'Get Status by Tag',
			},
			{
				where: 'SmsPartner.properties[operation].options[Get Status by Tag].action',
				text: 'Get statuses',
			},
			{ where: 'SmsPartner.test.rules[0].properties.message', text: 'Refused' },
		]);
	});
});

describe('englishProblems', () => {
	it('names a French text and where it is', () => {
		expect(
			englishProblems([
				{ where: 'SmsPartner.properties[message].displayName', text: 'Message' },
				{ where: 'SmsPartner.properties[sender].description', text: "Le nom de l'expéditeur" },
			]),
		).toEqual([
			`SmsPartner.properties[sender].description reads as French ("Le nom de l'expéditeur"): write it in English`,
		]);
	});

	it('refuses to pass on no texts at all', () => {
		expect(englishProblems([])[0]).toMatch(/no editor texts found/);
	});
});
