/// <reference lib="dom" />
/**
 * What a user sees in the real n8n editor (headless Chromium): the nodes panel entry, the canvas
 * subtitles, the Additional Fields labels and the credential test's message. Needs Debian's
 * `chromium` (.ci/run installs it when missing).
 */
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { launchChromium, openNode, signedInPage } from '../../scripts/n8n/browser';
import { LOCAL_DIR } from '../../scripts/n8n/install';
import {
	prepareWithExamples,
	publishTriggerWorkflows,
	RestSession,
	simulatorCredential,
	startN8n,
	type N8nInstance,
	type RunningN8n,
} from '../../scripts/n8n/instance';
import { DEFAULT_API_KEY, startSimulator, type Simulator } from '../../simulator';

const EDITOR_DIR = path.join(LOCAL_DIR, 'e2e-editor');
const FILES = ['send-reminders.json', 'delivery-reports.json'];

let simulator: Simulator;
let instance: N8nInstance;
let n8n: RunningN8n;
let browser: Browser;
let page: Page;
/** The imported send-reminders and delivery-reports. */
let sendId: string;
let confirmId: string;

beforeAll(async () => {
	simulator = await startSimulator();
	const prepared = await prepareWithExamples({
		userFolder: path.join(EDITOR_DIR, 'user'),
		packDir: path.join(EDITOR_DIR, 'pack'),
		credential: simulatorCredential(simulator.baseUrl, DEFAULT_API_KEY),
		files: FILES,
		fresh: true,
	});
	instance = prepared.instance;
	[sendId, confirmId] = prepared.workflows.map(({ id }) => String(id));
	// As npm start does: delivery-reports runs only with its trigger published.
	await publishTriggerWorkflows(instance, prepared.workflows);
	n8n = await startN8n(instance, { timeoutMs: 120_000 });
	await new RestSession(instance.url).signIn();
	browser = await launchChromium();
	page = await signedInPage(browser, instance);
});

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
	await simulator?.close();
});

test("n8n serves each operation's output schema to the editor, and the trigger's", async () => {
	const schema = async (file: string) => {
		const response = await fetch(`${instance.url}/schemas/${file}`);
		expect(response.status).toBe(200);
		return (await response.json()) as { properties: Record<string, { type: unknown }> };
	};
	const send = await schema('n8n-nodes-smspartner.smsPartner/1.0.0/sms/send.json');
	expect(send.properties.messageId).toEqual({ type: 'number' });
	expect(send.properties.scheduledAt).toEqual({ type: ['null', 'string'] });
	const byTag = await schema('n8n-nodes-smspartner.smsPartner/1.0.0/sms/getStatusByTag.json');
	expect(Object.keys(byTag.properties)).toEqual(
		expect.arrayContaining(['tag', 'phoneNumber', 'status']),
	);
	const trigger = await schema('n8n-nodes-smspartner.smsPartnerTrigger/1.0.0.json');
	expect(trigger.properties.messageId).toEqual({ type: ['null', 'number'] });
});

test('searching "SMS Partner" in the nodes panel shows one entry that says what the node does', async () => {
	await page.goto(`${instance.url}/workflow/${sendId}`);
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	await page.locator('[data-test-id="node-creator-search-bar"]').fill('SMS Partner');
	const entries = page
		.locator('[data-test-id="item-iterator-item"]')
		.filter({ has: page.getByText('SMS Partner', { exact: true }) });
	await entries.first().waitFor();
	expect(await entries.count()).toBe(1);
	const description = await entries
		.first()
		.locator('[data-test-id="node-creator-item-description"]')
		.innerText();
	// n8n shows one entry for the node and its trigger, with the trigger's description.
	expect(description).toMatch(
		/^Send, schedule and cancel SMS with SMS Partner, and start workflows/,
	);

	await entries.first().click();
	const details = page.locator('[data-test-id="node-creator"]');
	await details.getByText('Get the account credits').waitFor();
	expect(await details.innerText()).toContain(description);
});

test('the canvas subtitles read "Resource: Operation" with the labels of the editor', async () => {
	await page.goto(`${instance.url}/workflow/${sendId}`);
	const node = (name: string) =>
		page.locator('[data-test-id="canvas-node"]').filter({ hasText: name });
	await node('Send reminder').waitFor();
	expect(await node('Send reminder').innerText()).toContain('SMS: Send');
	expect(await node('Reminder statuses').innerText()).toContain('SMS: Get Status by Tag');
});

test('the Additional Fields labels show whole', async () => {
	await page.goto(`${instance.url}/workflow/${confirmId}`);
	const panel = await openNode(page, 'Ask for confirmation');
	const label = panel.getByText('Callbacks to This Workflow', { exact: true }).first();
	await label.scrollIntoViewIfNeeded();
	// The editor cuts a label where a box around it hides what overflows (ellipsis).
	const clipped = await label.evaluate((element) => {
		for (let box: HTMLElement | null = element as HTMLElement; box; box = box.parentElement) {
			if (getComputedStyle(box).overflowX === 'hidden') return box.scrollWidth > box.clientWidth;
		}
		return false;
	});
	expect(clipped).toBe(false);
	await page.keyboard.press('Escape');
});

test("delivery-reports runs from Appointments, chosen in the button's menu, as the README and npm start say", async () => {
	await page.goto(`${instance.url}/workflow/${confirmId}`);
	// With two triggers, the button starts from the SMS Partner Trigger, whose listener sends nothing.
	const main = page.locator('[data-test-id="execute-workflow-button"]');
	await main.waitFor();
	expect(await main.innerText()).toMatch(/from SMS Partner Trigger/);
	const sends = () => simulator.requests.filter((request) => request.path === '/v1/send').length;
	const before = sends();
	// The menu beside the button: "Select trigger node".
	await main.locator('xpath=../..').locator('button').nth(1).click();
	await page
		.locator('[role="menuitem"], [role="option"], [role="menuitemradio"]')
		.filter({ hasText: 'from Appointments' })
		.click();
	expect(await main.innerText()).toMatch(/from Appointments/);
	await main.click();
	await page
		.getByText(/Workflow executed successfully/)
		.first()
		.waitFor({ timeout: 60_000 });
	// The example's two appointments, each sent with the trigger's URL for its callbacks.
	expect(sends() - before).toBe(2);
});

test("a wrong API key's credential test names SMS Partner's code and what to check", async () => {
	await page.goto(`${instance.url}/home/credentials`);
	await page.getByText('SMS Partner (simulator)', { exact: true }).first().click();
	const modal = page.locator('[data-test-id="editCredential-modal"]');
	// Opening the credential tests it first, with the simulator's key.
	await modal.getByText(/Connection tested successfully/).waitFor();
	await modal.locator('[data-test-id="parameter-input-apiKey"] input').fill('not-the-key');
	await modal.locator('[data-test-id="credential-save-button"]').click();
	await modal.getByText(/connect with these settings/).waitFor();
	await modal.getByText('More details').click();
	const message = modal.getByText(/^SMS Partner refused this API key/);
	await message.waitFor();
	expect(await message.innerText()).toBe(
		'SMS Partner refused this API key (its code 10: invalid key). Copy the key again from the SMS Partner dashboard, and check that Base URL is https://api.smspartner.fr/v1 or your proxy.',
	);
	expect(await modal.innerText()).not.toContain('not-the-key');
});
