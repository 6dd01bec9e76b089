/**
 * Highlights in a real Chromium with a persistent profile (issue 14): a photo (with EXIF GPS) and
 * a poem made offline survive a reload, go up once the network is back, the stored photo carries
 * no EXIF, a connection cut mid-photo resumes from the server's `received` without sending
 * earlier chunks again, retries leave one row each, and a file that is not an image is refused.
 * Then the whole way on: an organizer approves the photo in the gallery and publishes it on the
 * thank-you page, while the poem the host marked "organizers only" can never get there.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { HIGHLIGHT_CHUNK_BYTES } from '$lib/shared/highlight-wire';
import { useHostDevice } from './helpers/host-device';
import { createEventOffline, openReadyApp, syncNow } from './helpers/host';
import { ORGANIZER, logIn } from './helpers/organizer';
import { noisyJpegWithGps } from './helpers/exif-photo';

const device = useHostDevice({
	ORGANIZER_EMAIL: ORGANIZER.email,
	ORGANIZER_PASSWORD: ORGANIZER.password
});
let page: Page;

interface ServerHighlight {
	id: string;
	kind: string;
	body: string;
	author: string;
	consent: string;
	media_size: number | null;
	media_received: number;
	completed_at: number | null;
}

function serverHighlights(): ServerHighlight[] {
	const db = new Database(join(device.server.dataDir, 'letterday.sqlite'), { readonly: true });
	try {
		return db
			.prepare(
				'SELECT id, kind, body, author, consent, media_size, media_received, completed_at FROM highlights'
			)
			.all() as ServerHighlight[];
	} finally {
		db.close();
	}
}

/** Rows of the device's highlights tables, as raw IndexedDB holds them. */
function deviceCount(table: 'highlights' | 'highlightPhotos'): Promise<number> {
	return page.evaluate(
		(table) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('letterday');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const count = open.result.transaction(table).objectStore(table).count();
					count.onsuccess = () => {
						open.result.close();
						resolve(count.result);
					};
				};
			}),
		table
	);
}

const statuses = async () =>
	(await page.getByTestId('highlight-status').allTextContents()).map((text) => text.trim());

/** Chunk offsets the page asked for, in order (aborted ones included). */
const chunks: number[] = [];

