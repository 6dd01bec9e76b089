/**
 * A host's day with no network, in a real Chromium with a persistent profile (IndexedDB and the
 * service worker on disk): load once online, go offline AND stop the server, then run the event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './helpers/app-server';
import { startHostDevice, stopHostDevice } from './helpers/host-device';
import type { Profile } from './helpers/chromium';
import { openReadyApp, takeBack, tapAdd } from './helpers/host';

let server: AppServer;
let profile: Profile;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	({ server, profile, context } = await startHostDevice(startAppServer()));
});

afterAll(async () => {
	await stopHostDevice({ server, profile, context });
});

const ownTotal = (page: Page, kind: string) => page.getByTestId(`own-${kind}`).textContent();

describe('host offline', () => {
	it('precaches the app and the case pack while online', async () => {
		page = await openReadyApp(context, server.url);
		expect(await page.getByTestId('pack-ready').textContent()).toMatch(/edition 2026\.1/);
	});

	it('reports the manifest installable', async () => {
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
			installabilityErrors: { errorId: string }[];
		};
		expect(installabilityErrors).toEqual([]);
	});

	it('creates an event and tallies across cases and kinds with no network and no server', async () => {
		await context.setOffline(true);
		await server.stop();
		await page.reload();
		await page.getByRole('heading', { level: 1, name: 'Your events' }).waitFor();

		await page.getByRole('link', { name: 'New event' }).click();
		await page.getByLabel('Event name').fill('Offline write-in');
		await page.getByLabel('Venue').fill('Community hall');
		await page.getByLabel('City or town').fill('Moncton');
		await page.getByLabel('Province or territory').selectOption('NB');
		await page.getByLabel('Date').fill('2026-12-10');
		await page.getByRole('button', { name: 'Create event' }).click();
		await page.getByRole('heading', { level: 1, name: 'Offline write-in' }).waitFor();

		const cases = page.locator('article.case h3');
		await expect.poll(() => cases.count()).toBeGreaterThanOrEqual(8);
		const first = (await cases.nth(0).textContent())!.split(' · ')[0]!.trim();
		const second = (await cases.nth(1).textContent())!.split(' · ')[0]!.trim();

		await tapAdd(page, 'Appeal letters', first, 3);
		await tapAdd(page, 'Solidarity cards', first, 2);
		await tapAdd(page, 'Appeal letters', second, 1);
		await tapAdd(page, 'Online actions', second, 1);
		await tapAdd(page, 'Participants', 'this event', 5);
		await takeBack(page, 'Appeal letters', first);

		await expect.poll(() => ownTotal(page, 'letter')).toBe('3');
		await expect.poll(() => ownTotal(page, 'card')).toBe('2');
		await expect.poll(() => ownTotal(page, 'online')).toBe('1');
		await expect.poll(() => ownTotal(page, 'participants')).toBe('5');
	});

	it('keeps every count across a reload, still offline', async () => {
		await page.reload();
		await expect.poll(() => ownTotal(page, 'letter')).toBe('3');
		await expect.poll(() => ownTotal(page, 'card')).toBe('2');
		await expect.poll(() => ownTotal(page, 'participants')).toBe('5');
	});

	it('keeps every count after closing the browser and reopening the same profile', async () => {
		const url = page.url();
		await context.close();
		context = await profile.open();
		await context.setOffline(true);
		page = context.pages()[0] ?? (await context.newPage());
		await page.goto(url);
		await expect.poll(() => ownTotal(page, 'letter')).toBe('3');
		await expect.poll(() => ownTotal(page, 'online')).toBe('1');
		await expect.poll(() => ownTotal(page, 'participants')).toBe('5');
		// Every host route opens offline.
		for (const [path, heading] of [
			['/cases', 'Case sheets'],
			['/status', 'Device status'],
			['/', 'Your events']
		]) {
			await page.goto(`${server.url}${path}`);
			await page.getByRole('heading', { level: 1, name: heading }).waitFor();
		}
	});
});
