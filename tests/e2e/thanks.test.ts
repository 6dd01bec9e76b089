/**
 * Issue 14's thank-you page and national total in a real Chromium against the built server:
 * an organizer writes and publishes the page in English and French (and is told what is wrong
 * with an empty title); the page renders with JavaScript off, with the synced figures and the
 * chosen highlight; a host's projector shows "Our room · Across Canada" online and only the
 * room offline. Highlights are seeded in the server's SQLite file and media folder: uploading
 * them is another part of the issue.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { EVENT_CASE_ID, type CounterState } from '$lib/shared/domain';
import { formatNumber } from '$lib/shared/i18n/catalog';
import { startAppServer } from './helpers/app-server';
import { chromium, launchOptions } from './helpers/chromium';
import { createEventOffline, openReadyApp, syncNow } from './helpers/host';
import { startHostDevice, stopHostDevice, type HostDevice } from './helpers/host-device';
import { ORGANIZER, SentCounts, isCase, logIn, randomId, testEvent } from './helpers/organizer';

const year = new Date().getUTCFullYear();
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
	'base64'
);
const sent = new SentCounts();
const hall = testEvent({
	name: 'Test hall write-in',
	venue: 'Hall',
	city: 'Sudbury',
	province: 'ON',
	date: `${year}-12-05`
});
const photoId = randomId();
const poemId = randomId();

let device: HostDevice;
let browser: Browser;
let organizer: Page;

beforeAll(async () => {
	device = await startHostDevice(
		startAppServer({ ORGANIZER_EMAIL: ORGANIZER.email, ORGANIZER_PASSWORD: ORGANIZER.password })
	);
	const cases = (
		(await (await fetch(`${device.server.url}/api/cases?lang=en`)).json()) as {
			cases: { id: string }[];
		}
	).cases.map((c) => c.id);
	const counters: CounterState[] = [
		{ caseId: cases[0]!, kind: 'letter', plus: 1200, minus: 3 },
		{ caseId: cases[1]!, kind: 'card', plus: 340, minus: 0 },
		{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 1234, minus: 0 }
	];
	await sent.sync(device.server.url, hall, randomId(), counters);
	const db = new Database(join(device.server.dataDir, 'letterday.sqlite'));
	try {
		const insert = db.prepare(
			`insert into highlights (id, event_id, device_id, kind, body, author, consent, media_type,
			 media_size, media_width, media_height, created_at, received_at, completed_at, review)
			 values (?, ?, 'dev', ?, ?, ?, 'publish', ?, ?, ?, ?, 1, 1, 2, 'approved')`
		);
		insert.run(
			photoId,
			hall.id,
			'photo',
			'Test caption of a test photo',
			'Testa',
			'image/png',
			PNG.length,
			1,
			1
		);
		insert.run(
			poemId,
			hall.id,
			'poem',
			'Test poem line one\nTest poem line two',
			'',
			null,
			null,
			null,
			null
		);
	} finally {
		db.close();
	}
	mkdirSync(join(device.server.dataDir, 'media'), { recursive: true });
	writeFileSync(join(device.server.dataDir, 'media', photoId), PNG);
	browser = await chromium.launch(launchOptions());
	organizer = await (
		await browser.newContext({ viewport: { width: 1280, height: 900 } })
	).newPage();
}, 60_000);

afterAll(async () => {
	await browser?.close();
	await stopHostDevice(device ?? {});
});

async function publish(lang: 'en' | 'fr', title: string) {
	await organizer.goto(`${device.server.url}/organizer/thanks?year=${year}&page=${lang}`, {
		waitUntil: 'networkidle'
	});
	await organizer.getByLabel('Title').fill(title);
	await organizer
		.getByLabel('Message to participants')
		.fill(`Test message in ${lang}.\n\nSecond test paragraph.`);
	await organizer.getByRole('checkbox').nth(0).check();
	await organizer.getByRole('checkbox').nth(1).check();
	await organizer.getByRole('button', { name: 'Save and publish' }).click();
	await expect
		.poll(() => organizer.getByTestId('thanks-done').textContent())
		.toBe('The page is published.');
	await expect
		.poll(() => organizer.getByTestId('thanks-status').textContent())
		.toMatch(/Published on/);
}

describe('organizer', () => {
	it('is told what is wrong with an empty title, and nothing is published', async () => {
		await logIn(organizer, device.server.url);
		await organizer.getByRole('navigation').getByRole('link', { name: 'Thank-you page' }).click();
		await organizer.waitForURL(/\/organizer\/thanks/);
		await organizer.waitForLoadState('networkidle');
		await organizer.getByLabel('Message to participants').fill('Test message only.');
		await organizer.getByRole('button', { name: 'Save and publish' }).click();
		const summary = organizer.locator('.error-summary');
		await summary.waitFor();
		expect(await summary.innerText()).toContain('Enter a title');
		expect((await fetch(`${device.server.url}/c/en/thanks/${year}`)).status).toBe(404);
	});

	it('lists the approved highlights with their credit', async () => {
		const picks = await organizer.getByTestId('thanks-picks').innerText();
		expect(picks).toContain('Test caption of a test photo');
		expect(picks).toContain('Testa');
		expect(picks).toContain('Anonymous');
	});

	it('publishes the page in English and in French', async () => {
		await publish('en', 'Test thank-you page');
		await publish('fr', 'Page de remerciement de test');
		for (const lang of ['en', 'fr']) {
			expect((await fetch(`${device.server.url}/c/${lang}/thanks/${year}`)).status).toBe(200);
		}
	});
});

describe('public page with JavaScript off', () => {
	it.each(['en', 'fr'] as const)(
		'renders in %s with the synced figures and the highlights',
		async (lang) => {
			const context = await browser.newContext({
				javaScriptEnabled: false,
				viewport: { width: 390, height: 844 }
			});
			const page = await context.newPage();
			await page.goto(`${device.server.url}/c/${lang}/thanks/${year}`);
			await page.getByRole('heading', { level: 1 }).waitFor();
			expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
				lang === 'en' ? 'Test thank-you page' : 'Page de remerciement de test'
			);
			const figures = await page.getByTestId('thanks-figures').innerText();
			const people = sent.sum((_, c) => c.kind === 'participants');
			const letters = sent.sum((_, c) => c.kind === 'letter' || c.kind === 'card');
			expect(figures).toContain(formatNumber(people, lang));
			expect(figures).toContain(formatNumber(letters, lang));
			const highlights = page.getByTestId('thanks-highlights');
			expect(await highlights.innerText()).toContain('Test poem line two');
			expect(await highlights.innerText()).toContain(lang === 'en' ? 'Anonymous' : 'Anonyme');
			const img = highlights.locator('img');
			// Loaded: the photo route answered with the image (its width is scaled by srcset's 1w).
			await expect
				.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0))
				.toBe(true);
			// Never scrolls sideways on a phone.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				390
			);
			await context.close();
		}
	);
});

describe('accessibility', () => {
	const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
	it.each(['en', 'fr'] as const)(
		'axe finds nothing on the public page and the editor in %s',
		async (lang) => {
			for (const path of [
				`/c/${lang}/thanks/${year}`,
				`/organizer/thanks?year=${year}&page=${lang}&lang=${lang}`
			]) {
				await organizer.goto(`${device.server.url}${path}`, { waitUntil: 'networkidle' });
				const { violations } = await new AxeBuilder({ page: organizer })
					.withTags(WCAG_TAGS)
					.analyze();
				expect(
					violations.map(
						(v) => `${path}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
					)
				).toEqual([]);
			}
		}
	);
});

describe('projector', () => {
	it('shows the national total online and only the room offline', async () => {
		const page = await openReadyApp(device.context, device.server.url);
		await createEventOffline(page, 'Projector test evening');
		const add = page.getByRole('button', { name: /^Add one Appeal letters for / }).first();
		for (let i = 0; i < 3; i++) {
			const before = await add.getAttribute('aria-label');
			await add.click();
			await expect.poll(() => add.getAttribute('aria-label')).not.toBe(before);
		}
		await syncNow(page);
		const eventId = new URL(page.url()).searchParams.get('id')!;
		await page.goto(`${device.server.url}/event/projector?id=${eventId}`);
		const line = page.getByTestId('projector-national');
		await line.waitFor();
		const national = (
			(await (await fetch(`${device.server.url}/api/national-total`)).json()) as { total: number }
		).total;
		expect(national).toBeGreaterThanOrEqual(sent.sum((_, c) => isCase(c)));
		const text = (await line.innerText()).replace(/\s+/g, ' ');
		expect(text).toBe(`Our room: 3 · Across Canada: ${formatNumber(national, 'en')}`);
		await device.context.setOffline(true);
		await line.waitFor({ state: 'detached' });
		expect((await page.getByTestId('projector-total').innerText()).replace(/\s+/g, ' ')).toContain(
			'3'
		);
		await device.context.setOffline(false);
		await line.waitFor();
	});
});
