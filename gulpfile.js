const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { dest, parallel, series, src } = require('gulp');
const esbuild = require('esbuild');

const DIST = path.join(__dirname, 'dist');

/** The files n8n loads, each bundled with what it imports but n8n-workflow (n8n provides it). */
const ENTRY_POINTS = [
	'nodes/SmsPartner/SmsPartner.node.ts',
	'nodes/SmsPartnerTrigger/SmsPartnerTrigger.node.ts',
	'credentials/SmsPartnerApi.credentials.ts',
];

function clean(done) {
	fs.rmSync(DIST, { recursive: true, force: true });
	done();
}

function typecheck(done) {
	execFileSync(
		process.execPath,
		[require.resolve('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.build.json'],
		{
			stdio: 'inherit',
		},
	);
	done();
}

// Bundling keeps fast-xml-parser inside dist, so the published package has no runtime dependencies.
async function bundle() {
	await esbuild.build({
		entryPoints: ENTRY_POINTS,
		outbase: '.',
		outdir: DIST,
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		external: ['n8n-workflow'],
		logLevel: 'warning',
	});
}

// Icons are binary-safe only with encoding: false. Output schemas go beside the nodes, where n8n
// looks for them.
function copyAssets() {
	return src(
		['nodes/**/*.svg', 'nodes/**/*.png', 'nodes/**/*.node.json', 'nodes/**/__schema__/**/*.json'],
		{
			base: '.',
			encoding: false,
		},
	).pipe(dest(DIST));
}

exports.clean = clean;
exports.build = series(clean, typecheck, parallel(bundle, copyAssets));
