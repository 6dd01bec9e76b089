/**
 * The QR codes as a phone camera sees them: screenshots of the poster's and the print kit's
 * codes, decoded by jsQR (independent of the encoder), must give the right participant URL,
 * which never carries an event id or key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromium, launchOptions } from './helpers/chromium';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { decodeQr as decode } from './helpers/qr';
import { LOCALES, caseIds } from './participant-support';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
	server = await startAppServer();
	browser = await chromium.launch(launchOptions());
});

afterAll(async () => {
	await browser?.close();
	await disposeAppServer(server);
});

describe.each(LOCALES)('QR codes in %s', (lang) => {
	it('the poster code opens the case list, with no event key', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false });
		await page.goto(`${server.url}/c/${lang}/poster?event=Soir%C3%A9e%20%C3%A0%20Gatineau`);
		const svg = page.locator('main figure.qr svg');
		const url = await decode(svg);
		expect(url).toBe(`${server.url}/c/${lang}`);
		expect(await page.locator('main figure.qr figcaption').innerText()).toBe(url);
		expect(await svg.getAttribute('aria-label')).toContain(url);
		await page.close();
	});

	it('each printed sheet carries a code to its own page', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false });
		await page.goto(`${server.url}/c/${lang}/print`);
		const codes = page.locator('.sheet figure.qr svg');
		expect(await codes.count()).toBe(caseIds().length);
		// Two are enough to show the codes differ and match their sheets; all decode the same way.
		for (const index of [0, caseIds().length - 1]) {
			expect(await decode(codes.nth(index))).toBe(`${server.url}/c/${lang}/${caseIds()[index]}`);
		}
		await page.close();
	});

	it('the printed codes still decode in print media, at print size', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false });
		await page.emulateMedia({ media: 'print' });
		await page.goto(`${server.url}/c/${lang}/poster`);
		expect(await decode(page.locator('main figure.qr svg'))).toBe(`${server.url}/c/${lang}`);
		await page.close();
	});
});