describe('highlights on the host device', () => {
	it('adds a photo and a poem offline, refuses a file that is not an image', async () => {
		page = await openReadyApp(device.context, device.server.url);
		await device.context.setOffline(true);
		await createEventOffline(page, 'Highlights write-in');
		await page.getByRole('link', { name: 'Highlights', exact: true }).click();
		await page.getByRole('heading', { level: 1, name: 'Highlights' }).waitFor();
		await page.getByTestId('hl-empty').waitFor();

		const photo = await noisyJpegWithGps(page);
		expect(photo.includes(Buffer.from('Exif'))).toBe(true);
		await page.getByTestId('hl-file').setInputFiles({
			name: 'room.jpg',
			mimeType: 'image/jpeg',
			buffer: photo
		});
		await page.getByRole('heading', { name: 'New photo' }).waitFor({ timeout: 30_000 });
		await page.getByLabel('Caption (optional)').fill('Test caption for the suite');
		await page.getByRole('checkbox', { name: 'Anonymous: no name' }).check();
		await page.getByRole('radio', { name: 'May be published by the organizers' }).check();
		await page.getByRole('button', { name: 'Save' }).click();
		await expect.poll(() => statuses()).toEqual(['Waiting to send']);

		await page.getByRole('button', { name: 'Add words' }).click();
		await page.getByRole('radio', { name: 'Poem' }).check();
		await page.getByLabel('The words').fill('Test poem for the suite\nline two');
		await page.getByLabel('Author’s first name').fill('Sam');
		await page.getByRole('button', { name: 'Save' }).click();
		// No consent chosen: refused, said, nothing stored.
		await page
			.getByRole('alert')
			.getByText('Choose whether the organizers may publish it')
			.waitFor();
		expect(await deviceCount('highlights')).toBe(1);
		await page.getByRole('radio', { name: 'For the organizers only' }).check();
		await page.getByRole('button', { name: 'Save' }).click();
		await expect.poll(() => statuses()).toEqual(['Waiting to send', 'Waiting to send']);

		await page.getByTestId('hl-file').setInputFiles({
			name: 'notes.jpg',
			mimeType: 'image/jpeg',
			buffer: Buffer.from('These are notes, not a photo.')
		});
		await expect
			.poll(() => page.getByTestId('hl-photo-problem').textContent())
			.toMatch(/not a photo this device can read/);
		expect(await page.getByRole('heading', { name: 'New photo' }).count()).toBe(0);
		expect(await deviceCount('highlights')).toBe(2);
		expect(await deviceCount('highlightPhotos')).toBe(1);
	});

	it('keeps both across a reload, still offline', async () => {
		await page.reload();
		await expect.poll(() => statuses()).toEqual(['Waiting to send', 'Waiting to send']);
		await expect
			.poll(() => page.locator('blockquote').textContent())
			.toBe('Test poem for the suite\nline two');
		expect(await page.locator('img.thumb').count()).toBe(1);
	});

	it('sends both once back online; a cut mid-photo resumes from the server’s received', async () => {
		let cut = false;
		await page.route('**/highlights/*/photo?offset=*', async (route) => {
			const offset = Number(new URL(route.request().url()).searchParams.get('offset'));
			chunks.push(offset);
			if (offset === HIGHLIGHT_CHUNK_BYTES && !cut) {
				cut = true;
				await route.abort('connectionreset');
				return;
			}
			await route.continue();
		});
		await page.getByRole('link', { name: 'Highlights write-in' }).last().click();
		await device.context.setOffline(false);
		await expect.poll(() => cut, { timeout: 30_000 }).toBe(true);
		// The round stopped at the cut: the server holds the photo's first chunk, nothing is whole
		// (the poem, made after the photo, waits its turn).
		await expect
			.poll(() => serverHighlights().map((row) => [row.kind, row.media_received]))
			.toEqual([['photo', HIGHLIGHT_CHUNK_BYTES]]);
		expect(serverHighlights().filter((row) => row.completed_at !== null)).toHaveLength(0);
		await syncNow(page);
		await expect
			.poll(() => serverHighlights().filter((row) => row.completed_at !== null).length, {
				timeout: 30_000
			})
			.toBe(2);
		// Chunk 0 once; the cut chunk again, from the server's received; no chunk after it twice.
		expect(chunks[0]).toBe(0);
		expect(chunks.filter((offset) => offset === 0)).toHaveLength(1);
		expect(chunks.filter((offset) => offset === HIGHLIGHT_CHUNK_BYTES)).toHaveLength(2);
		expect(new Set(chunks).size).toBe(chunks.length - 1);
		expect(chunks.length).toBeGreaterThanOrEqual(4);
	});

	it('stores the photo whole, without EXIF, and the poem with its line breaks', async () => {
		const rows = serverHighlights();
		const photo = rows.find((row) => row.kind === 'photo')!;
		const poem = rows.find((row) => row.kind === 'poem')!;
		expect(poem).toMatchObject({
			body: 'Test poem for the suite\nline two',
			author: 'Sam',
			consent: 'organizers'
		});
		expect(photo).toMatchObject({
			body: 'Test caption for the suite',
			author: '',
			consent: 'publish'
		});
		const bytes = readFileSync(join(device.server.dataDir, 'media', photo.id));
		expect(bytes.length).toBe(Number(photo.media_size));
		expect(bytes.length).toBeGreaterThan(HIGHLIGHT_CHUNK_BYTES * 2);
		expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
		expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
	});

	it('shows both sent, read-only, and another sync adds no row', async () => {
		await page.getByRole('link', { name: 'Highlights', exact: true }).click();
		await expect.poll(() => statuses()).toEqual(['Sent', 'Sent']);
		expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
		await page.getByRole('link', { name: 'Highlights write-in' }).last().click();
		const before = chunks.length;
		await syncNow(page);
		await page.waitForTimeout(1000);
		expect(serverHighlights()).toHaveLength(2);
		expect(chunks.length).toBe(before);
	});

	it('reaches the organizers: approved in the gallery, published on the thank-you page', async () => {
		const organizer = await device.context.newPage();
		await logIn(organizer, device.server.url);
		await organizer.goto(`${device.server.url}/organizer/highlights`, { waitUntil: 'networkidle' });
		const rowOf = (kind: string) => serverHighlights().find((row) => row.kind === kind)!;
		const photo = rowOf('photo');
		const poem = rowOf('poem');
		const poemCard = organizer.locator(`#card-${poem.id}`);
		expect(await poemCard.innerText()).toContain('Organizers only');
		expect(await poemCard.getByRole('button', { name: 'Approve' }).count()).toBe(0);
		const photoCard = organizer.locator(`#card-${photo.id}`);
		await photoCard.getByRole('button', { name: 'Approve' }).click();
		await expect.poll(() => photoCard.getByRole('button', { name: 'Hide' }).count()).toBe(1);

		// The event's year (createEventOffline dates it 2026-12-10).
		await organizer.goto(`${device.server.url}/organizer/thanks?year=2026&page=en`, {
			waitUntil: 'networkidle'
		});
		await organizer.getByLabel('Title').fill('Test thank-you page');
		await organizer.getByLabel('Message to participants').fill('Test message.');
		const picks = organizer.getByTestId('thanks-picks');
		expect(await picks.innerText()).not.toContain('Test poem for the suite');
		await picks.getByRole('checkbox').check();
		await organizer.getByRole('button', { name: 'Save and publish' }).click();
		await expect
			.poll(() => organizer.getByTestId('thanks-done').textContent())
			.toBe('The page is published.');
		await organizer.close();

		const html = await (await fetch(`${device.server.url}/c/en/thanks/2026`)).text();
		expect(html).toContain('Test caption for the suite');
		expect(html).not.toContain('Test poem for the suite');
		const served = await fetch(`${device.server.url}/c/photo/${photo.id}`);
		expect(served.status).toBe(200);
		const stored = readFileSync(join(device.server.dataDir, 'media', photo.id));
		expect(Buffer.from(await served.arrayBuffer()).equals(stored)).toBe(true);
		expect((await fetch(`${device.server.url}/c/photo/${poem.id}`)).status).toBe(404);
	});
});
