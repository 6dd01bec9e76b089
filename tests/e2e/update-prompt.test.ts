/**
 * A new version arrives mid-event: the host sees a prompt, nothing changes until they accept,
 * and no count is lost by the update.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './helpers/app-server';
import { startHostDevice, stopHostDevice } from './helpers/host-device';
import type { Profile } from './helpers/chromium';
import { createEventOffline, openReadyApp, tapAdd } from './helpers/host';

let buildCopy: string;
let server: AppServer;
let profile: Profile;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	// Inside the project, so the copy's imports still resolve from node_modules.
	buildCopy = mkdtempSync(join(process.cwd(), '.tmp-build-'));
	cpSync('build', buildCopy, { recursive: true });
	({ server, profile, context } = await startHostDevice(startAppServer({}, buildCopy)));
});

afterAll(async () => {
	await stopHostDevice({ server, profile, context });
	rmSync(buildCopy, { recursive: true, force: true });
});

/** Ships "version 2": a changed service worker script, as a deploy would. */
async function deployNewVersion() {
	const sw = join(buildCopy, 'client', 'service-worker.js');
	appendFileSync(sw, '\n// version 2\n');
	rmSync(`${sw}.gz`, { force: true });
	rmSync(`${sw}.br`, { force: true });
	// adapter-node reads its static files' sizes at start, as a real redeploy restarts it.
	await server.stop();
	await server.restart();
}

const ownTotal = (kind: string) => page.getByTestId(`own-${kind}`).textContent();
const waitingWorker = () =>
	page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		return registration?.waiting ? registration.waiting.state : null;
	});

describe('update prompt', () => {
	it('shows no prompt on first install', async () => {
		page = await openReadyApp(context, server.url);
		await createEventOffline(page, 'Update-day write-in');
		const first = (await page.locator('article.case h3').first().textContent())!
			.split(' · ')[0]!
			.trim();
		await tapAdd(page, 'Appeal letters', first, 3);
		await tapAdd(page, 'Participants', 'this event', 2);
		expect(await page.getByText('A new version of Letterday is ready').count()).toBe(0);
	});

	it('prompts for a new version and applies nothing until the host accepts', async () => {
		await deployNewVersion();
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});
		await page.getByText('A new version of Letterday is ready').waitFor({ timeout: 30_000 });
		await expect.poll(waitingWorker).toBe('installed');
		// Counting goes on while the prompt is up.
		await tapAdd(
			page,
			'Online actions',
			(await page.locator('article.case h3').first().textContent())!.split(' · ')[0]!.trim(),
			1
		);
		expect(await ownTotal('letter')).toBe('3');
		expect(await ownTotal('online')).toBe('1');
	});

	it('updates on "Update now" and keeps every count', async () => {
		await page.evaluate(
			() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true)
		);
		await page.getByRole('button', { name: 'Update now' }).click();
		// The page reloads under the new worker.
		await page.waitForFunction(
			() => !(window as unknown as { beforeUpdate?: boolean }).beforeUpdate,
			undefined,
			{ timeout: 30_000 }
		);
		await page.getByRole('heading', { level: 1, name: 'Update-day write-in' }).waitFor();
		expect(await waitingWorker()).toBeNull();
		await expect.poll(() => ownTotal('letter')).toBe('3');
		await expect.poll(() => ownTotal('online')).toBe('1');
		await expect.poll(() => ownTotal('participants')).toBe('2');
		expect(await page.getByText('A new version of Letterday is ready').count()).toBe(0);
	});
});
