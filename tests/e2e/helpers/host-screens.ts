/**
 * Every host screen with real data behind it, for the accessibility and French checks: one event
 * with a few counts, its id and a real case id, and a way to open each screen and wait until it
 * has painted what IndexedDB holds (the shells are prerendered empty).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Locale } from '$lib/shared/domain';
import type { Catalog, Message } from '$lib/shared/i18n/catalog';
import { createEventOffline, tapAdd } from './host';
import { patchEventRow } from './idb';
import { installDiskFullSwitch, setDiskFull } from './storage-faults';

export interface HostData {
	eventId: string;
	caseId: string;
	caseName: string;
}

export interface HostScreen {
	name: string;
	path: (data: HostData) => string;
	/** Resolves once the screen shows its data. */
	ready: (page: Page) => Promise<unknown>;
}

const atLeast = (page: Page, selector: string, n: number) =>
	expect.poll(() => page.locator(selector).count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(n);

export const HOST_SCREENS: HostScreen[] = [
	{
		name: 'events',
		path: () => '/',
		ready: async (page) => {
			await page.getByTestId('pack-ready').waitFor();
			await atLeast(page, 'main li.card', 1);
		}
	},
	{ name: 'new event', path: () => '/event/new', ready: (page) => page.locator('form').waitFor() },
	{
		name: 'event',
		path: (d) => `/event?id=${d.eventId}`,
		ready: async (page) => {
			await atLeast(page, 'article.case', 8);
			await page.getByTestId('own-letter').waitFor();
			await page.getByTestId('event-summary').waitFor();
		}
	},
	{
		name: 'edit event',
		path: (d) => `/event/edit?id=${d.eventId}`,
		ready: (page) => expect.poll(() => page.locator('#ev-name').inputValue()).not.toBe('')
	},
	{
		name: 'projector',
		path: (d) => `/event/projector?id=${d.eventId}`,
		ready: async (page) => {
			await page.getByTestId('projector-total').waitFor();
			// The QR encoder loads after the figures.
			await page.getByTestId('projector-qr').locator('svg').waitFor();
		}
	},
	{
		name: 'participants QR',
		path: (d) => `/event/qr?id=${d.eventId}`,
		ready: async (page) => {
			await page.getByTestId('participants-qr').locator('svg').waitFor();
			await atLeast(page, 'main li.card svg', 8);
		}
	},
	{
		name: 'co-host QR',
		path: (d) => `/event/cohost?id=${d.eventId}`,
		ready: (page) => page.getByTestId('cohost-qr').locator('svg').waitFor()
	},
	{
		name: 'highlights',
		path: (d) => `/event/highlights?id=${d.eventId}`,
		ready: (page) => page.getByTestId('hl-empty').or(page.getByTestId('highlights')).waitFor()
	},
	{
		name: 'report QR',
		path: (d) => `/event/report?id=${d.eventId}`,
		ready: async (page) => {
			await page.getByTestId('report-qr').locator('svg').waitFor();
			await page.getByTestId('report-totals').waitFor();
		}
	},
	{ name: 'join', path: () => '/join', ready: (page) => page.locator('#join-link').waitFor() },
	{ name: 'cases', path: () => '/cases', ready: (page) => atLeast(page, 'main li.card', 8) },
	{
		name: 'case sheet',
		path: (d) => `/cases/view?id=${d.caseId}`,
		ready: (page) => page.locator('article.case-sheet h1').waitFor()
	},
	{
		name: 'status',
		path: () => '/status',
		ready: async (page) => {
			await page.getByTestId('persisted').waitFor();
			await atLeast(page, 'main li.card', 1);
		}
	}
];

export const screenNamed = (name: string): HostScreen => {
	const found = HOST_SCREENS.find((s) => s.name === name);
	if (!found) throw new Error(`no host screen named ${name}`);
	return found;
};

/** Screens in a state of their own, reached by doing something on them. */
export const HOST_STATES: {
	name: string;
	open: (page: Page, base: string, data: HostData) => Promise<unknown>;
}[] = [
	{
		// A copy of the seeded event with a city the server refuses, so the others stay clean.
		name: 'event with a refused sync',
		open: async (page, base, data) => {
			await openScreen(page, base, screenNamed('event'), data);
			const copy = `${data.eventId}-refused`;
			await patchEventRow(page, data.eventId, { id: copy, city: 'Monc\u0007ton' });
			await openScreen(page, base, screenNamed('event'), { ...data, eventId: copy });
			await page.getByTestId('event-summary').getByRole('button').click();
			await page.locator('section[aria-labelledby="sync-title"] button.primary').click();
			await page.getByTestId('sync-error').waitFor();
		}
	},
	{
		name: 'event with the sync sheet open',
		open: async (page, base, data) => {
			await openScreen(page, base, screenNamed('event'), data);
			await page.getByTestId('event-summary').getByRole('button').click();
			await page.locator('dialog[open] #sync-title').waitFor();
			// The devices that counted, once the server has answered (or not).
			await page.locator('[data-testid="devices-counted"]:not([data-state="loading"])').waitFor();
		}
	},
	{
		name: 'event after a tap, with its toast',
		open: async (page, base, data) => {
			await openScreen(page, base, screenNamed('event'), data);
			await page.locator('article.case .tally button.add').first().click();
			const toast = page.getByTestId('tally-toast');
			await toast.getByRole('button').waitFor();
			// It fades in (0.18 s): contrast is judged on the toast as it stays, not half drawn.
			await toast.evaluate((el) =>
				Promise.all(el.getAnimations({ subtree: true }).map((animation) => animation.finished))
			);
		}
	},
	{
		name: 'event with Add several open',
		open: async (page, base, data) => {
			await openScreen(page, base, screenNamed('event'), data);
			await page.locator('main button.several').click();
			await page.locator('dialog[open] input[inputmode="numeric"]').waitFor();
		}
	},
	{
		name: 'event with the choice of cases open',
		open: async (page, base, data) => {
			await openScreen(page, base, screenNamed('event'), data);
			await page.locator('main button.choose').click();
			await page.locator('dialog[open] input[type="checkbox"]').first().waitFor();
		}
	},
	{
		name: 'event with a search that finds nothing',
		open: async (page, base, data) => {
			await openScreen(page, base, screenNamed('event'), data);
			await page.locator('#find-case').fill('zzz');
			await page.locator('main .nomatch').waitFor();
		}
	},
	{
		name: 'new event with errors',
		open: async (page, base, data) => {
			await openScreen(page, base, screenNamed('new event'), data);
			await page.locator('main form button[type="submit"]').click();
			await page.locator('[aria-invalid="true"]').first().waitFor();
		}
	},
	{
		// Archived copies of the seeded event: one with nothing unsent (the delete asks to
		// confirm), one with details not sent (the delete says why not).
		name: 'events with the archived group open',
		open: (page, base, data) => openArchived(page, base, data, 0)
	},
	{
		name: 'edit event with a delete to confirm',
		open: async (page, base, data) => {
			await openArchived(page, base, data, 0);
			await openDelete(page, 0);
		}
	},
	{
		name: 'edit event with a delete refused',
		open: async (page, base, data) => {
			await openArchived(page, base, data, 1);
			await openDelete(page, 1);
		}
	},
	{
		name: 'join with a bad link',
		open: async (page, base, data) => {
			await openScreen(page, base, screenNamed('join'), data);
			await page.locator('#join-link').fill('https://example.org/join#id=nope');
			await page.locator('main form button[type="submit"]').click();
			await page.getByRole('alert').waitFor();
		}
	},
	{
		name: 'event with a count not saved (disk full)',
		open: async (page, base, data) => {
			await openScreen(page, base, screenNamed('event'), data);
			// The fault lives in this page only: the next navigation ends it.
			await page.evaluate(installDiskFullSwitch);
			await setDiskFull(page, true);
			await page.locator('article.case .tally button.add').first().click();
			await page.getByTestId('storage-alert').getByRole('alert').waitFor();
		}
	},
	{
		name: 'join with an invite',
		open: async (page, base, data) => {
			await openScreen(page, base, screenNamed('co-host QR'), data);
			const link = await page.locator('main input[readonly]').inputValue();
			await openScreen(page, base, screenNamed('join'), data);
			await page.locator('#join-link').fill(link);
			await page.locator('main form button[type="submit"]').click();
			await page.locator('#invite-title').waitFor();
		}
	},
	{ name: 'status after saving a backup', open: saveBackup },
	{ name: 'status with a backup to merge', open: previewOtherDevicesBackup },
	{
		name: 'status after merging a backup',
		open: async (page, base, data) => {
			await previewOtherDevicesBackup(page, base, data);
			await page.locator('.preview button.primary').click();
			await expect.poll(() => page.getByTestId('restore-result').textContent()).not.toBe('');
		}
	},
	{
		name: 'status with a bad backup',
		open: async (page, base, data) => {
			const backup = JSON.parse(await saveBackup(page, base, data));
			backup.events[0].snapshots[0].event.province = 'XX';
			await page.locator('#restore-file').setInputFiles({
				name: 'bad.letterday.json',
				mimeType: 'application/json',
				buffer: Buffer.from(JSON.stringify(backup))
			});
			await page.getByTestId('restore-error').waitFor();
		}
	}
];

const copyName = (detailsDirty: 0 | 1) => `Write-in copy ${detailsDirty === 0 ? 'A' : 'B'}`;

/** Opens the events list's archived group, with an archived copy of the event in it. */
async function openArchived(page: Page, base: string, data: HostData, detailsDirty: 0 | 1) {
	await openScreen(page, base, screenNamed('events'), data);
	const id = `${data.eventId}-archived-${detailsDirty}`;
	const changes = { id, name: copyName(detailsDirty), archivedAt: Date.now(), detailsDirty };
	await patchEventRow(page, data.eventId, changes);
	// Written behind Dexie's back: a fresh load shows it.
	await openScreen(page, base, screenNamed('events'), data);
	const group = page.getByTestId('events-archived');
	await group.locator('summary').click();
	await group.locator('li', { hasText: copyName(detailsDirty) }).waitFor();
}

/** The list's "Delete…" opens the edit screen with the check made. */
async function openDelete(page: Page, detailsDirty: 0 | 1) {
	const group = page.getByTestId('events-archived');
	await group
		.locator('li', { hasText: copyName(detailsDirty) })
		.locator('a.danger')
		.click();
	await page.locator('.delete [role="group"]').waitFor();
}

/** Saves a backup from the status screen and reads the downloaded file back. */
async function saveBackup(page: Page, base: string, data: HostData): Promise<string> {
	await openScreen(page, base, screenNamed('status'), data);
	const download = page.waitForEvent('download');
	await page.getByTestId('backup-save').click();
	const text = readFileSync(await (await download).path(), 'utf8');
	await expect.poll(() => page.getByTestId('backup-saved').textContent()).not.toBe('');
	return text;
}

/**
 * This device's backup as if another device had saved it, for another event (so the seeded
 * event's figures stay as they are): its counts come in as another device's.
 */
async function previewOtherDevicesBackup(page: Page, base: string, data: HostData) {
	const backup = JSON.parse(await saveBackup(page, base, data));
	backup.deviceId = 'another-device-0001';
	const [event] = backup.events.filter((e: { id: string }) => e.id === data.eventId);
	event.id = randomUUID();
	event.key = randomBytes(32).toString('hex');
	event.snapshots[0].deviceId = 'another-device-0001';
	backup.events = [event];
	await page.locator('#restore-file').setInputFiles({
		name: 'other.letterday.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(backup))
	});
	await page.getByTestId('restore-preview').waitFor();
}

/** Creates an event (in English, the helpers' language) and counts a little on it. */
export async function seedEvent(page: Page, name: string): Promise<HostData> {
	await createEventOffline(page, name);
	const eventId = new URL(page.url()).searchParams.get('id')!;
	const caseName = (await page.locator('article.case h3').first().textContent())!
		.split(' · ')[0]!
		.trim();
	const sheetLink = page.locator('article.case').first().getByRole('link');
	const caseId = new URL((await sheetLink.getAttribute('href'))!, page.url()).searchParams.get(
		'id'
	)!;
	await tapAdd(page, 'Appeal letters', caseName, 3);
	await tapAdd(page, 'Solidarity cards', caseName, 1);
	await tapAdd(page, 'Participants', 'this event', 4);
	await tapAdd(page, 'First-time participants', 'this event', 1);
	return { eventId, caseId, caseName };
}

export async function openScreen(page: Page, base: string, screen: HostScreen, data: HostData) {
	await page.goto(`${base}${screen.path(data)}`);
	await screen.ready(page);
}

/** Makes the next page load start in `lang`, the way the language button leaves it. */
export async function useLanguage(page: Page, lang: Locale) {
	await page.evaluate((value) => localStorage.setItem('letterday.lang', value), lang);
}

const forms = (message: Message): string[] =>
	typeof message === 'string' ? [message] : [message.one, message.other];

/**
 * Literal pieces of every English message that French does not share, placeholders cut out:
 * "Add one {kind} for {subject}; now {count}" gives "Add one" and "now" is too short to trust.
 * Messages spelled the same in both languages ("Participants", "Date") are not leftovers, nor
 * are `except` keys, written in the other language on purpose (the language button).
 */
export function englishOnlyFragments<K extends string>(
	catalog: Catalog<K>,
	except: readonly string[] = []
): string[] {
	const keep = (key: string) => !except.includes(key);
	const entries = <T>(record: Record<K, T>) =>
		(Object.entries(record) as [string, T][]).filter(([key]) => keep(key));
	const french = new Set(entries<Message>(catalog.fr).flatMap(([, m]) => forms(m)));
	const fragments = new Set<string>();
	for (const message of entries<Message>(catalog.en).flatMap(([, m]) => forms(m))) {
		if (french.has(message)) continue;
		const pieces = message.split(/\{\w+\}/);
		for (const piece of pieces) {
			const trimmed = piece.replace(/^[\s,.:;!?·()“”’]+|[\s,.:;!?·()“”’]+$/g, '');
			// A whole short message ("Add", "Copy") is a word of its own; a short piece between
			// placeholders ("for", "now") could be anything.
			const min = pieces.length === 1 ? 3 : 4;
			if (trimmed.length >= min && /\p{L}{2}/u.test(trimmed)) fragments.add(trimmed);
		}
	}
	return [...fragments];
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The fragments found in `text` as whole words (so "Date" never matches inside "Dates"). */
export function findFragments(text: string, fragments: string[]): string[] {
	return fragments.filter((fragment) =>
		new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fragment)}(?![\\p{L}\\p{N}])`, 'u').test(text)
	);
}

/**
 * Everything a person can see or hear on the page: rendered text, the names and hints held in
 * attributes, option labels and the document title.
 */
export function readableText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const parts = [document.title, document.body.innerText];
		for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
			for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
				const value = el.getAttribute(attr);
				if (value) parts.push(value);
			}
		}
		for (const option of document.querySelectorAll('option')) parts.push(option.text);
		return parts.join('\n');
	});
}
