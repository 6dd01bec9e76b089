/**
 * A refusal strands nothing: an event whose details the server refuses (here a control character
 * in the city, as an older version let through) keeps its counts; the host reads what to fix,
 * edits the event on the device, and the counts reach the server exactly once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHostDevice } from './helpers/host-device';
import {
	createEventOffline,
	openReadyApp,
	openSyncSheet,
	syncSheetText,
	tapAdd
} from './helpers/host';
import { patchEventRow } from './helpers/idb';

const device = useHostDevice();
let page: Page;

beforeAll(async () => {
	page = await openReadyApp(device.context, device.server.url);
});

describe('a refused sync', () => {
	it('says what to fix, lets the host fix it on the device, then sends every count once', async () => {
		await createEventOffline(page, 'Refused write-in');
		const eventId = new URL(page.url()).searchParams.get('id')!;
		const firstCase = (await page.locator('article.case h3').first().textContent())!
			.split(' · ')[0]!
			.trim();
		await patchEventRow(page, eventId, { city: 'Monc\u0007ton' });
		await page.reload();
		await page.locator('article.case').first().waitFor();
		await tapAdd(page, 'Appeal letters', firstCase, 3);

		// The sheet stays open: its error says what to fix and links to the form.
		const sheet = await openSyncSheet(page);
		await sheet.getByRole('button', { name: 'Sync now' }).click();
		const error = page.getByTestId('sync-error');
		await expect.poll(() => error.textContent()).toMatch(/refused this event’s city or town/);
		// Nothing was cleared: the three letters still wait to be sent.
		expect(await page.getByTestId('sync-waiting').textContent()).toMatch(/1 change waiting/);

		await page.getByRole('link', { name: 'Edit the event' }).click();
		const city = page.getByLabel('City or town');
		await expect.poll(() => city.getAttribute('aria-invalid')).toBe('true');
		expect(await page.locator('#ev-city-error').textContent()).toMatch(/invisible control/);
		await city.fill('Moncton');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await page.getByRole('heading', { level: 1, name: 'Refused write-in' }).waitFor();

		// The edit itself asks the engine for a sync: no button needed.
		await expect
			.poll(() => syncSheetText(page, 'sync-waiting'), { timeout: 15_000 })
			.toMatch(/Everything counted on this device has been sent/);
		// One device alone: no "all tables" figures, which would only repeat this device's.
		expect(await page.getByTestId('own-letter').textContent()).toBe('3');
		expect(await page.getByTestId('all-letter').count()).toBe(0);
		expect(await page.getByTestId('event-summary').textContent()).toMatch(/Synced/);
		expect(await page.getByTestId('sync-error').count()).toBe(0);
		expect(await page.locator('main').textContent()).toMatch(/Moncton/);
	});
});
