/**
 * "Devices that counted" in the host's sync details, in a real Chromium against the built
 * server: a host and a co-host (who joined by the co-host link) count and sync; the host's sync
 * details list both with their actions, "This device" on the host's own line. An organizer
 * removes the co-host's counts: the host sees it marked removed, and the co-host's next sync
 * shows the device_removed words. Set SHOTS_DIR to keep screenshots of the sheet at 390 and
 * 1280 px, in English and French.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { chromium, launchOptions, newProfile, type Profile } from './helpers/chromium';
import { createEventOffline, openReadyApp, openSyncSheet, syncNow, tapAdd } from './helpers/host';
import { readDeviceId } from './helpers/idb';
import { ORGANIZER, logIn } from './helpers/organizer';

const SHOTS_DIR = process.env.SHOTS_DIR;

let server: AppServer;
const profiles: Profile[] = [];
const contexts: BrowserContext[] = [];
let browser: Browser;
let host: Page;
let cohost: Page;
let eventId = '';
let cohostId = '';
let caseName = '';

/** Syncs now and waits until the device says everything was sent. */
async function syncAll(page: Page) {
	await syncNow(page);
	await expect
		.poll(() => openSyncSheet(page).then(() => page.getByTestId('sync-waiting').textContent()))
		.toBe('Everything counted on this device has been sent.');
	await closeSheet(page);
}

beforeAll(async () => {
	server = await startAppServer({
		ORGANIZER_EMAIL: ORGANIZER.email,
		ORGANIZER_PASSWORD: ORGANIZER.password
	});
	for (let i = 0; i < 2; i++) {
		const profile = newProfile();
		profiles.push(profile);
		contexts.push(await profile.open());
	}
	host = await openReadyApp(contexts[0]!, server.url);
	cohost = await openReadyApp(contexts[1]!, server.url);
	browser = await chromium.launch(launchOptions());
});

afterAll(async () => {
	for (const context of contexts) await context.close();
	for (const profile of profiles) profile.remove();
	await browser?.close();
	await disposeAppServer(server);
});

/** The sheet's device lines, once the server has answered. */
async function deviceLines(page: Page): Promise<string[]> {
	const sheet = await openSyncSheet(page);
	const list = sheet.getByTestId('devices-counted');
	await list.locator('ul').waitFor();
	return (await list.getByTestId('device-line').allInnerTexts()).map((text) =>
		text.replace(/\s+/g, ' ').trim()
	);
}

async function closeSheet(page: Page) {
	await page
		.locator('dialog[open]')
		.getByRole('button', { name: /^(Close|Fermer)/ })
		.click();
}

async function shoot(name: string) {
	if (!SHOTS_DIR) return;
	mkdirSync(SHOTS_DIR, { recursive: true });
	for (const width of [390, 1280]) {
		await host.setViewportSize({ width, height: 900 });
		await host.waitForTimeout(200);
		await host
			.locator('dialog[open]')
			.screenshot({ path: join(SHOTS_DIR, `${name}-${width}.png`) });
	}
}

describe('the devices that counted, as the host sees them', () => {
	it('host and co-host count and sync; the host sees both, its own as "This device"', async () => {
		await createEventOffline(host, 'Two-table write-in');
		eventId = new URL(host.url()).searchParams.get('id')!;
		caseName = (await host.locator('article.case h3').first().textContent())!
			.split(' · ')[0]!
			.trim();
		await tapAdd(host, 'Appeal letters', caseName, 4);
		await tapAdd(host, 'Solidarity cards', caseName, 1);
		// Head counts are not actions.
		await tapAdd(host, 'Participants', 'this event', 6);
		// The host's counts reach the server first: its line comes first.
		await syncAll(host);

		await host.getByRole('link', { name: 'Co-host QR' }).click();
		const link = await host.locator('main input[readonly]').inputValue();
		await cohost.goto(link);
		await cohost.getByRole('button', { name: 'Join and start counting' }).click();
		await cohost.getByRole('heading', { level: 1, name: 'Two-table write-in' }).waitFor();
		await tapAdd(cohost, 'Appeal letters', caseName, 3);
		cohostId = await readDeviceId(cohost);

		await syncAll(cohost);
		await host.goto(`${server.url}/event?id=${eventId}`);
		await host.getByRole('heading', { level: 1, name: 'Two-table write-in' }).waitFor();

		const lines = await deviceLines(host);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^This device 5 actions Last counts received: \d/);
		expect(lines[1]).toMatch(
			new RegExp(`^Device ${cohostId.slice(0, 8)}… 3 actions Last counts received: \\d`)
		);
		expect(lines.join('\n')).not.toContain('Removed');
		// The co-host's own list names itself.
		const cohostLines = await deviceLines(cohost);
		expect(cohostLines[1]).toMatch(/^This device 3 actions/);
		expect(cohostLines[0]).toMatch(/^Device .{8}… 5 actions/);
		await closeSheet(cohost);
		await shoot('devices-en');
		await closeSheet(host);
	});

	it('after an organizer removes the co-host’s counts, the host sees it removed', async () => {
		const organizer = await (
			await browser.newContext({ viewport: { width: 1280, height: 900 } })
		).newPage();
		await logIn(organizer, server.url);
		await organizer.goto(`${server.url}/organizer/events/${eventId}?lang=en`, {
			waitUntil: 'networkidle'
		});
		await organizer
			.getByRole('link', { name: `Remove the counts of device ${cohostId.slice(0, 8)}…` })
			.click();
		await organizer.getByRole('button', { name: 'Yes, remove its counts' }).click();
		await expect
			.poll(() => organizer.locator('p.outcome').textContent())
			.toMatch(/no longer count for this event/);
		await organizer.context().close();

		// Opening the details again asks again.
		const lines = await deviceLines(host);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^This device 5 actions/);
		expect(lines[0]).not.toContain('Removed');
		expect(lines[1]).toMatch(
			new RegExp(
				`^Device ${cohostId.slice(0, 8)}… 3 actions Removed by the organizers Last counts received: \\d`
			)
		);
		await shoot('devices-removed-en');
		await closeSheet(host);
	});

	it('the removed co-host’s next sync is refused, in words of its own', async () => {
		await tapAdd(cohost, 'Appeal letters', caseName, 1);
		await syncNow(cohost);
		await openSyncSheet(cohost);
		await expect
			.poll(() => cohost.getByTestId('sync-error').textContent(), { timeout: 15_000 })
			.toMatch(/An organizer took this device’s counts out of this event.*talk to the organizers/);
		await closeSheet(cohost);
	});

	it('says it all in French', async () => {
		await host.getByRole('button', { name: 'Afficher en français' }).click();
		await host.getByTestId('event-summary').getByRole('button').click();
		const list = host.locator('dialog[open]').getByTestId('devices-counted');
		await list.locator('ul').waitFor();
		const lines = (await list.getByTestId('device-line').allInnerTexts()).map((text) =>
			text.replace(/\s+/g, ' ').trim()
		);
		expect(lines[0]).toMatch(/^Cet appareil 5 actions Derniers décomptes reçus : \d/);
		expect(lines[1]).toMatch(/^Appareil .{8}… 3 actions Retiré par les organisateurs Derniers/);
		await shoot('devices-removed-fr');
		await closeSheet(host);
		await host.getByRole('button', { name: 'Show in English' }).click();
	});
});
