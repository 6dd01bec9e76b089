/**
 * A host fixes an event's name, archives a past event and deletes one, in a real Chromium:
 * the edit reaches the event screen, the list, the device (marked to send) and the server; an
 * archived event leaves the list, opens and comes back, and still syncs; a delete is refused
 * until the event has synced, then asks to confirm, and leaves none of the event's rows behind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { useHostDevice } from './helpers/host-device';
import { openReadyApp, tapAdd } from './helpers/host';
import { readEventRow } from './helpers/idb';

const device = useHostDevice();
let page: Page;

beforeAll(async () => {
	page = await openReadyApp(device.context, device.server.url);
});

/** The event's name as the server's SQLite file holds it; undefined until it has synced. */
function serverName(eventId: string): string | undefined {
	const db = new Database(join(device.server.dataDir, 'letterday.sqlite'), { readonly: true });
	try {
		const row = db.prepare('select name from events where id = ?').get(eventId) as
			{ name: string } | undefined;
		return row?.name;
	} finally {
		db.close();
	}
}

/** How many rows of a store belong to the event, read as raw IndexedDB. */
function rowsOf(store: 'events' | 'counters' | 'syncState' | 'relayed', eventId: string) {
	return page.evaluate(
		({ store, eventId }) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('letterday');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(store);
					const source = tx.objectStore(store);
					const keyed = store === 'events' || store === 'syncState';
					const count = keyed
						? source.count(eventId)
						: source.index('eventId').count(IDBKeyRange.only(eventId));
					count.onsuccess = () => {
						open.result.close();
						resolve(count.result);
					};
					count.onerror = () => reject(count.error);
				};
			}),
		{ store, eventId }
	);
}

const dirtyDetails = async (eventId: string) =>
	(await readEventRow(page, eventId)).detailsDirty as number;

/** Creates an event through the form and returns its id (the event screen's URL carries it). */
async function createEvent(name: string, date: string): Promise<string> {
	await page.goto(`${device.server.url}/event/new`);
	await page.getByLabel('Event name').fill(name);
	await page.getByLabel('Venue').fill('Community hall');
	await page.getByLabel('City or town').fill('Moncton');
	await page.getByLabel('Province or territory').selectOption('NB');
	await page.getByLabel('Date').fill(date);
	await page.getByRole('button', { name: 'Create event' }).click();
	await page.waitForURL(/\/event\?id=/);
	return new URL(page.url()).searchParams.get('id')!;
}

async function toList() {
	await page.goto(device.server.url);
	await page.getByRole('heading', { level: 1, name: 'Your events' }).waitFor();
}

describe('editing an event', () => {
	it('shows the new name everywhere, marks it to send, and the next sync takes it to the server', async () => {
		await device.context.setOffline(false);
		const id = await createEvent('Letters at the libary', '2026-12-10');
		await expect.poll(() => serverName(id), { timeout: 20_000 }).toBe('Letters at the libary');
		await expect.poll(() => dirtyDetails(id)).toBe(0);

		await device.context.setOffline(true);
		// The event screen links to the edit screen.
		await page.locator(`a[href="/event/edit?id=${id}"]`).first().click();
		await page.waitForURL(/\/event\/edit\?id=/);
		const name = page.getByLabel('Event name');
		await expect.poll(() => name.inputValue()).toBe('Letters at the libary');
		await name.fill('Letters at the library');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await page.waitForURL((url) => url.pathname === '/event');
		await expect
			.poll(() => page.locator('h1').first().textContent())
			.toContain('Letters at the library');

		const row = await readEventRow(page, id);
		expect(row.name).toBe('Letters at the library');
		expect(row.detailsDirty).toBe(1);
		expect(serverName(id)).toBe('Letters at the libary');

		await toList();
		await expect
			.poll(() => page.getByTestId('events-upcoming').locator('a').allTextContents())
			.toContain('Letters at the library');

		await device.context.setOffline(false);
		await expect.poll(() => serverName(id), { timeout: 20_000 }).toBe('Letters at the library');
		await expect.poll(() => dirtyDetails(id)).toBe(0);
	});
});

describe('archiving a past event', () => {
	it('moves it to a collapsed "Archived" group, where it opens and comes back, and still syncs', async () => {
		await device.context.setOffline(true);
		const id = await createEvent('Last year’s write-in', '2025-12-10');
		expect(await dirtyDetails(id)).toBe(1);
		await toList();
		const past = page.getByTestId('events-past');
		await expect.poll(() => past.locator('a').allTextContents()).toEqual(['Last year’s write-in']);

		await page.getByRole('button', { name: 'Archive “Last year’s write-in”' }).click();
		await past.waitFor({ state: 'detached' });
		const archived = page.getByTestId('events-archived');
		await expect.poll(() => archived.locator('summary').textContent()).toBe('Archived (1)');
		// Collapsed: the event's link is there but hidden until the group is opened.
		const link = archived.getByRole('link', { name: 'Last year’s write-in', exact: true });
		expect(await link.isVisible()).toBe(false);
		expect(typeof (await readEventRow(page, id)).archivedAt).toBe('number');
		// Archiving is the device's tidying: the details are still waiting to be sent.
		expect(await dirtyDetails(id)).toBe(1);

		await archived.locator('summary').click();
		await link.click();
		await page.waitForURL(new RegExp(`/event\\?id=${id}`));
		await toList();

		await device.context.setOffline(false);
		await expect.poll(() => serverName(id), { timeout: 20_000 }).toBe('Last year’s write-in');
		await expect.poll(() => dirtyDetails(id)).toBe(0);

		await page.getByTestId('events-archived').locator('summary').click();
		await page.getByRole('button', { name: 'Unarchive “Last year’s write-in”' }).click();
		await expect
			.poll(() => page.getByTestId('events-past').locator('a').allTextContents())
			.toEqual(['Last year’s write-in']);
		expect(await page.getByTestId('events-archived').count()).toBe(0);
		expect('archivedAt' in (await readEventRow(page, id))).toBe(false);
	});
});

