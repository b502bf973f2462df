/**
 * `npm run demo:video`: records the real editor as n8n's reviewers ask to see a node: the
 * installed package in the nodes panel, the credential test (a wrong key, then the right one),
 * then Send, Get Status by Tag and Cancel with the error output, against the local simulator.
 * Frames come from headless Chromium's screencast; Debian's ffmpeg makes them docs/demo.gif. Not
 * part of CI.
 *
 * The package is installed from this build's tarball, as `npm start` does: n8n installs by name
 * only from npmjs.org (another registry needs an n8n license), where it is not published yet.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';

import { DEFAULT_API_KEY, startSimulator } from '../../simulator';
import { launchChromium, openNode, signedInPage } from './browser';
import { LOCAL_DIR, PROJECT_ROOT } from './install';
import {
	prepareWithExamples,
	RestSession,
	simulatorCredential,
	startN8n,
	type RunningN8n,
} from './instance';
import { runScript } from '../run-script';

const FOLDER = path.join(LOCAL_DIR, 'demo-video');
const OUTPUT = path.join(PROJECT_ROOT, 'docs', 'demo.gif');
const FILES = ['send-reminders.json', 'cancel-reminders.json'];
const VIEWPORT = { width: 1280, height: 720 };
/** What the GIF keeps: small enough for a README, readable enough for the editor's text. */
const GIF_WIDTH = 960;
const GIF_FPS = 6;

interface Frame {
	file: string;
	at: number;
}

/** Chromium's screencast: a frame each time the page changes, with its time. */
async function startRecording(page: Page, dir: string) {
	mkdirSync(dir, { recursive: true });
	const frames: Frame[] = [];
	const cdp = await page.context().newCDPSession(page);
	cdp.on('Page.screencastFrame', (frame) => {
		const file = path.join(dir, `${String(frames.length).padStart(5, '0')}.jpg`);
		writeFileSync(file, Buffer.from(frame.data, 'base64'));
		frames.push({ file, at: frame.metadata.timestamp ?? Date.now() / 1000 });
		void cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => undefined);
	});
	await cdp.send('Page.startScreencast', {
		format: 'jpeg',
		quality: 80,
		maxWidth: VIEWPORT.width,
		maxHeight: VIEWPORT.height,
	});
	return {
		frames,
		async stop() {
			await cdp.send('Page.stopScreencast');
		},
	};
}

/**
 * A caption bar over the editor, kept across page loads. Given as text: the function a script
 * runner compiles may call helpers that do not exist in the page.
 */
const CAPTION_SCRIPT = `
(() => {
	const draw = () => {
		const text = sessionStorage.getItem('demo-caption');
		let bar = document.getElementById('demo-caption');
		if (!text) return bar && bar.remove();
		if (!bar) {
			bar = document.createElement('div');
			bar.id = 'demo-caption';
			bar.style.cssText = 'position:fixed;left:50%;bottom:24px;transform:translateX(-50%);' +
				'z-index:99999;background:#1f2937;color:#fff;font:600 18px sans-serif;' +
				'padding:10px 18px;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.3);pointer-events:none';
			document.body.appendChild(bar);
		}
		bar.textContent = text;
	};
	window.addEventListener('DOMContentLoaded', draw);
	window.addEventListener('demo-caption', draw);
})();
`;

async function caption(page: Page, text: string) {
	await page.evaluate(
		`sessionStorage.setItem('demo-caption', ${JSON.stringify(text)}); window.dispatchEvent(new Event('demo-caption'));`,
	);
}

/** Opens a workflow, runs it, and opens each node's panel in turn to show its output. */
async function runAndShow(page: Page, url: string, step: { caption: string; nodes: string[] }) {
	await page.goto(url);
	await caption(page, step.caption);
	await page.waitForTimeout(1500);
	await page.locator('[data-test-id="execute-workflow-button"]').click();
	await page
		.getByText(/Workflow executed successfully/)
		.first()
		.waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1000);
	for (const node of step.nodes) {
		await openNode(page, node);
		await page.waitForTimeout(3500);
		await page.keyboard.press('Escape');
	}
}

/** The frames as a GIF: each shown as long as the page stayed as it was. */
function assembleGif(frames: Frame[], dir: string, output: string) {
	if (frames.length < 2) throw new Error(`Only ${frames.length} frames were recorded.`);
	const lines = frames.flatMap((frame, index) => {
		const next = frames[index + 1]?.at ?? frame.at + 2;
		return [
			`file '${path.basename(frame.file)}'`,
			`duration ${Math.max(next - frame.at, 0.05).toFixed(3)}`,
		];
	});
	// The concat demuxer reads the last file's duration only if the file is listed again.
	lines.push(`file '${path.basename(frames[frames.length - 1].file)}'`);
	const list = path.join(dir, 'frames.txt');
	writeFileSync(list, `${lines.join('\n')}\n`);
	mkdirSync(path.dirname(output), { recursive: true });
	execFileSync(
		'ffmpeg',
		[
			'-y',
			'-loglevel',
			'error',
			'-f',
			'concat',
			'-safe',
			'0',
			'-i',
			list,
			'-vf',
			`fps=${GIF_FPS},scale=${GIF_WIDTH}:-1:flags=lanczos,split[a][b];[a]palettegen=max_colors=96:stats_mode=diff[p];[b][p]paletteuse=dither=bayer:bayer_scale=4:diff_mode=rectangle`,
			'-loop',
			'0',
			output,
		],
		{ cwd: dir, stdio: 'inherit' },
	);
}

