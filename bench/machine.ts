import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PROJECT_ROOT } from '../scripts/n8n/install';
import { N8N_MODULES } from './n8n-nodes';

function packageVersion(nodeModules: string, packageName: string): string {
	const manifest = path.join(nodeModules, packageName, 'package.json');
	return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** What the results depend on, as label → value lines. */
export function describeMachine(): [string, string][] {
	const cpus = os.cpus();
	const project = path.join(PROJECT_ROOT, 'node_modules');
	return [
		['CPU', `${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores`],
		['RAM', `${Math.round(os.totalmem() / 2 ** 30)} GB`],
		['OS', `${os.type()} ${os.release()} (${os.arch()})`],
		['Node.js', `${process.version} (the engine and every contender)`],
		[
			'Engine',
			`n8n-core ${packageVersion(project, 'n8n-core')}, n8n-workflow ${packageVersion(project, 'n8n-workflow')}`,
		],
		[
			"n8n's nodes",
			`HTTP Request (typeVersion 4.2), Aggregate and Split Out from n8n ${packageVersion(N8N_MODULES, 'n8n')} (n8n-nodes-base ${packageVersion(N8N_MODULES, 'n8n-nodes-base')})`,
		],
	];
}
