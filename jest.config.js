/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	// `X.node` files sit beside `X.node.json` codex files, so sources import them as `X.node.js`.
	moduleNameMapper: { '^(\\.{1,2}/.*\\.node)\\.js$': '$1' },
	testTimeout: 30000,
};
