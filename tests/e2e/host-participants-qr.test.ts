/**
 * The host's "Participants QR" screen, drawn on the device with no network: each code, taken as
 * a screenshot, decodes (jsQR) to the participant page in the event's language, and none of
 * them carries the event key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './helpers/app-server';
import { startHostDevice, stopHostDevice } from './helpers/host-device';
import type { Profile } from './helpers/chromium';
import { createEventOffline, openReadyApp } from './helpers/host';
import { decodeQr } from './helpers/qr';

let server: AppServer;
let profile: Profile;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	({ server, profile, context } = await startHostDevice(startAppServer()));
	page = await openReadyApp(context, server.url);
});

afterAll(async () => {
	await stopHostDevice({ server, profile, context });
});

describe('participants QR on the host screen', () => {
	it('decodes to the case list and to each case sheet, offline, without the event key', async () => {
		await context.setOffline(true);
		await createEventOffline(page, 'QR write-in');
		const eventId = new URL(page.url()).searchParams.get('id')!;
		const key = await page.evaluate(
			(id) =>
				new Promise<string>((resolve, reject) => {
					const open = indexedDB.open('letterday');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const get = open.result.transaction('events').objectStore('events').get(id);
						get.onsuccess = () => resolve(get.result.key);
					};
				}),
			eventId
		);
		expect(key).toMatch(/^[0-9a-f]{64}$/);

		await page.getByRole('link', { name: 'Participants QR' }).click();
		const list = page.getByTestId('participants-qr').locator('svg');
		await list.waitFor();
		expect(await decodeQr(list)).toBe(`${server.url}/c/en`);

		const cases = page.locator('li.card svg');
		await expect.poll(() => cases.count()).toBeGreaterThanOrEqual(8);
		const first = await decodeQr(cases.first());
		expect(first).toMatch(new RegExp(`^${server.url}/c/en/[a-z0-9-]+$`));
		const firstName = await page.locator('li.card h2').first().textContent();
		await context.setOffline(false);
		const sheet = await (await fetch(first!)).text();
		expect(sheet).toContain(firstName!.trim());

		const everything = await page.content();
		expect(everything).not.toContain(key);
	});
});
