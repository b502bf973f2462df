/**
 * The workflow tests on another n8n engine: n8n-core and n8n-workflow (for the tests, the runner
 * and the node alike) come from N8N_ENGINE_DIR, a folder that `npm run test:engines` installs.
 */
const path = require('node:path');
const base = require('./jest.config.js');

const engineDir = process.env.N8N_ENGINE_DIR;
if (!engineDir)
	throw new Error('N8N_ENGINE_DIR must name an engine folder: run npm run test:engines');
const modules = path.resolve(engineDir, 'node_modules');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	roots: ['<rootDir>/test/workflow'],
	moduleNameMapper: {
		...base.moduleNameMapper,
		'^n8n-core$': path.join(modules, 'n8n-core'),
		'^n8n-workflow$': path.join(modules, 'n8n-workflow'),
	},
};
