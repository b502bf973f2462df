/**
 * What n8n's verification checks in the built package: only n8n-workflow required at run time, no
 * environment access or timers in built code, the node, the trigger and the credential load from
 * dist, the node usable as a tool, the trigger listening for POST and GET, themed icons that
 * differ, a credential test.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The problems found in `root`'s built package, each naming what to change. */
export function builtPackageProblems(root: string): string[] {
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	const problems: string[] = [];
	const check = (ok: unknown, problem: string) => {
		if (!ok) problems.push(problem);
	};

	check(
		pkg.peerDependencies?.['n8n-workflow'] === '*',
		'n8n-workflow is not a peer dependency "*": n8n provides it; set peerDependencies to { "n8n-workflow": "*" }',
	);

	const files: string[] = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
	for (const file of files) {
		const absolute = path.join(root, file);
		if (!existsSync(absolute)) {
			problems.push(`${file} is missing: run npm run build`);
			continue;
		}
		const code = readFileSync(absolute, 'utf8');
		const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
		const foreign = required.filter((name) => name !== 'n8n-workflow');
		check(foreign.length === 0, `${file} requires ${foreign.join(', ')} (bundle it or drop it)`);
		// Node code reads no environment and waits with n8n-workflow's sleep (file access would need
		// a require of fs, refused above).
		const globals = [
			...new Set(
				[
					...code.matchAll(
						/\b(process|globalThis)\s*[.[]|\b(setTimeout|setInterval|setImmediate)\s*\(/g,
					),
				].map((match) => match[1] ?? match[2]),
			),
		];
		check(
			globals.length === 0,
			`${file} uses ${globals.join(', ')}: n8n's scanner refuses them in node code; wait with n8n-workflow's sleep and take settings from parameters or credentials`,
		);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(absolute) as Record<string, new () => Record<string, unknown>>;
		const className = path.basename(file).split('.')[0];
		check(
			typeof exported[className] === 'function',
			`${file} does not export class ${className}: n8n loads the class named as the file`,
		);
	}

	/** Themed icons that differ and the codex file, beside the built node. */
	function checkNodeAssets(
		nodeFile: string,
		description: { icon: { light: string; dark: string } },
	) {
		const name = path.basename(nodeFile);
		const icons = [description.icon.light, description.icon.dark].map((icon: string) =>
			path.join(path.dirname(nodeFile), icon.replace('file:', '')),
		);
		const present = icons.every((icon) => existsSync(icon));
		check(
			present,
			`${name}: an icon is missing from dist: keep both SVGs beside the node and run npm run build`,
		);
		if (present) {
			check(
				readFileSync(icons[0], 'utf8') !== readFileSync(icons[1], 'utf8'),
				`${name}: light and dark icons are the same: give the dark one colours that read on a dark canvas`,
			);
		}
		check(
			existsSync(nodeFile.replace(/\.js$/, '.json')),
			`${name}: the codex file (.node.json) is missing from dist: run npm run build`,
		);
	}

	const [nodeFile, triggerFile] = pkg.n8n.nodes.map((file: string) => path.join(root, file));
	if (existsSync(nodeFile)) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { SmsPartner } = require(nodeFile);
		const { description } = new SmsPartner();
		check(
			description.name === 'smsPartner' && description.version === 1,
			'the node is no longer smsPartner version 1: saved workflows store both; add a version, never rename (RELEASING.md)',
		);
		check(
			description.usableAsTool === true,
			'the node is not usable as a tool: set usableAsTool: true, which n8n verification asks for',
		);
		checkNodeAssets(nodeFile, description);
		const credentialNames = (description.credentials ?? []).map(
			(entry: { name: string }) => entry.name,
		);
		check(
			credentialNames.includes('smsPartnerApi'),
			'the node does not use the smsPartnerApi credential: list it in credentials',
		);
	}
	check(
		triggerFile?.endsWith('dist/nodes/SmsPartnerTrigger/SmsPartnerTrigger.node.js'),
		'package.json does not list the trigger node second: add dist/nodes/SmsPartnerTrigger/SmsPartnerTrigger.node.js to n8n.nodes',
	);
	if (triggerFile && existsSync(triggerFile)) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { SmsPartnerTrigger } = require(triggerFile);
		const { description } = new SmsPartnerTrigger();
		check(
			description.name === 'smsPartnerTrigger' && description.version === 1,
			'the trigger is no longer smsPartnerTrigger version 1: saved workflows store both; add a version, never rename (RELEASING.md)',
		);
		check(
			description.group.includes('trigger'),
			'the trigger is not in the trigger group: set group: ["trigger"]',
		);
		const methods = (description.webhooks ?? []).map(
			(webhook: { httpMethod: string }) => webhook.httpMethod,
		);
		check(
			methods.includes('POST') && methods.includes('GET'),
			'the trigger does not listen for POST callbacks and GET health checks: declare both webhooks',
		);
		checkNodeAssets(triggerFile, description);
	}

	const credentialFile = path.join(root, pkg.n8n.credentials[0]);
	if (existsSync(credentialFile)) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { SmsPartnerApi } = require(credentialFile);
		const { test } = new SmsPartnerApi();
		check(
			test?.request?.url === '/me' && test.request.method === 'GET',
			'the credential has no test request: n8n verification asks for one; test with GET /me',
		);
	}
	return problems;
}