describe('deleting an event', () => {
	it('is refused while unsynced, then asks to confirm, and removes every row of the event', async () => {
		await device.context.setOffline(true);
		const id = await createEvent('Test event, delete me', '2025-11-20');
		await tapAdd(page, 'Participants', 'this event', 2);
		await toList();
		await page.getByRole('button', { name: 'Archive “Test event, delete me”' }).click();
		const archived = page.getByTestId('events-archived');
		await archived.locator('summary').click();

		// The list's "Delete…" opens the edit screen with the check made.
		await archived.getByRole('link', { name: 'Delete “Test event, delete me”…' }).click();
		await page.waitForURL(/\/event\/edit\?id=.*&delete/);
		const refusal = page.getByRole('group', { name: 'Sync or save a backup first' });
		await refusal.waitFor();
		expect(await refusal.textContent()).toContain('counts not yet sent');
		expect(await refusal.textContent()).toContain('changed event details not yet sent');
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.textContent))
			.toBe('Sync or save a backup first');
		expect(await rowsOf('events', id)).toBe(1);
		await refusal.getByRole('button', { name: 'Close' }).click();
		const trigger = page.getByRole('button', { name: 'Delete…' });
		await expect.poll(() => trigger.evaluate((el) => el === document.activeElement)).toBe(true);

		await device.context.setOffline(false);
		await expect.poll(() => dirtyDetails(id), { timeout: 20_000 }).toBe(0);
		await expect.poll(() => rowsOf('syncState', id)).toBe(1);
		expect(await rowsOf('counters', id)).toBeGreaterThan(0);

		await trigger.click();
		const confirm = page.getByRole('group', {
			name: 'Delete “Test event, delete me” from this device?'
		});
		await confirm.waitFor();
		expect(await confirm.textContent()).toContain('The server keeps the counts already synced');
		// Cancel keeps everything.
		await confirm.getByRole('button', { name: 'Cancel' }).click();
		expect(await rowsOf('events', id)).toBe(1);

		await trigger.click();
		await confirm.getByRole('button', { name: 'Delete from this device' }).click();
		await page.waitForURL((url) => url.pathname === '/');
		await page.getByRole('status').filter({ hasText: 'was deleted from this device' }).waitFor();
		for (const store of ['events', 'counters', 'syncState', 'relayed'] as const) {
			expect(await rowsOf(store, id), store).toBe(0);
		}
		// Gone from the list; the server keeps what was synced.
		expect(await page.getByRole('link', { name: 'Test event, delete me' }).count()).toBe(0);
		expect(serverName(id)).toBe('Test event, delete me');
	});
});

describe('deleting an event that never synced', () => {
	it('is allowed once a backup file holding it is saved, and refused again after a new count', async () => {
		await device.context.setOffline(true);
		const id = await createEvent('Offline write-in, backed up', '2025-11-21');
		await tapAdd(page, 'Participants', 'this event', 3);

		const saveBackup = async () => {
			await page.goto(`${device.server.url}/status`);
			const download = page.waitForEvent('download');
			await page.getByTestId('backup-save').click();
			await download;
			await expect.poll(() => page.getByTestId('backup-saved').textContent()).not.toBe('');
		};
		await saveBackup();

		await page.goto(`${device.server.url}/event/edit?id=${id}&delete`);
		const confirm = page.getByRole('group', {
			name: 'Delete “Offline write-in, backed up” from this device?'
		});
		await confirm.waitFor();
		expect(await confirm.textContent()).toContain('the backup file you saved last holds all of it');
		await confirm.getByRole('button', { name: 'Cancel' }).click();

		// One more count after the backup: the file no longer holds everything.
		await page.goto(`${device.server.url}/event?id=${id}`);
		await tapAdd(page, 'Participants', 'this event', 1);
		await page.goto(`${device.server.url}/event/edit?id=${id}&delete`);
		await page.getByRole('group', { name: 'Sync or save a backup first' }).waitFor();

		await saveBackup();
		await page.goto(`${device.server.url}/event/edit?id=${id}&delete`);
		await confirm.waitFor();
		await confirm.getByRole('button', { name: 'Delete from this device' }).click();
		await page.waitForURL((url) => url.pathname === '/');
		for (const store of ['events', 'counters', 'syncState', 'relayed'] as const) {
			expect(await rowsOf(store, id), store).toBe(0);
		}
	});
});
