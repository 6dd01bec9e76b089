/**
 * The host's day is the device's local calendar day: at 20:30 in Vancouver (04:30 the next day in
 * UTC) the new-event form proposes today, and an event dated today is under "Today and upcoming",
 * not "Past events". A real Chromium with the time zone and the clock set as a device's would be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { chromium, launchOptions } from './helpers/chromium';
import { openReadyApp } from './helpers/host';

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	server = await startAppServer();
	browser = await chromium.launch(launchOptions());
	context = await browser.newContext({ timezoneId: 'America/Vancouver' });
	// 20:30 on 10 December on the device's wall clock (already the 11th in UTC), computed by the
	// browser itself: its time-zone data decides Vancouver's offset that day (−8, or −7 under
	// British Columbia's permanent daylight time).
	const probe = await context.newPage();
	const evening = await probe.evaluate(() => new Date(2026, 11, 10, 20, 30).getTime());
	await probe.close();
	// Fixed wall-clock time; timers keep running, so the app loads and works as usual.
	await context.clock.setFixedTime(evening);
	page = await openReadyApp(context, server.url);
});

afterAll(async () => {
	await context?.close();
	await browser?.close();
	await disposeAppServer(server);
});

async function createEvent(name: string, date?: string) {
	await page.goto(`${server.url}/event/new`);
	await page.getByLabel('Event name').fill(name);
	await page.getByLabel('Venue').fill('Community hall');
	await page.getByLabel('City or town').fill('Vancouver');
	await page.getByLabel('Province or territory').selectOption('BC');
	if (date) await page.getByLabel('Date').fill(date);
	await page.getByRole('button', { name: 'Create event' }).click();
	await page.waitForURL(/\/event\?id=/);
}

describe('a host in Vancouver at 20:30', () => {
	it('runs in that zone and at that time', async () => {
		const local = await page.evaluate(() => ({
			zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
			hours: new Date().getHours(),
			minutes: new Date().getMinutes(),
			utcDay: new Date().toISOString().slice(0, 10)
		}));
		expect(local).toEqual({
			zone: 'America/Vancouver',
			hours: 20,
			minutes: 30,
			utcDay: '2026-12-11'
		});
	});

	it('gets today, the 10th, as the new event’s default date', async () => {
		await page.goto(`${server.url}/event/new`);
		await expect.poll(() => page.getByLabel('Date').inputValue()).toBe('2026-12-10');
	});

	it('sees tonight’s event under "Today and upcoming" and yesterday’s under "Past events"', async () => {
		await createEvent('Tonight in Vancouver');
		await createEvent('Last night in Vancouver', '2026-12-09');
		await createEvent('Tomorrow in Vancouver', '2026-12-11');
		await page.goto(server.url);
		const upcoming = page.getByTestId('events-upcoming');
		const past = page.getByTestId('events-past');
		await upcoming.waitFor();
		const names = (list: typeof upcoming) => list.locator('a').allTextContents();
		expect(await names(upcoming)).toEqual(['Tomorrow in Vancouver', 'Tonight in Vancouver']);
		expect(await names(past)).toEqual(['Last night in Vancouver']);
		// Each list sits under its own heading.
		expect(await upcoming.locator('xpath=preceding-sibling::h2[1]').textContent()).toBe(
			'Today and upcoming'
		);
		expect(await past.locator('xpath=preceding-sibling::h2[1]').textContent()).toBe('Past events');
	});
});
