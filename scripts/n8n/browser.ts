/**
 * Headless Chromium (Debian's `chromium`) on the real n8n editor, for the screenshots, the demo
 * recording and the editor test: launched with its profile inside .local, signed in as the owner.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';

import { LOCAL_DIR } from './install';
import { OWNER, type N8nInstance } from './instance';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH.`);
	}
	// Chromium's profile and Playwright's temporary files stay inside .local.
	const home = path.join(LOCAL_DIR, 'chromium');
	mkdirSync(path.join(home, 'tmp'), { recursive: true });
	process.env.TMPDIR = path.join(home, 'tmp');
	return chromium.launch({
		executablePath: CHROMIUM,
		env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home },
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
		],
	});
}

/** A page of the editor, signed in as the owner (who must exist: RestSession.signIn makes it). */
export async function signedInPage(
	browser: Browser,
	instance: N8nInstance,
	viewport = { width: 1280, height: 760 },
): Promise<Page> {
	const page = await browser.newPage({ viewport });
	page.setDefaultTimeout(30_000);
	await page.goto(`${instance.url}/signin`);
	await page
		.locator('input[type="email"], input[name="emailOrLdapLoginId"]')
		.first()
		.fill(OWNER.email);
	await page.locator('input[type="password"]').first().fill(OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	return page;
}

/** Opens a node's panel (NDV) by double-clicking it on the canvas. */
export async function openNode(page: Page, name: string) {
	await page.getByText(name, { exact: true }).first().waitFor();
	await page
		.locator(`[data-node-name="${name}"], [data-name="${name}"]`)
		.first()
		.dblclick({ timeout: 10_000 });
	const panel = page.locator('[data-test-id="ndv"]');
	await panel.waitFor();
	return panel;
}
