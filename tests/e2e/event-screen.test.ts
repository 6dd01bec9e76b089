/**
 * The event screen on a phone, built around the tap: the first case's buttons on the first
 * screen, search by name, the cases the host picks (kept on the device), the toast and its Undo
 * (a whole batch in one step), and no "all tables" figures while this device counts alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './helpers/app-server';
import { startHostDevice, stopHostDevice } from './helpers/host-device';
import type { Profile } from './helpers/chromium';
import {
	addBatch,
	closeSyncSheet,
	createEventOffline,
	openReadyApp,
	openSyncSheet,
	tapAdd
} from './helpers/host';

let server: AppServer;
let profile: Profile;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	({ server, profile, context } = await startHostDevice(startAppServer()));
	page = await openReadyApp(context, server.url);
	await page.setViewportSize({ width: 390, height: 844 });
});

afterAll(async () => {
	await stopHostDevice({ server, profile, context });
});

const rows = () => page.locator('article.case');
const names = async () =>
	(await page.locator('article.case h3').allTextContents()).map((n) => n.split(' · ')[0]!.trim());
const letters = (subject: string) =>
	page.getByRole('button', { name: new RegExp(`^Add one Appeal letters for ${subject};`) });
const toast = () => page.getByTestId('tally-toast');
const toastText = async () =>
	((await toast().locator('[aria-live]').textContent()) ?? '').replace(/\s+/g, ' ').trim();
const search = () => page.getByRole('searchbox', { name: 'Find a case' });

describe('the event screen on a 390 × 844 phone', () => {
	it('shows the first case’s four tally buttons on the first screen, without scrolling', async () => {
		await createEventOffline(page, 'Phone write-in');
		expect(await page.evaluate(() => window.scrollY)).toBe(0);
		const boxes = await rows()
			.first()
			.locator('.tally button.add')
			.evaluateAll((buttons) =>
				buttons.map((b) => {
					const r = b.getBoundingClientRect();
					return { top: r.top, bottom: r.bottom, width: r.width, height: r.height };
				})
			);
		expect(boxes).toHaveLength(4);
		const viewport = await page.evaluate(() => window.innerHeight);
		for (const box of boxes) {
			expect(box.top).toBeGreaterThanOrEqual(0);
			expect(box.bottom).toBeLessThanOrEqual(viewport);
			expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
		}
		// Equal-sized targets in fixed columns.
		expect(new Set(boxes.map((b) => Math.round(b.width))).size).toBe(1);
		expect(new Set(boxes.map((b) => Math.round(b.height))).size).toBe(1);
	});

	it('finds “Rocky Myers” by search, case- and accent-insensitive, and counts for him', async () => {
		await search().fill('rOCKY');
		await expect.poll(names).toEqual(['Rocky Myers']);
		await tapAdd(page, 'Appeal letters', 'Rocky Myers');
		expect(await letters('Rocky Myers').getAttribute('aria-label')).toMatch(/; now 1$/);
		expect(await page.getByTestId('own-letter').textContent()).toBe('1');

		await search().fill('wydrzynska');
		await expect.poll(names).toEqual(['Justyna Wydrzyńska']);
		await search().fill('nobody at all');
		await page.getByText('No case matches “nobody at all”.').waitFor();
		await search().fill('');
		await expect.poll(() => rows().count()).toBe(13);
	});

	it('confirms a tap in a toast whose Undo takes it back', async () => {
		await tapAdd(page, 'Appeal letters', 'Rocky Myers');
		await expect.poll(toastText).toBe('+1 Rocky Myers · Letters (now 2)');
		await toast()
			.getByRole('button', { name: 'Undo: take back 1 Appeal letters for Rocky Myers' })
			.click();
		await expect.poll(() => letters('Rocky Myers').getAttribute('aria-label')).toMatch(/; now 1$/);
		await expect.poll(() => page.getByTestId('own-letter').textContent()).toBe('1');
		await expect.poll(toastText).toBe('Taken back: 1 · Rocky Myers · Letters (now 1)');
		// Taken back once: no second Undo to tap by mistake.
		expect(await toast().getByRole('button').count()).toBe(0);
	});

	it('adds several (“+12 added”) and takes the whole batch back with one Undo', async () => {
		await addBatch(page, 'Appeal letters', 'Rocky Myers', 12);
		expect(await letters('Rocky Myers').getAttribute('aria-label')).toMatch(/; now 13$/);
		await expect.poll(toastText).toMatch(/^\+12 added · Rocky Myers · Letters/);
		expect(await toast().isVisible()).toBe(true);
		await toast().getByRole('button', { name: /^Undo/ }).click();
		await expect.poll(() => letters('Rocky Myers').getAttribute('aria-label')).toMatch(/; now 1$/);
		expect(await page.getByTestId('own-letter').textContent()).toBe('1');
		// One write: minus grew by 12 at once, not twelve writes of one.
		const row = await page.evaluate(async () => {
			const open = indexedDB.open('letterday');
			const db = await new Promise<IDBDatabase>(
				(resolve) => (open.onsuccess = () => resolve(open.result))
			);
			const all = await new Promise<
				{ caseId: string; kind: string; plus: number; minus: number; rev: number }[]
			>((resolve) => {
				const req = db.transaction('counters').objectStore('counters').getAll();
				req.onsuccess = () => resolve(req.result);
			});
			db.close();
			return all.find((r) => r.caseId === 'rocky-myers' && r.kind === 'letter');
		});
		expect(row).toMatchObject({ plus: 14, minus: 13, rev: 5 });
	});

	it('shows no “all tables” figures while this device counts alone', async () => {
		// The figures by kind are in the sync sheet: open, it shows this device's column only.
		await openSyncSheet(page);
		await page.getByTestId('sync-waiting').waitFor();
		expect(await page.getByTestId('all-letter').count()).toBe(0);
		const text = await page.locator('main').innerText();
		expect(text).not.toMatch(/in all|All tables|all devices/i);
		await closeSyncSheet(page);
	});

	it('shows only the cases picked, keeps a counted case in sight, and remembers after a reload', async () => {
		await tapAdd(page, 'Solidarity cards', 'Sonia Dahmani');
		await page.getByRole('button', { name: 'Choose cases' }).click();
		const dialog = page.getByRole('dialog', { name: 'Cases at this event' });
		await dialog.getByRole('button', { name: 'Untick all' }).click();
		await dialog.getByRole('checkbox', { name: /Rita Karasartova/ }).check();
		await dialog.getByRole('checkbox', { name: /Maryia Kalesnikava/ }).check();
		await dialog.getByRole('button', { name: 'Done' }).click();
		// Rocky Myers and Sonia Dahmani have counts: unticked, they still show.
		const picked = ['Rita Karasartova', 'Rocky Myers', 'Maryia Kalesnikava', 'Sonia Dahmani'];
		await expect.poll(names).toEqual(picked);
		expect(await page.getByRole('button', { name: /Choose cases/ }).textContent()).toMatch(
			/2 of 13 cases/
		);

		await page.reload();
		await page.getByRole('heading', { level: 1, name: 'Phone write-in' }).waitFor();
		await expect.poll(names).toEqual(picked);
		// A search still reaches every case of the pack.
		await search().fill('joel');
		await expect.poll(names).toEqual(['Joel Paredes']);
		await search().fill('');

		await page.getByRole('button', { name: /Choose cases/ }).click();
		await dialog.getByRole('button', { name: 'Tick all', exact: true }).click();
		await dialog.getByRole('button', { name: 'Done' }).click();
		await expect.poll(() => rows().count()).toBe(13);
	});
});
