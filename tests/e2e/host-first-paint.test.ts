/**
 * What the prerendered start page paints before any of the app's JavaScript runs (its modules are
 * refused here, so the page stays as its first frame): the app's frame and its static words in
 * English, nothing that claims to know the device (no "not downloaded", no welcome for a device
 * that holds events), and for a host who chose French the frame without the English words. Then,
 * with the scripts, the same page in French and whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useHostDevice } from './helpers/host-device';
import { createEventOffline, openReadyApp } from './helpers/host';
import { chromium, launchOptions } from './helpers/chromium';

const device = useHostDevice();
const APP_MODULES = /\/_app\/.*\.js$/;
let browser: Browser;
beforeAll(async () => {
	browser = await chromium.launch(launchOptions());
});
afterAll(() => browser?.close());

/**
 * The page as painted before its modules run, in a browser whose localStorage holds `stored`
 * (what the device's app wrote: a worker there would answer the module requests, so this browser
 * has none).
 */
async function firstFrame(stored: Record<string, string> = {}, path = '/'): Promise<Page> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	await context.addInitScript((entries) => {
		for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
	}, stored);
	const page = await context.newPage();
	await page.route(APP_MODULES, (route) => route.abort());
	await page.goto(new URL(path, device.server.url).href, { waitUntil: 'load' });
	return page;
}
const closeFrame = (page: Page) => page.context().close();

const shell = (page: Page) =>
	page.evaluate(() => ({
		lang: document.documentElement.lang,
		words: document.documentElement.getAttribute('data-shell-words'),
		welcome: document.documentElement.getAttribute('data-welcome'),
		h1: document.querySelector('h1')?.textContent,
		h1Color: getComputedStyle(document.querySelector('h1')!).color,
		header: !!document.querySelector('header.bar nav a[href="/cases"]'),
		welcomeShown: !!document.querySelector('[data-testid="welcome"]')?.getClientRects().length,
		text: document.body.innerText
	}));

describe('the start page before its JavaScript', () => {
	it('paints the frame and its static words in English, claiming nothing of the device', async () => {
		const page = await firstFrame();
		const first = await shell(page);
		expect(first).toMatchObject({ lang: 'en', words: null, welcome: null, h1: 'Your events' });
		expect(first.header).toBe(true);
		expect(first.welcomeShown).toBe(true);
		expect(first.text).toContain('New event');
		expect(first.text).toContain('Looking for the case sheets saved on this device');
		expect(first.text).not.toContain('not downloaded');
		await closeFrame(page);
	});

	it('hides the English words from a host who chose French, then shows them in French', async () => {
		const page = await firstFrame({ 'letterday.lang': 'fr' });
		const first = await shell(page);
		// The inline script ran (so the CSP allows it) before the first paint.
		expect(first).toMatchObject({ lang: 'fr', words: 'hidden', h1: 'Your events' });
		expect(first.h1Color).toBe('rgba(0, 0, 0, 0)');
		await closeFrame(page);

		const setup = await device.context.newPage();
		await setup.goto(device.server.url);
		await setup.evaluate(() => localStorage.setItem('letterday.lang', 'fr'));
		await setup.close();
		const app = await openReadyApp(device.context, device.server.url);
		const whole = await shell(app);
		expect(whole).toMatchObject({ lang: 'fr', words: null, h1: 'Vos événements' });
		expect(whole.h1Color).not.toBe('rgba(0, 0, 0, 0)');
		await app.evaluate(() => localStorage.setItem('letterday.lang', 'en'));
		await app.close();
	});

	it('does not welcome a host whose device holds an event, even before the data is read', async () => {
		const app = await openReadyApp(device.context, device.server.url);
		await createEventOffline(app, 'Shell evening');
		await app.goto(device.server.url);
		await app.locator('main li.card').first().waitFor();
		// What the app keeps for the shell, read back as the next start's first frame reads it.
		const stored = await app.evaluate(() => ({ ...localStorage }));
		expect(stored['letterday.has-events']).toBe('1');
		await app.close();

		const page = await firstFrame(stored);
		const first = await shell(page);
		expect(first.welcome).toBe('hidden');
		expect(first.welcomeShown).toBe(false);
		await closeFrame(page);
	});
});

describe('the event screen before its JavaScript', () => {
	it('paints a skeleton of its grid down past the fold: neutral blocks, no words or figures', async () => {
		const page = await firstFrame({}, '/event?id=not-read-yet');
		const skeleton = page.getByTestId('event-skeleton');
		expect(await skeleton.locator('.block').count()).toBeGreaterThanOrEqual(13);
		// Taller than the window: when the real grid replaces it, nothing in view is pushed.
		const box = await skeleton.boundingBox();
		expect(box!.y + box!.height).toBeGreaterThan(page.viewportSize()!.height);
		const main = await page.locator('main').innerText();
		expect(main.trim()).toBe('');
		await closeFrame(page);
	});
});
