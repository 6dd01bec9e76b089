/**
 * Report by QR, end to end: a host device that never sees a network shows its report code; a
 * second, online browser (a participant's phone) opens the link read from a screenshot of that
 * code, and the server's totals equal the host's counts. Relaying again changes nothing, a
 * tampered code is refused in plain words, an event too big for one code goes through the
 * animated multi-code path, and the host's later sync doubles nothing.
 *
 * Set REPORT_SHOTS=<dir> to keep screenshots of the report screen and the relay page at three
 * sizes in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { relayMessages } from '$lib/shared/i18n/relay';
import { toBase64Url } from '$lib/shared/p256';
import {
	MAX_CODE_CHARS,
	decodeReport,
	encodeReportBody,
	parseReportFragment
} from '$lib/shared/report';
import { startAppServer, type AppServer } from './helpers/app-server';
import { startHostDevice, stopHostDevice } from './helpers/host-device';
import { CHROMIUM_ARGS } from '../../bench/chromium.js';
import { chromium, launchOptions, type Profile } from './helpers/chromium';
import { writeQrVideo } from './helpers/fake-camera';
import { createEventOffline, openReadyApp, syncNow, syncSheetText, tapAdd } from './helpers/host';
import { englishOnlyFragments, findFragments, readableText } from './helpers/host-screens';
import { decodeQr } from './helpers/qr';

const SHOTS = process.env.REPORT_SHOTS;
const SIZES = [
	{ width: 390, height: 844 },
	{ width: 768, height: 1024 },
	{ width: 1280, height: 800 }
];

let server: AppServer;
let profile: Profile;
let context: BrowserContext;
let host: Page;
let browser: Browser;
let phone: BrowserContext;

beforeAll(async () => {
	({ server, profile, context } = await startHostDevice(startAppServer()));
	browser = await chromium.launch(launchOptions());
	phone = await browser.newContext({ viewport: SIZES[0], isMobile: true, hasTouch: true });
	if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
	await phone?.close();
	await browser?.close();
	await stopHostDevice({ server, profile, context });
});

/** What the server holds for an event, read from its SQLite file: per kind, and every row. */
function serverState(eventId: string) {
	const db = new Database(join(server.dataDir, 'letterday.sqlite'), { readonly: true });
	try {
		const kinds = db
			.prepare(
				'select kind, sum(plus - minus) as total from counters where event_id = ? group by kind order by kind'
			)
			.all(eventId) as { kind: string; total: number }[];
		const rows = db
			.prepare('select * from counters where event_id = ? order by device_id, case_id, kind')
			.all(eventId);
		return { totals: Object.fromEntries(kinds.map((k) => [k.kind, k.total])), rows };
	} finally {
		db.close();
	}
}

/** This device's own totals per kind, as the event screen shows them. */
async function hostTotals(page: Page): Promise<Record<string, number>> {
	const totals: Record<string, number> = {};
	for (const kind of ['letter', 'card', 'petition', 'online', 'participants', 'firstTimers']) {
		const value = Number((await page.getByTestId(`own-${kind}`).textContent())!.replace(/\D/g, ''));
		if (value !== 0) totals[kind] = value;
	}
	return totals;
}

async function openReportScreen(page: Page) {
	await page.getByRole('link', { name: 'Report by QR' }).click();
	await page.getByTestId('report-qr').locator('svg').waitFor();
}

async function shoot(page: Page, name: string) {
	if (!SHOTS) return;
	for (const size of SIZES) {
		await page.setViewportSize(size);
		await page.screenshot({ path: join(SHOTS, `${name}-${size.width}.png`), fullPage: true });
	}
	await page.setViewportSize(SIZES[0]!);
}

/** Relay screenshots in both languages: the page's switch, then back. */
async function shootRelay(page: Page, name: string) {
	if (!SHOTS) return;
	await shoot(page, `relay-${name}-en`);
	await page.getByRole('button', { name: 'Lire cette page en français' }).click();
	await shoot(page, `relay-${name}-fr`);
	await page.getByRole('button', { name: 'Read this page in English' }).click();
}

