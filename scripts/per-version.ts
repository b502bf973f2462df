/**
 * One Jest suite run on each of several versions (n8n engines, n8n releases), one after the
 * other, and a summary that names the versions it failed on.
 */
import { PROJECT_ROOT, runCommand } from './local-install';

export interface VersionRun<T> {
	/** What the suite runs on, for the log: "n8n-core 1.122.48 (n8n 1.123.81)". */
	label: (version: T) => string;
	/** Installs what the version needs; returns the environment that points the suite at it. */
	prepare: (version: T) => Promise<NodeJS.ProcessEnv>;
	/** Jest's arguments for the version (its config, the suites to run). */
	jestArgs: (version: T) => string[];
}

/** Runs the suite on each version; resolves to the exit code (1 if any failed). */
export async function runOnEach<T>(versions: readonly T[], run: VersionRun<T>): Promise<number> {
	const failed: string[] = [];
	for (const version of versions) {
		const env = await run.prepare(version);
		const args = run.jestArgs(version);
		console.log(`\njest ${args.join(' ')} on ${run.label(version)}`);
		await runCommand('npx', ['jest', ...args], {
			cwd: PROJECT_ROOT,
			env: { ...process.env, ...env },
			inherit: true,
		}).catch(() => failed.push(run.label(version)));
	}
	console.log(
		failed.length
			? `\nFailed on ${failed.join(', ')}.`
			: `\nPassed on ${versions.map(run.label).join(', ')}.`,
	);
	return failed.length ? 1 : 0;
}

/** The versions named on the command line (all when none), or an error naming the unknown ones. */
export function pickVersions<T>(
	all: readonly T[],
	nameOf: (version: T) => string,
	names: string[],
): T[] {
	const unknown = names.filter((name) => !all.some((version) => nameOf(version) === name));
	if (unknown.length) {
		throw new Error(`Unknown version ${unknown.join(', ')}; known: ${all.map(nameOf).join(', ')}.`);
	}
	return names.length ? all.filter((version) => names.includes(nameOf(version))) : [...all];
}
