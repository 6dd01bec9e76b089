/**
 * The tab crashes in the middle of a burst of taps (CDP `Page.crash`, as an out-of-memory kill
 * would). Reopened from the same profile, the device shows what it stored, every stored count the
 * server has not acknowledged is marked to send, and the next sync makes the server's total equal
 * the device's. docs/reliability.md records this scenario.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { newProfile, type Profile } from './helpers/chromium';
import { createEventOffline, openReadyApp, tapAdd } from './helpers/host';
import { deviceCounters, dirtyCounters, serverTotals } from './helpers/ledger';

const CASE = { id: 'rocky-myers', name: 'Rocky Myers' };
const BURST = 6;

let server: AppServer;
let profile: Profile;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	server = await startAppServer();
	profile = newProfile();
	context = await profile.open();
	page = await openReadyApp(context, server.url);
});

afterAll(async () => {
	await context?.close();
	profile?.remove();
	await disposeAppServer(server);
});

const letters = async (page: Page) =>
	(await deviceCounters(page)).find((row) => row.caseId === CASE.id && row.kind === 'letter');

async function syncNow(context: BrowserContext) {
	await context.setOffline(true);
	await context.setOffline(false);
}

describe('a tab that crashes mid-tally', () => {
	let eventId = '';

	it('starts from three letters the server acknowledged', async () => {
		await createEventOffline(page, 'Crash write-in');
		eventId = new URL(page.url()).searchParams.get('id')!;
		await tapAdd(page, 'Appeal letters', CASE.name, 3);
		await syncNow(context);
		await expect
			.poll(() => serverTotals(server.dataDir, eventId), { timeout: 30_000 })
			.toEqual({ [`${CASE.id}/letter`]: 3 });
		await expect.poll(() => dirtyCounters(page), { timeout: 15_000 }).toBe(0);
	});

	it('after a crash mid-burst, what is stored is shown and marked to send', async () => {
		await context.setOffline(true);
		// A burst of taps dispatched in one go, then the renderer dies before they can all be
		// stored: some transactions are in flight when it goes.
		await page.evaluate(
			({ name, burst }) => {
				const add = [...document.querySelectorAll('button')].find((b) =>
					b.getAttribute('aria-label')?.startsWith(`Add one Appeal letters for ${name};`)
				)!;
				for (let i = 0; i < burst; i++) add.click();
			},
			{ name: CASE.name, burst: BURST }
		);
		const cdp = await context.newCDPSession(page);
		const crashed = page.waitForEvent('crash');
		// The command never answers: the renderer it would answer from is gone.
		void cdp.send('Page.crash').catch(() => undefined);
		await crashed;
		await context.close();

		context = await profile.open();
		await context.setOffline(true);
		page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${server.url}/event?id=${eventId}`);
		await expect.poll(() => letters(page)).toBeDefined();
		const stored = (await letters(page))!;
		// Some of the burst may have been lost with the tab (never stored, never shown as
		// counted); none can be counted twice.
		expect(stored.plus).toBeGreaterThanOrEqual(3);
		expect(stored.plus).toBeLessThanOrEqual(3 + BURST);
		expect(stored.dirty).toBe(stored.plus > 3 ? 1 : 0);
		const shown = page.getByRole('button', {
			name: new RegExp(
				`^Add one Appeal letters for ${CASE.name}; now ${stored.plus - stored.minus}$`
			)
		});
		await shown.waitFor();
		console.info(
			`tab-crash: ${BURST} taps in the burst, ${stored.plus - 3} stored before the crash`
		);
	});

	it('the next sync makes the server equal the device', async () => {
		await context.setOffline(false);
		await syncNow(context);
		const stored = (await letters(page))!;
		await expect
			.poll(() => serverTotals(server.dataDir, eventId), { timeout: 30_000 })
			.toEqual({ [`${CASE.id}/letter`]: stored.plus - stored.minus });
		await expect.poll(() => dirtyCounters(page), { timeout: 15_000 }).toBe(0);
	});
});
