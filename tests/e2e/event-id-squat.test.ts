/**
 * Event ids nobody else can register, in Chromium against the built server: someone who saw a
 * new event's id in a URL cannot take it, and the host's first sync registers it. An older event
 * (a random id) that someone did register first shows the host what happened and moves its
 * counts to a new event, which syncs them once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { randomEventKey, randomId } from '$lib/shared/ids';
import { useHostDevice } from './helpers/host-device';
import { createEventOffline, openReadyApp, openSyncSheet, syncNow, tapAdd } from './helpers/host';
import { patchEventRow } from './helpers/idb';
import { serverTotals } from './helpers/ledger';

const device = useHostDevice();
let page: Page;

beforeAll(async () => {
	page = await openReadyApp(device.context, device.server.url);
});

/** A sync from outside the app with a key of the squatter's own: its HTTP status and code. */
async function squat(eventId: string): Promise<{ status: number; code?: string }> {
	const response = await fetch(`${device.server.url}/api/events/${eventId}/sync`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${randomEventKey()}` },
		body: JSON.stringify({
			format: 1,
			deviceId: 'squatter-device-0001',
			event: {
				name: 'Mine now',
				venue: '',
				city: '',
				province: 'NB',
				date: '2026-12-10',
				updatedAt: 1
			},
			counters: []
		})
	});
	const body = (await response.json()) as { error?: { code: string } };
	return { status: response.status, code: body.error?.code };
}

const firstCaseOf = async (page: Page) =>
	(await page.locator('article.case h3').first().textContent())!.split(' · ')[0]!.trim();

describe('event ids', () => {
	it('a new event’s id cannot be taken by whoever sees it; the host’s sync registers it', async () => {
		await createEventOffline(page, 'Key-bound write-in');
		const eventId = new URL(page.url()).searchParams.get('id')!;
		expect(eventId).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(await squat(eventId)).toEqual({ status: 409, code: 'unregistered_event' });

		const firstCase = await firstCaseOf(page);
		await tapAdd(page, 'Appeal letters', firstCase, 2);
		await syncNow(page);
		await expect
			.poll(() => page.getByTestId('event-summary').textContent(), { timeout: 15_000 })
			.toMatch(/Synced/);
		expect(Object.values(serverTotals(device.server.dataDir, eventId))).toEqual([2]);
		expect(await squat(eventId)).toEqual({ status: 403, code: 'wrong_key' });
	});

	it('an older event someone registered first moves its counts to a new event', async () => {
		await createEventOffline(page, 'Older write-in');
		const madeId = new URL(page.url()).searchParams.get('id')!;
		// As an older version made it: a 22-character random id. Someone registers it first.
		const olderId = randomId();
		await patchEventRow(page, madeId, { id: olderId });
		expect(await squat(olderId)).toEqual({ status: 200, code: undefined });

		await page.goto(`${device.server.url}/event?id=${olderId}`);
		await page.locator('article.case').first().waitFor();
		const firstCase = await firstCaseOf(page);
		await tapAdd(page, 'Appeal letters', firstCase, 3);
		const sheet = await openSyncSheet(page);
		await sheet.getByRole('button', { name: 'Sync now' }).click();
		await expect
			.poll(() => page.getByTestId('sync-error').textContent(), { timeout: 15_000 })
			.toMatch(/Another device registered this event on the server before this one did/);
		expect(await page.getByTestId('sync-waiting').textContent()).toMatch(/1 change waiting/);

		await sheet.getByRole('button', { name: 'Move the counts to a new event' }).click();
		await expect
			.poll(() =>
				sheet
					.getByRole('heading', { name: 'Move the counts to a new event' })
					.evaluate((h) => h === document.activeElement)
			)
			.toBe(true);
		expect(await sheet.textContent()).toMatch(/every count this device holds for “Older write-in”/);
		await sheet.getByRole('button', { name: 'Move the counts', exact: true }).click();

		await expect.poll(() => new URL(page.url()).searchParams.get('id')).not.toBe(olderId);
		const newId = new URL(page.url()).searchParams.get('id')!;
		expect(newId).toMatch(/^[A-Za-z0-9_-]{32}$/);
		await page.getByRole('heading', { level: 1, name: 'Older write-in' }).waitFor();
		await expect
			.poll(() => page.getByTestId('event-summary').textContent(), { timeout: 15_000 })
			.toMatch(/Synced/);
		const totals = serverTotals(device.server.dataDir, newId);
		expect(Object.keys(totals)).toEqual([expect.stringMatching(/\/letter$/)]);
		expect(Object.values(totals)).toEqual([3]);
		expect(serverTotals(device.server.dataDir, olderId)).toEqual({});
		// The older event is gone from the device's list; the new one is in it.
		await page.getByRole('link', { name: 'Events' }).click();
		await expect.poll(() => page.locator(`a[href*="${newId}"]`).count()).toBeGreaterThan(0);
		expect(await page.locator(`a[href*="${olderId}"]`).count()).toBe(0);
	});
});
