/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// A real n8n: first use installs it (minutes), each CLI run takes seconds.
	testTimeout: 15 * 60_000,
	maxWorkers: 1,
};
