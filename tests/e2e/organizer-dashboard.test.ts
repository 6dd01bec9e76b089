/**
 * The organizers' side in a real Chromium against the built server: three events in three
 * provinces, two devices each (API clients sending sync requests, undo included); an organizer
 * logs in through the page, reads the national total, filters the events by province, sorts
 * them, downloads the three CSV files and checks every sum in them against what the devices
 * sent; no session means 401 for every export and the login page for every page; axe finds
 * nothing on the four pages in English and French, which never scroll sideways at 320 px; and
 * one more sync shows on the open dashboard without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { CASE_KINDS, EVENT_CASE_ID, LOCALES, type CounterState } from '$lib/shared/domain';
import { formatNumber } from '$lib/shared/i18n/catalog';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { chromium, launchOptions } from './helpers/chromium';
import {
	ORGANIZER,
	SentCounts,
	isCase,
	logIn,
	randomId,
	testEvent,
	type TestEvent
} from './helpers/organizer';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const EXPORTS = ['cases', 'events', 'provinces'].flatMap((t) => [`${t}.csv`, `${t}.json`]);

let server: AppServer;
let browser: Browser;
let page: Page;
let cases: string[];
const sent = new SentCounts();

const quebec = testEvent({
	name: 'Écrire, c’est agir — Québec',
	venue: 'Bibliothèque Gabrielle-Roy',
	city: 'Québec',
	province: 'QC',
	date: day(10)
});
const ottawa = testEvent({
	name: 'Library write-in',
	venue: 'Main branch',
	city: 'Ottawa',
	province: 'ON',
	date: day(-1)
});
// Held a month ago, last heard of before its day: on both follow-up lists.
const victoria = testEvent({
	name: 'Island writers',
	venue: 'Oak Bay church',
	city: 'Victoria',
	province: 'BC',
	date: day(-30)
});
const events = [quebec, ottawa, victoria];

function countersFor(seed: number): CounterState[] {
	const all: CounterState[] = [
		{ caseId: cases[0]!, kind: 'letter', plus: 10 + seed, minus: seed % 3 },
		{ caseId: cases[0]!, kind: 'card', plus: 3 + seed, minus: 0 },
		{ caseId: cases[1]!, kind: 'petition', plus: 20 + 2 * seed, minus: 1 },
		{ caseId: cases[2]!, kind: 'online', plus: seed + 1, minus: 0 },
		{ caseId: cases[seed % cases.length]!, kind: 'letter', plus: 0, minus: 0 },
		{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 8 + seed, minus: 1 },
		{ caseId: EVENT_CASE_ID, kind: 'firstTimers', plus: 2 + (seed % 4), minus: 0 }
	];
	// One counter per (case, kind): the extra zero letter may land on case 0.
	return all.filter(
		(c, i) => all.findIndex((o) => o.caseId === c.caseId && o.kind === c.kind) === i
	);
}

const nationalTotal = () => sent.sum((_, c) => isCase(c));

beforeAll(async () => {
	server = await startAppServer({
		ORGANIZER_EMAIL: ORGANIZER.email,
		ORGANIZER_PASSWORD: ORGANIZER.password
	});
	const pack = (await (await fetch(`${server.url}/api/cases?lang=en`)).json()) as {
		cases: { id: string }[];
	};
	cases = pack.cases.map((c) => c.id);
	let seed = 1;
	for (const event of events) {
		for (let device = 0; device < 2; device++) {
			const contact =
				event === victoria && device === 0
					? { groupName: 'Amnesty Victoria group', email: 'w4r.victoria@example.org' }
					: undefined;
			await sent.sync(server.url, event, randomId(), countersFor(seed++), contact);
		}
	}
	// The server stamps syncs with its own clock: make Victoria's last sync 40 days old.
	const db = new Database(join(server.dataDir, 'letterday.sqlite'));
	try {
		db.prepare('update events set last_sync_at = ? where id = ?').run(
			Date.now() - 40 * DAY,
			victoria.id
		);
	} finally {
		db.close();
	}
	browser = await chromium.launch(launchOptions());
	page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
});

afterAll(async () => {
	await browser?.close();
	await disposeAppServer(server);
});

describe('without a session', () => {
	it.each(EXPORTS)('%s answers 401 in the API error shape', async (file) => {
		const response = await fetch(`${server.url}/organizer/export/${file}`);
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({
			error: { code: 'no_session', message: expect.any(String) }
		});
	});

	it('the live version answers 401 too', async () => {
		expect((await fetch(`${server.url}/organizer/api/version`)).status).toBe(401);
	});

	it.each(['/organizer', '/organizer/events?province=QC', '/organizer/follow-up', 'event'])(
		'%s sends the browser to the login page',
		async (path) => {
			const target = path === 'event' ? `/organizer/events/${quebec.id}` : path;
			await page.goto(`${server.url}${target}`);
			expect(new URL(page.url()).pathname).toBe('/organizer/login');
			expect(new URL(page.url()).searchParams.get('next')).toBe(target);
		}
	);
});

describe('with a session', () => {
	beforeAll(async () => {
		await logIn(page, server.url);
	});

	it('shows the national total and the people', async () => {
		await page.goto(`${server.url}/organizer?lang=en`);
		const grand = page.locator('.figures .grand .value');
		expect(await grand.textContent()).toBe(formatNumber(nationalTotal(), 'en'));
		for (const kind of CASE_KINDS) {
			const card = page.locator('.figures.kinds li').filter({ hasNotText: 'human rights' });
			const texts = await card.allTextContents();
			const expected = formatNumber(
				sent.sum((_, c) => isCase(c) && c.kind === kind),
				'en'
			);
			expect(
				texts.some((text) => text.trim().startsWith(expected)),
				`${kind}: ${texts}`
			).toBe(true);
		}
		const people = await page.locator('section.people').textContent();
		expect(people).toContain(
			formatNumber(
				sent.sum((_, c) => c.kind === 'participants'),
				'en'
			)
		);
		// The follow-up summary counts Victoria on both lists.
		const summary = await page.locator('.follow-up-summary').textContent();
		expect(summary).toContain('1 event has not reported since its day.');
		expect(summary).toContain('1 event has not synced for 7 days or more.');
	});

	it('filters the events by province with the GET form, and sorts them', async () => {
		await page.goto(`${server.url}/organizer/events?lang=en`);
		expect(await page.locator('table.events tbody tr').count()).toBe(3);
		await page.getByLabel('Province or territory').selectOption('QC');
		await page.getByRole('button', { name: 'Show events' }).click();
		await page.waitForURL(/province=QC/);
		const rows = page.locator('table.events tbody tr');
		await expect.poll(() => rows.count()).toBe(1);
		expect(await rows.first().locator('th').textContent()).toContain(quebec.details.name);
		expect(await page.locator('p.count').textContent()).toContain('1 event of 3');
		// The province sums beside the list cover Quebec only.
		const provinces = page.locator('#provinces-table').locator('xpath=ancestor::table');
		expect(await provinces.locator('tbody tr').count()).toBe(1);

		await page.goto(`${server.url}/organizer/events?lang=en`);
		await page.locator('thead').getByRole('link', { name: 'Total' }).click();
		await page.waitForURL(/sort=total/);
		await expect
			.poll(() => page.locator('th[aria-sort]').getAttribute('aria-sort'))
			.toBe('descending');
		const totals = await page.locator('table.events tbody td.total').allTextContents();
		const numbers = totals.map((text) => Number(text.replace(/\D/g, '')));
		expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
	});

	it('shows the contact of an event to follow up with, as a mailto link', async () => {
		await page.goto(`${server.url}/organizer/follow-up?lang=en`);
		const awaiting = page.locator('#awaiting-table').locator('xpath=ancestor::table');
		expect(await awaiting.locator('tbody tr').count()).toBe(1);
		expect(await awaiting.textContent()).toContain('Amnesty Victoria group');
		expect(
			await awaiting.getByRole('link', { name: 'w4r.victoria@example.org' }).getAttribute('href')
		).toBe('mailto:w4r.victoria@example.org');
	});

	async function downloadCsv(file: string): Promise<Record<string, string>[]> {
		const response = await page.request.get(`${server.url}/organizer/export/${file}?lang=fr`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-disposition']).toMatch(
			new RegExp(
				`^attachment; filename="letterday-${file.replace('.csv', '')}-\\d{4}-\\d\\d-\\d\\d\\.csv"$`
			)
		);
		const bytes = await response.body();
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		return parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
	}

	it('downloads cases.csv from the dashboard link, each case summed right', async () => {
		await page.goto(`${server.url}/organizer?lang=en`);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'CSV, Cases' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^letterday-cases-\d{4}-\d\d-\d\d\.csv$/);
		const text = readFileSync((await download.path())!, 'utf8');
		expect(text.startsWith('\uFEFFcase_id,name,letter,card,petition,online,total\r\n')).toBe(true);
		const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
		expect(rows.map((row) => row.case_id).sort()).toEqual([...cases].sort());
		for (const row of rows) {
			for (const kind of CASE_KINDS) {
				expect(Number(row[kind]), `${row.case_id} ${kind}`).toBe(
					sent.sum((_, c) => c.caseId === row.case_id && c.kind === kind)
				);
			}
			expect(Number(row.total)).toBe(sent.sum((_, c) => c.caseId === row.case_id && isCase(c)));
		}
		expect(rows.reduce((sum, row) => sum + Number(row.total), 0)).toBe(nationalTotal());
	});

	it('downloads events.csv: every event, its devices, head counts and sums, the accents intact', async () => {
		const rows = await downloadCsv('events.csv');
		expect(Object.keys(rows[0]!)).toEqual([
			'event_id',
			'name',
			'venue',
			'city',
			'province',
			'date',
			'devices',
			'participants',
			'first_timers',
			'letter',
			'card',
			'petition',
			'online',
			'total',
			'last_sync_at'
		]);
		expect(rows).toHaveLength(3);
		for (const event of events) {
			const row = rows.find((r) => r.event_id === event.id || r.event_id === `'${event.id}`)!;
			const mine = (e: TestEvent) => e === event;
			expect(row).toMatchObject({
				name: event.details.name,
				venue: event.details.venue,
				city: event.details.city,
				province: event.details.province,
				date: event.details.date,
				devices: String(sent.devicesOf(event)),
				participants: String(sent.sum((e, c) => mine(e) && c.kind === 'participants')),
				first_timers: String(sent.sum((e, c) => mine(e) && c.kind === 'firstTimers')),
				total: String(sent.sum((e, c) => mine(e) && isCase(c)))
			});
			for (const kind of CASE_KINDS) {
				expect(Number(row[kind])).toBe(sent.sum((e, c) => mine(e) && isCase(c) && c.kind === kind));
			}
			expect(row.last_sync_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		}
		expect(rows.some((row) => row.name === 'Écrire, c’est agir — Québec')).toBe(true);
	});

	it('downloads provinces.csv: each province summed over its own events', async () => {
		const rows = await downloadCsv('provinces.csv');
		expect(rows.map((row) => row.province)).toEqual(['BC', 'ON', 'QC']);
		for (const row of rows) {
			const inIt = (e: TestEvent) => e.details.province === row.province;
			expect(row.events).toBe('1');
			expect(Number(row.participants)).toBe(
				sent.sum((e, c) => inIt(e) && c.kind === 'participants')
			);
			expect(Number(row.first_timers)).toBe(
				sent.sum((e, c) => inIt(e) && c.kind === 'firstTimers')
			);
			for (const kind of CASE_KINDS) {
				expect(Number(row[kind])).toBe(sent.sum((e, c) => inIt(e) && isCase(c) && c.kind === kind));
			}
			expect(Number(row.total)).toBe(sent.sum((e, c) => inIt(e) && isCase(c)));
		}
	});

	it('answers the JSON exports with the same rows as numbers', async () => {
		const csv = await downloadCsv('events.csv');
		const response = await page.request.get(`${server.url}/organizer/export/events.json?lang=fr`);
		const json = (await response.json()) as Record<string, unknown>[];
		expect(json.map((row) => row.event_id)).toEqual(
			csv.map((row) => row.event_id!.replace(/^'/, ''))
		);
		expect(json.map((row) => row.total)).toEqual(csv.map((row) => Number(row.total)));
	});

	const pages = () => [
		['dashboard', '/organizer'],
		['events', '/organizer/events'],
		['event', `/organizer/events/${quebec.id}`],
		['follow-up', '/organizer/follow-up']
	];

	describe.each(LOCALES)('in %s', (lang) => {
		it('has no WCAG 2.2 A/AA violations on any page, and no sideways scroll at 320 px', async () => {
			try {
				for (const [name, path] of pages()) {
					await page.setViewportSize({ width: 1280, height: 900 });
					await page.goto(`${server.url}${path}?lang=${lang}`, { waitUntil: 'networkidle' });
					expect(await page.locator('html').getAttribute('lang')).toBe(lang);
					const { violations, passes } = await new AxeBuilder({ page })
						.withTags(WCAG_TAGS)
						.analyze();
					const summary = violations.map(
						(v) =>
							`${name}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
					);
					expect(summary).toEqual([]);
					expect(passes.length).toBeGreaterThan(10);

					await page.setViewportSize({ width: 320, height: 700 });
					const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
					expect(scrollWidth, `${name} at 320 px`).toBeLessThanOrEqual(320);
				}
			} finally {
				await page.setViewportSize({ width: 1280, height: 900 });
			}
		});
	});

	it('shows a new sync on the open dashboard without a reload, and says so politely', async () => {
		await page.goto(`${server.url}/organizer?lang=en`, { waitUntil: 'networkidle' });
		const grand = page.locator('.figures .grand .value');
		const before = nationalTotal();
		expect(await grand.textContent()).toBe(formatNumber(before, 'en'));
		// A mark on the window: a reload would wipe it.
		await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
		// Focus on a link: the update must leave it there.
		const link = page.getByRole('link', { name: 'See the follow-up lists' });
		await link.focus();

		await sent.sync(server.url, ottawa, randomId(), [
			{ caseId: cases[3]!, kind: 'letter', plus: 25, minus: 2 }
		]);
		expect(nationalTotal()).toBe(before + 23);
		await expect
			.poll(() => grand.textContent(), { timeout: 25_000, interval: 500 })
			.toBe(formatNumber(before + 23, 'en'));
		expect(
			await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)
		).toBe(true);
		const status = page.getByRole('status').filter({ hasText: 'New counts arrived' });
		expect(await status.count()).toBe(1);
		expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
	});
});
