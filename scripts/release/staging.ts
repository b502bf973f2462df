/**
 * Copies of the package for n8n's linters. While the repository's address is not known, the
 * fields that depend on it are pending (release:check names them); the copies get stand-ins for
 * them so that the linters judge everything else. Nothing of this reaches the published package.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What n8n's linters read of a package's sources. */
export const PACKAGE_SOURCES = ['package.json', 'nodes', 'credentials'];

export type StandIns = Record<string, unknown>;

/** Values that only fill a field for the linters: a reserved domain, never a real address. */
const STAND_INS: StandIns = {
	author: { name: 'pending', email: 'pending@stand-in.invalid' },
	homepage: 'https://stand-in.invalid',
	repository: { type: 'git', url: 'https://github.com/stand-in/stand-in.git' },
};

/** The stand-ins for the pending fields among author, homepage and repository. */
export function standInsFor(pending: string[]): StandIns {
	return Object.fromEntries(Object.entries(STAND_INS).filter(([field]) => pending.includes(field)));
}

/** Adds the stand-ins to a package.json, for the fields it lacks. */
export function fillIn(packageJsonFile: string, standIns: StandIns): void {
	if (Object.keys(standIns).length === 0) return;
	const pkg = JSON.parse(readFileSync(packageJsonFile, 'utf8')) as Record<string, unknown>;
	writeFileSync(packageJsonFile, `${JSON.stringify({ ...standIns, ...pkg }, null, '\t')}\n`);
}

/** Copies the package's sources into `dir`, package.json with the stand-ins. */
export function stageSources(root: string, dir: string, standIns: StandIns): void {
	for (const source of PACKAGE_SOURCES) {
		cpSync(path.join(root, source), path.join(dir, source), { recursive: true });
	}
	fillIn(path.join(dir, 'package.json'), standIns);
}
