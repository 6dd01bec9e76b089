/**
 * axe-core over the participant pages in both languages: the list, two sheets (one with an
 * update and an online action, one without), the print kit, the poster and the 404 page.
 * JavaScript is on so the copy button is part of what axe checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromium, launchOptions } from './helpers/chromium';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { LOCALES, packIn } from './participant-support';

let server: AppServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
	server = await startAppServer();
	browser = await chromium.launch(launchOptions());
	context = await browser.newContext({ viewport: { width: 360, height: 740 } });
});

afterAll(async () => {
	await browser?.close();
	await disposeAppServer(server);
});

const pack = packIn('en');
const full = pack.cases.find((c) => c.update && c.onlineAction) ?? pack.cases[0]!;
const plain = pack.cases.find((c) => !c.update || !c.onlineAction) ?? pack.cases[1]!;

describe.each(LOCALES)('axe in %s', (lang) => {
	it.each([
		`/c/${lang}`,
		`/c/${lang}/${full.id}`,
		`/c/${lang}/${plain.id}`,
		`/c/${lang}/print?paper=letter`,
		`/c/${lang}/poster?event=Write%20night%20%C3%A0%20la%20biblioth%C3%A8que`,
		`/c/${lang}/no-such-case`
	])('%s has no violations', async (path) => {
		const page = await context.newPage();
		await page.goto(`${server.url}${path}`);
		const { violations, passes } = await new AxeBuilder({ page }).analyze();
		const summary = violations.map(
			(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
		);
		expect(summary).toEqual([]);
		// axe did run its rules on a real page.
		expect(passes.length).toBeGreaterThan(10);
		await page.close();
	});
});
