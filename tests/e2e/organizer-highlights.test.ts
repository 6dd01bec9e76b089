/**
 * The organizers' gallery in a real Chromium against the built server: highlights as the upload
 * leaves them (a row and a file under DATA_DIR/media). Without a session neither a photo nor the
 * zip is reachable; with one, an organizer approves a photo through its card's button (with
 * JavaScript, and without it), an organizers-only one offers no Approve, the photo is served
 * with its type and private caching, and the zip downloaded from the page holds exactly the
 * approved highlights, photo bytes as stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { neutralise } from '$lib/server/organizer/table-file';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { chromium, launchOptions } from './helpers/chromium';
import { drawTestPhoto, seedHighlights } from './helpers/highlights';
import { ORGANIZER, SentCounts, logIn, randomId, testEvent } from './helpers/organizer';

let server: AppServer;
let browser: Browser;
let page: Page;
let photo: Uint8Array;
const ids = { photo: '', private: '', poem: '' };
const hall = testEvent({
	name: 'Test hall write-in',
	venue: 'Test hall',
	city: 'Winnipeg',
	province: 'MB',
	date: '2026-12-05'
});

beforeAll(async () => {
	server = await startAppServer({
		ORGANIZER_EMAIL: ORGANIZER.email,
		ORGANIZER_PASSWORD: ORGANIZER.password
	});
	// The event registers itself by syncing, as a host's device does.
	await new SentCounts().sync(server.url, hall, randomId(), []);
	browser = await chromium.launch(launchOptions());
	page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
	await page.goto(`${server.url}/organizer/login`);
	photo = await drawTestPhoto(page, { width: 800, height: 600, hue: 40, label: 'Test photo' });
	const now = Date.now();
	const [photoId, privateId, poemId] = seedHighlights(server.dataDir, [
		{
			eventId: hall.id,
			kind: 'photo',
			body: 'Test caption for the suite',
			author: 'Zoé',
			createdAt: now - 3000,
			photo: { bytes: photo, width: 800, height: 600 }
		},
		{
			eventId: hall.id,
			kind: 'photo',
			consent: 'organizers',
			createdAt: now - 2000,
			photo: { bytes: photo, width: 800, height: 600 }
		},
		{
			eventId: hall.id,
			kind: 'poem',
			body: 'Test poem for the suite,\nsecond line.',
			createdAt: now - 1000
		}
	]);
	Object.assign(ids, { photo: photoId, private: privateId, poem: poemId });
});

afterAll(async () => {
	await browser?.close();
	await disposeAppServer(server);
});

describe('without an organizer session', () => {
	it('the photo route sends to the login page, never the image', async () => {
		const response = await fetch(`${server.url}/organizer/highlights/${ids.photo}/photo`, {
			redirect: 'manual'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/organizer\/login\?next=/);
		expect(response.headers.get('content-type') ?? '').not.toMatch(/^image\//);
		const body = new Uint8Array(await response.arrayBuffer());
		expect(body.length).toBeLessThan(photo.length);
	});

	it('the zip answers 401 in the API error shape', async () => {
		const response = await fetch(`${server.url}/organizer/export/highlights.zip`);
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({
			error: { code: 'no_session', message: expect.any(String) }
		});
	});

	it('the gallery page sends to the login page', async () => {
		await page.goto(`${server.url}/organizer/highlights`);
		expect(new URL(page.url()).pathname).toBe('/organizer/login');
	});
});

describe('with an organizer session', () => {
	beforeAll(async () => {
		await logIn(page, server.url);
	});

	const card = (id: string) => page.locator(`#card-${id}`);

	it('shows each highlight with its consent and review, the photo loaded', async () => {
		await page.goto(`${server.url}/organizer/highlights`, { waitUntil: 'networkidle' });
		await expect.poll(() => page.locator('article.highlight').count()).toBe(3);
		await expect
			.poll(() => card(ids.photo).locator('.badge').allTextContents())
			.toEqual(['May be published', 'To review']);
		expect(await card(ids.private).locator('.badge').first().textContent()).toContain(
			'Organizers only'
		);
		// An organizers-only highlight can be hidden, never approved.
		expect(await card(ids.private).getByRole('button', { name: 'Approve' }).count()).toBe(0);
		expect(await card(ids.private).getByRole('button', { name: 'Hide' }).count()).toBe(1);
		// The poem keeps its line break.
		expect(await card(ids.poem).locator('blockquote').innerText()).toBe(
			'Test poem for the suite,\nsecond line.'
		);
		const img = card(ids.photo).locator('img');
		await img.scrollIntoViewIfNeeded();
		await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(800);
		expect(await img.getAttribute('alt')).toBe(
			'Photo from Test hall write-in: Test caption for the suite'
		);
		expect(await img.getAttribute('loading')).toBe('lazy');
	});

	it('serves the photo with its type, nosniff and private caching', async () => {
		const response = await page.request.get(
			`${server.url}/organizer/highlights/${ids.photo}/photo`
		);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('image/jpeg');
		expect(response.headers()['x-content-type-options']).toBe('nosniff');
		expect(response.headers()['cache-control']).toMatch(/^private, max-age=\d+$/);
		expect(response.headers()['content-disposition']).toBe('inline');
		expect(Buffer.from(await response.body()).equals(Buffer.from(photo))).toBe(true);
		const missing = await page.request.get(
			`${server.url}/organizer/highlights/${randomId()}/photo`
		);
		expect(missing.status()).toBe(404);
	});

	it('approves a photo through its button, and it stays approved after a reload', async () => {
		await card(ids.photo).getByRole('button', { name: 'Approve' }).click();
		await expect
			.poll(() => card(ids.photo).locator('.badge').nth(1).textContent())
			.toBe('Approved');
		expect(await card(ids.photo).getByRole('status').textContent()).toBe('Saved: Approved.');
		await page.reload();
		expect(await card(ids.photo).locator('.badge').nth(1).textContent()).toBe('Approved');
		expect(await card(ids.photo).getByRole('button', { name: 'Approve' }).count()).toBe(0);
	});

	it('approves without JavaScript too: a plain form post', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		await context.addCookies(await page.context().cookies());
		const plain = await context.newPage();
		try {
			// With a filter on: the answer must keep it (the action's URL carries it).
			await plain.goto(`${server.url}/organizer/highlights?province=MB`);
			await plain.locator(`#card-${ids.poem}`).getByRole('button', { name: 'Approve' }).click();
			await plain.waitForLoadState();
			expect(new URL(plain.url()).searchParams.get('province')).toBe('MB');
			expect(await plain.locator('#province').inputValue()).toBe('MB');
			expect(await plain.locator(`#card-${ids.poem} .badge`).nth(1).textContent()).toBe('Approved');
		} finally {
			await context.close();
		}
	});

	it('downloads the approved highlights as a zip from the page', async () => {
		await page.reload();
		const link = page.getByRole('link', { name: /Download 2 approved highlights/ });
		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toMatch(/^letterday-highlights-\d{4}-\d\d-\d\d\.zip$/);
		const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
		const photoName = `photos/test-hall-write-in-${ids.photo}.jpg`;
		expect(Object.keys(files).sort()).toEqual(['highlights.csv', photoName]);
		expect(Buffer.from(files[photoName]!).equals(Buffer.from(photo))).toBe(true);
		const rows = parse(Buffer.from(files['highlights.csv']!), {
			bom: true,
			columns: true
		}) as Record<string, string>[];
		// An id may start with '-': the CSV writer neutralises it as it does every text cell.
		expect(rows.map((r) => [r.id, r.author, r.photo_file])).toEqual([
			[neutralise(ids.poem), 'anonymous', ''],
			[neutralise(ids.photo), 'Zoé', photoName]
		]);
	});

	it.each(['en', 'fr'])(
		'axe finds nothing on the gallery in %s, and it never scrolls sideways at 320 px',
		async (lang) => {
			await page.setViewportSize({ width: 1280, height: 900 });
			await page.goto(`${server.url}/organizer/highlights?lang=${lang}`, {
				waitUntil: 'networkidle'
			});
			const { violations } = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			expect(
				violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
			).toEqual([]);
			await page.setViewportSize({ width: 320, height: 700 });
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				320
			);
		}
	);
});
