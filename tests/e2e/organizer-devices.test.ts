/**
 * An organizer manages one event's devices in a real Chromium against the built server: removes
 * a made-up device's counts through the confirm step (the event's figures drop by exactly its
 * counts, the other devices' stay, its next sync is refused with device_removed), sees who
 * removed it, and raises the event's device cap so a device past the server's limit counts. A
 * cross-origin POST to the same actions is refused. axe finds nothing on the page, in English
 * and French. Set SHOTS_DIR to keep screenshots of the page at 390 and 1280 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { EVENT_CASE_ID, LOCALES, SYNC_FORMAT_VERSION, type CounterState } from '$lib/shared/domain';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { chromium, launchOptions } from './helpers/chromium';
import { ORGANIZER, logIn, randomId, testEvent } from './helpers/organizer';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SHOTS_DIR = process.env.SHOTS_DIR;

let server: AppServer;
let browser: Browser;
let page: Page;
let caseId: string;
const event = testEvent({
	name: 'Library write-in',
	venue: 'Main branch',
	city: 'Halifax',
	province: 'NS',
	date: '2026-12-10'
});
const [honest, other, madeUp] = [randomId(), randomId(), randomId()];

const counters = (letters: number, people: number): CounterState[] => [
	{ caseId, kind: 'letter', plus: letters, minus: 0 },
	{ caseId: EVENT_CASE_ID, kind: 'participants', plus: people, minus: 0 }
];

function sync(deviceId: string, body: CounterState[]) {
	return fetch(`${server.url}/api/events/${event.id}/sync`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${event.key}` },
		body: JSON.stringify({
			format: SYNC_FORMAT_VERSION,
			deviceId,
			event: event.details,
			counters: body
		})
	});
}

const eventPage = () => `${server.url}/organizer/events/${event.id}`;
const letterFigure = async () => {
	await page.goto(`${eventPage()}?lang=en`, { waitUntil: 'networkidle' });
	// innerText: one tab between cells, so a figure reads whole.
	return page.locator('#cases-table').locator('..').innerText();
};

beforeAll(async () => {
	server = await startAppServer({
		ORGANIZER_EMAIL: ORGANIZER.email,
		ORGANIZER_PASSWORD: ORGANIZER.password,
		MAX_DEVICES_PER_EVENT: '3'
	});
	const pack = (await (await fetch(`${server.url}/api/cases?lang=en`)).json()) as {
		cases: { id: string }[];
	};
	caseId = pack.cases[0]!.id;
	for (const [device, letters] of [
		[honest, 12],
		[other, 5],
		[madeUp, 4000]
	] as const) {
		expect((await sync(device, counters(letters, 3))).status).toBe(200);
	}
	browser = await chromium.launch(launchOptions());
	page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
	await logIn(page, server.url);
});

afterAll(async () => {
	await browser?.close();
	await disposeAppServer(server);
});

async function shoot(name: string) {
	if (!SHOTS_DIR) return;
	mkdirSync(SHOTS_DIR, { recursive: true });
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: join(SHOTS_DIR, `${name}-${width}.png`), fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

describe('an organizer and the devices of one event', () => {
	it('refuses a fourth device past the server’s cap of 3', async () => {
		const refused = await sync(randomId(), counters(1, 1));
		expect(refused.status).toBe(409);
		expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
			'too_many_devices'
		);
	});

	it('refuses the actions from another origin', async () => {
		const cookies = await page.context().cookies();
		const response = await fetch(`${eventPage()}?/removeDevice`, {
			method: 'POST',
			headers: {
				origin: 'http://evil.example',
				cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: `device=${madeUp}`
		});
		expect(response.status).toBe(403);
		expect(await sync(madeUp, counters(4000, 3))).toHaveProperty('status', 200);
	});

	it('removes a made-up device’s counts after a confirm step; the others stay', async () => {
		expect(await letterFigure()).toMatch(/\t4,017\t/);
		await page
			.getByRole('link', { name: `Remove the counts of device ${madeUp.slice(0, 8)}…` })
			.click();
		const confirm = page.getByRole('region', { name: /Remove the counts of device/ });
		await confirm.waitFor();
		expect(await confirm.textContent()).toMatch(/4,000 actions stop counting/);
		await shoot('confirm-en');
		await confirm.getByRole('button', { name: 'Yes, remove its counts' }).click();
		await expect
			.poll(() => page.locator('p.outcome').textContent())
			.toMatch(/no longer count for this event/);
		expect(await letterFigure()).toMatch(/\t17\t/);
		expect(await page.locator('#removed-table').locator('..').textContent()).toContain(
			ORGANIZER.email
		);

		const again = await sync(madeUp, counters(4001, 3));
		expect(again.status).toBe(409);
		expect(((await again.json()) as { error: { code: string } }).error.code).toBe('device_removed');
		const pull = await sync(honest, counters(12, 3));
		expect(await pull.json()).toMatchObject({
			devices: 2,
			totals: expect.arrayContaining([{ caseId, kind: 'letter', total: 17 }])
		});
	});

	it('raises the event’s cap so more devices count', async () => {
		expect((await sync(randomId(), counters(1, 1))).status).toBe(200); // the freed place
		expect((await sync(randomId(), counters(1, 1))).status).toBe(409);
		await page.goto(`${eventPage()}?lang=en`, { waitUntil: 'networkidle' });
		await page.getByLabel('Most devices for this event').fill('zero');
		await page.getByRole('button', { name: 'Save the limit' }).click();
		await expect
			.poll(() => page.locator('#device-cap-error').textContent())
			.toMatch(/whole number/);
		await page.getByLabel('Most devices for this event').fill('5');
		await page.getByRole('button', { name: 'Save the limit' }).click();
		await expect.poll(() => page.locator('p.outcome').textContent()).toMatch(/allows 5 devices/);
		expect((await sync(randomId(), counters(1, 1))).status).toBe(200);
		await shoot('event-en');
	});

	describe.each(LOCALES)('in %s', (lang) => {
		it('axe finds nothing on the event page with its confirm step open', async () => {
			await page.goto(`${eventPage()}?lang=${lang}&remove=${honest}`, {
				waitUntil: 'networkidle'
			});
			await page.locator('#remove-title').waitFor();
			const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
			if (lang === 'fr') await shoot('confirm-fr');
		});
	});
});