async function main(): Promise<number> {
	try {
		execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
	} catch {
		throw new Error('ffmpeg is missing: apt-get install ffmpeg');
	}
	if (!existsSync(path.join(PROJECT_ROOT, 'dist'))) throw new Error('Run npm run build first.');
	rmSync(FOLDER, { recursive: true, force: true });
	const simulator = await startSimulator();
	let n8n: RunningN8n | undefined;
	const browser = await launchChromium();
	try {
		const { instance, workflows } = await prepareWithExamples({
			userFolder: path.join(FOLDER, 'user'),
			packDir: path.join(FOLDER, 'pack'),
			credential: simulatorCredential(simulator.baseUrl, DEFAULT_API_KEY),
			files: FILES,
			fresh: true,
		});
		n8n = await startN8n(instance, { timeoutMs: 120_000 });
		await new RestSession(instance.url).signIn();
		const page = await signedInPage(browser, instance, VIEWPORT);
		await page.addInitScript({ content: CAPTION_SCRIPT });
		const recording = await startRecording(page, path.join(FOLDER, 'frames'));
		const pause = (ms: number) => page.waitForTimeout(ms);

		const [send, cancel] = workflows.map((workflow) => String(workflow.id));
		await page.goto(`${instance.url}/workflow/${send}`);
		await caption(page, '1. Installed as a community package: the nodes panel finds SMS Partner');
		await pause(1200);
		await page.locator('[data-test-id="node-creator-plus-button"]').click();
		await page
			.locator('[data-test-id="node-creator-search-bar"]')
			.pressSequentially('SMS Partner', { delay: 60 });
		const entry = page
			.locator('[data-test-id="item-iterator-item"]')
			.filter({ has: page.getByText('SMS Partner', { exact: true }) })
			.first();
		await pause(1500);
		await entry.click();
		await page
			.locator('[data-test-id="node-creator"]')
			.getByText('Get the account credits')
			.waitFor();
		await pause(3000);
		await page.keyboard.press('Escape');

		await page.goto(`${instance.url}/home/credentials`);
		await caption(page, '2. The credential test: a wrong API key, then the right one');
		await page.getByText('SMS Partner (simulator)', { exact: true }).first().click();
		const modal = page.locator('[data-test-id="editCredential-modal"]');
		const apiKey = modal.locator('[data-test-id="parameter-input-apiKey"] input');
		// Opening the credential tests it first.
		await modal.getByText(/Connection tested successfully/).waitFor();
		await pause(1500);
		await apiKey.fill('a-wrong-key');
		await modal.locator('[data-test-id="credential-save-button"]').click();
		await modal.getByText(/connect with these settings/).waitFor();
		await modal.getByText('More details').click();
		await modal.getByText(/^SMS Partner refused this API key/).waitFor();
		await pause(3500);
		await apiKey.fill(DEFAULT_API_KEY);
		await modal.locator('[data-test-id="credential-save-button"]').click();
		await modal.getByText(/Connection tested successfully/).waitFor();
		await pause(2500);
		await page.keyboard.press('Escape');

		await runAndShow(page, `${instance.url}/workflow/${send}`, {
			caption: '3. Send the reminders, then get their delivery status by tag',
			nodes: ['Send reminder', 'Reminder statuses'],
		});
		await runAndShow(page, `${instance.url}/workflow/${cancel}`, {
			caption: '4. Cancel: what can no longer be cancelled goes to the error output',
			nodes: ['Cancel reminder'],
		});
		await pause(1000);

		await recording.stop();
		assembleGif(recording.frames, path.join(FOLDER, 'frames'), OUTPUT);
		const seconds = recording.frames[recording.frames.length - 1].at - recording.frames[0].at;
		console.log(
			`Saved ${path.relative(PROJECT_ROOT, OUTPUT)}: ${Math.round(seconds)} s, ${recording.frames.length} frames, ${Math.round(statSync(OUTPUT).size / 1024)} kB.`,
		);
		return 0;
	} catch (error) {
		const page = browser.contexts()[0]?.pages()[0];
		await page?.screenshot({ path: path.join(FOLDER, 'failure.png') }).catch(() => undefined);
		console.error(`n8n's last output:\n${n8n?.output().slice(-3000) ?? ''}`);
		console.error(
			`The page at the failure: ${path.relative(PROJECT_ROOT, path.join(FOLDER, 'failure.png'))}`,
		);
		throw error;
	} finally {
		await browser.close();
		await n8n?.stop();
		await simulator.close();
	}
}

runScript(main);
