/**
 * `npm run test:e2e [-- <n8n version> …]`: the e2e suite (test/e2e) on each real n8n release of
 * README > Compatibility, each installed apart on first use.
 */
import { pickVersions, runOnEach } from '../per-version';
import { runScript } from '../run-script';
import { ensureN8n, N8N_RELEASES, OLDEST_N8N } from './install';

const releases = pickVersions(N8N_RELEASES, (release) => release.version, process.argv.slice(2));

runScript(() =>
	runOnEach(releases, {
		label: (release) => `n8n ${release.version}`,
		prepare: async (release) => {
			await ensureN8n(release);
			return { N8N_RELEASE: release.version };
		},
		// n8n 1 gives manual runs no static data, so the trigger suite's manual run, which takes the
		// trigger's URL from there, cannot pass on it (README > Compatibility).
		jestArgs: (release) =>
			release === OLDEST_N8N
				? ['--config', 'jest.e2e.config.js', 'test/e2e/n8n.test.ts']
				: ['--config', 'jest.e2e.config.js'],
	}),
);