async function expectAxeClean(page: Page) {
	const axe = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(axe.violations).toEqual([]);
}

async function relay(link: string): Promise<Page> {
	const page = await phone.newPage();
	await page.goto(link);
	return page;
}

describe('report by QR', () => {
	let eventId = '';
	let link = '';
	let counts: Record<string, number> = {};

	it('a host with the network off shows a report code', async () => {
		host = await openReadyApp(context, server.url);
		await context.setOffline(true);
		await createEventOffline(host, 'Library write-in');
		eventId = new URL(host.url()).searchParams.get('id')!;
		const names = await host.locator('article.case h3').allTextContents();
		const [first, second] = names.map((n) => n.split(' · ')[0]!.trim());
		await tapAdd(host, 'Appeal letters', first!, 4);
		await tapAdd(host, 'Solidarity cards', first!, 1);
		await tapAdd(host, 'Appeal letters', second!, 2);
		await tapAdd(host, 'Participants', 'this event', 6);
		counts = await hostTotals(host);
		expect(counts).toEqual({ letter: 6, card: 1, participants: 6 });

		await openReportScreen(host);
		expect(await host.getByTestId('report-step').count()).toBe(0);
		link = (await decodeQr(host.getByTestId('report-qr').locator('svg')))!;
		expect(link).toMatch(new RegExp(`^${server.url}/r#[A-Za-z0-9_-]+$`));
		expect(await host.getByTestId('report-totals').innerText()).toContain('Appeal letters: 6');
		if (SHOTS) {
			await shoot(host, 'report-single-en');
			await host.getByRole('button', { name: 'Afficher en français' }).click();
			await shoot(host, 'report-single-fr');
			await host.getByRole('button', { name: 'Show in English' }).click();
		}
	});

	it('an online phone opens the link and the server’s totals equal the host’s counts', async () => {
		const started = Date.now();
		const page = await relay(link);
		await expect
			.poll(() => page.getByTestId('relay-status').innerText())
			.toContain(
				'Sent: 6\u00a0appeal letters, 1\u00a0solidarity card and 6\u00a0participants for “Library write-in”'
			);
		expect(Date.now() - started).toBeLessThan(60_000);
		expect(await page.getByTestId('relay-report').innerText()).toContain(
			'“Library write-in”, Moncton'
		);
		expect(serverState(eventId).totals).toEqual(counts);
		await expectAxeClean(page);
		// The whole page in French, no English left but the names the host typed.
		await page.getByRole('button', { name: 'Lire cette page en français' }).click();
		await expect
			.poll(() => page.getByTestId('relay-status').innerText())
			.toContain(
				'Envoyé\u00a0: 6\u00a0lettres d’appel, 1\u00a0carte de solidarité et 6\u00a0participants'
			);
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
		const english = englishOnlyFragments(relayMessages, ['otherLanguage', 'otherLanguageLabel']);
		const text = (await readableText(page)).replaceAll('Library write-in', '');
		expect(findFragments(text, english)).toEqual([]);
		await page.getByRole('button', { name: 'Read this page in English' }).click();
		await shootRelay(page, 'sent');
		await page.close();
	});

	it('relaying the same code again changes nothing', async () => {
		const before = serverState(eventId);
		const page = await relay(link);
		await expect.poll(() => page.getByTestId('relay-status').innerText()).toContain('Sent:');
		expect(serverState(eventId)).toEqual(before);
		await page.close();
	});

	it('a tampered code is refused with a clear message, and nothing changes', async () => {
		const fragment = parseReportFragment(link);
		if (fragment?.kind !== 'whole') throw new Error('expected one code');
		const decoded = decodeReport(fragment.payload);
		if (!decoded.ok) throw new Error(decoded.message);
		const { snapshot, publicKey, signature } = decoded.value;
		const body = encodeReportBody(
			{
				eventId,
				deviceId: snapshot.deviceId,
				event: snapshot.event as never,
				keyHash: decoded.value.keyHash,
				counters: snapshot.counters.map((c) => ({ ...c, plus: c.plus * 10 }))
			},
			publicKey
		);
		const forged = new Uint8Array(body.length + signature.length);
		forged.set(body);
		forged.set(signature, body.length);
		const before = serverState(eventId);
		const page = await relay(`${server.url}/r#${toBase64Url(forged)}`);
		await expect
			.poll(() => page.getByTestId('relay-error').innerText())
			.toBe('This code was changed after it was made, so nothing was counted.');
		expect(serverState(eventId)).toEqual(before);
		await expectAxeClean(page);
		await shootRelay(page, 'tampered');
		await page.close();
	});

	let bigId = '';
	let bigCounts: Record<string, number> = {};
	/** Screenshots of the multi-code report's codes, in order. */
	const bigShots: Buffer[] = [];
	let firstLink = '';

	it('an oversized event goes through the multi-code path', async () => {
		await host.getByRole('link', { name: 'Events' }).click();
		await host.getByRole('link', { name: 'New event' }).click();
		const name =
			`Grande soirée d’écriture de lettres pour les droits humains, ${'avec café et biscuits, '.repeat(6)}`
				.slice(0, 200)
				.trim();
		await host.getByLabel('Event name').fill(name);
		await host
			.getByLabel('Venue')
			.fill('Salle communautaire Saint-Jean-Baptiste, '.repeat(5).slice(0, 200).trim());
		await host
			.getByLabel('City or town')
			.fill('Saint-Jean-sur-Richelieu '.repeat(4).slice(0, 100).trim());
		await host.getByLabel('Province or territory').selectOption('QC');
		await host.getByLabel('Date').fill('2026-12-10');
		await host.getByRole('button', { name: 'Create event' }).click();
		await host.getByRole('heading', { level: 1, name }).waitFor();
		await expect.poll(() => host.locator('article.case').count()).toBeGreaterThanOrEqual(8);
		bigId = new URL(host.url()).searchParams.get('id')!;
		const names = (await host.locator('article.case h3').allTextContents()).map((n) =>
			n.split(' · ')[0]!.trim()
		);
		for (const [i, caseName] of names.entries()) {
			await tapAdd(host, 'Appeal letters', caseName, 1 + (i % 3));
			await tapAdd(host, 'Online actions', caseName, 1);
		}
		await tapAdd(host, 'Participants', 'this event', 3);
		bigCounts = await hostTotals(host);

		await openReportScreen(host);
		const step = host.getByTestId('report-step');
		await step.waitFor();
		const count = Number(/code \d+ of (\d+)/.exec((await step.textContent())!)![1]);
		expect(count).toBeGreaterThanOrEqual(3);
		await host.getByRole('button', { name: 'Pause' }).click();
		const links: string[] = [];
		for (let i = 0; i < count; i++) {
			const shown = Number(/code (\d+) of/.exec((await step.textContent())!)![1]);
			const svg = host.getByTestId('report-qr').locator('svg');
			links[shown - 1] = (await decodeQr(svg))!;
			bigShots[shown - 1] = await svg.screenshot();
			if (SHOTS && i === 0) {
				await shoot(host, 'report-multi-en');
				await host.getByRole('button', { name: 'Afficher en français' }).click();
				await shoot(host, 'report-multi-fr');
				await host.getByRole('button', { name: 'Show in English' }).click();
			}
			await host.getByRole('button', { name: 'Next code' }).click();
		}
		expect(links.filter(Boolean)).toHaveLength(count);
		firstLink = links[0]!;

		// Asked for less motion, the codes wait for "Next code".
		await host.emulateMedia({ reducedMotion: 'reduce' });
		await host.reload();
		await step.waitFor();
		expect(await step.textContent()).toContain(`code 1 of ${count}`);
		await host.waitForTimeout(2500);
		expect(await step.textContent()).toContain(`code 1 of ${count}`);
		expect(await host.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed')).toBe(
			'true'
		);
		await host.emulateMedia({ reducedMotion: 'no-preference' });
		for (const part of links) expect(part.length).toBeLessThanOrEqual(MAX_CODE_CHARS);

		// Each code opened in its own tab, as a phone's camera app does; the last one sends.
		const pages: Page[] = [];
		for (const [i, part] of links.entries()) {
			const page = await relay(part);
			pages.push(page);
			if (i < count - 1) {
				await expect
					.poll(() => page.getByTestId('relay-status').innerText())
					.toContain(`${i + 1} of ${count} codes received. Scan the next one.`);
				expect(serverState(bigId).rows).toEqual([]);
				if (i === 1) {
					await expectAxeClean(page);
					await shootRelay(page, 'parts');
				}
			}
		}
		const last = pages.at(-1)!;
		await expect.poll(() => last.getByTestId('relay-status').innerText()).toContain('Sent:');
		expect(serverState(bigId).totals).toEqual(bigCounts);
		// The tabs opened first learn from the last one that the report went.
		await expect
			.poll(() => pages[0]!.getByTestId('relay-status').innerText())
			.toBe(
				'All the codes arrived in another tab, which sends the report. You can close this one.'
			);
		for (const page of pages) await page.close();
	});

	it('the relay page scans the other codes with the phone’s camera and sends once whole', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'letterday-camera-'));
		const video = join(dir, 'host-screen.y4m');
		// The camera sees the host's screen cycle through codes 2 to n.
		writeQrVideo(video, bigShots.slice(1));
		const cameraPhone = await chromium.launch(
			launchOptions({
				args: [
					...CHROMIUM_ARGS,
					'--use-fake-device-for-media-stream',
					'--use-fake-ui-for-media-stream',
					`--use-file-for-fake-video-capture=${video}`
				]
			})
		);
		try {
			const context = await cameraPhone.newContext({ viewport: SIZES[0], isMobile: true });
			const page = await context.newPage();
			await page.goto(firstLink);
			await expect
				.poll(() => page.getByTestId('relay-status').innerText())
				.toContain(`1 of ${bigShots.length} codes received`);
			await page.getByRole('button', { name: 'Scan the next code' }).click();
			await expect
				.poll(() => page.getByTestId('relay-status').innerText(), { timeout: 30_000 })
				.toContain('Sent:');
			expect(serverState(bigId).totals).toEqual(bigCounts);
			await expect.poll(() => page.locator('video').count()).toBe(0);
		} finally {
			await cameraPhone.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('shows the report before sending, and waits while the phone is offline', async () => {
		// The page loaded, then the connection dropped before the code was read.
		const page = await relay(`${server.url}/r`);
		await expect
			.poll(() => page.getByTestId('relay-error').innerText())
			.toContain('No report in this link.');
		await phone.setOffline(true);
		await page.evaluate((hash) => (location.hash = hash), new URL(link).hash);
		await expect
			.poll(() => page.getByTestId('relay-status').innerText())
			.toContain('Your phone has no connection right now.');
		expect(await page.getByTestId('relay-report').innerText()).toContain('6\u00a0appeal letters');
		await expectAxeClean(page);
		await shootRelay(page, 'before-send');
		await phone.setOffline(false);
		await expect.poll(() => page.getByTestId('relay-status').innerText()).toContain('Sent:');
		await page.close();
	});

	it('the host syncs later, online: nothing is counted twice', async () => {
		await context.setOffline(false);
		await host.goto(`${server.url}/event?id=${eventId}`);
		await syncNow(host);
		await expect
			.poll(() => syncSheetText(host, 'sync-waiting'))
			.toBe('Everything counted on this device has been sent.');
		expect(serverState(eventId).totals).toEqual(counts);
		// The relayed counts are this device's own: still one device, so no "all tables" figures.
		expect(await host.getByTestId('own-letter').textContent()).toBe('6');
		expect(await host.getByTestId('all-letter').count()).toBe(0);
	});
});
