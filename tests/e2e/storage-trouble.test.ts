/**
 * Storage trouble in a real Chromium. A full disk on a tap: the host reads why and what to do,
 * the counts saved before stay on screen and after a reload, and once space is back the same
 * button counts again; the same for a new event. Storage the browser may clear: a note on the
 * event screen. A browser whose IndexedDB will not open (some private windows) or is
 * missing: the host app says so on its start screen instead of screens that would fail in
 * silence, in English and in French, while the participant pages still work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './helpers/app-server';
import { chromium, launchOptions, type Profile } from './helpers/chromium';
import { startHostDevice, stopHostDevice } from './helpers/host-device';
import { createEventOffline, openReadyApp, tapAdd } from './helpers/host';
import {
	installDiskFullSwitch,
	refuseIndexedDbOpen,
	removeIndexedDb,
	setDiskFull
} from './helpers/storage-faults';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server: AppServer;
let profile: Profile;
let context: BrowserContext;
let page: Page;
let caseName: string;

beforeAll(async () => {
	({ server, profile, context } = await startHostDevice(startAppServer()));
	await context.addInitScript(installDiskFullSwitch);
});

afterAll(async () => {
	await stopHostDevice({ server, profile, context });
});

const ownTotal = (kind: string) => page.getByTestId(`own-${kind}`).textContent();
const letters = () =>
	page.getByRole('button', { name: new RegExp(`^Add one Appeal letters for ${caseName};`) });

async function expectNoViolations() {
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

describe('a full disk on a tap', () => {
	it('counts a few taps first', async () => {
		page = await openReadyApp(context, server.url);
		await createEventOffline(page, 'Write-in at the library');
		caseName = (await page.locator('article.case h3').first().textContent())!
			.split(' · ')[0]!
			.trim();
		await tapAdd(page, 'Appeal letters', caseName, 3);
		await tapAdd(page, 'Participants', 'this event', 2);
		await expect.poll(() => ownTotal('letter')).toBe('3');
	});

	it('says so in words and keeps the counts already saved', async () => {
		await setDiskFull(page, true);
		await letters().click();
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.innerText()).toMatch(
			/^That count was not saved\. This device is out of storage space\. Your earlier counts are safe\. Free some space \(delete photos or apps\), or save a backup from Device status, then tap again\./
		);
		await expect.poll(() => ownTotal('letter')).toBe('3');
		expect(await letters().getAttribute('aria-label')).toMatch(/now 3$/);
		expect(await letters().locator('.count').textContent()).toBe('3');
		await expectNoViolations();

		// A second try while the disk is still full fails the same way and adds nothing.
		const undo = page.getByRole('button', {
			name: `Take one back from Appeal letters for ${caseName}`
		});
		await undo.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => alert.count()).toBe(1);
		await expect.poll(() => ownTotal('letter')).toBe('3');
	});

	it('still has every earlier count after a reload', async () => {
		await page.reload();
		await expect.poll(() => ownTotal('letter')).toBe('3');
		await expect.poll(() => ownTotal('participants')).toBe('2');
		// Read back from IndexedDB itself, past the app.
		const row = await page.evaluate(
			() =>
				new Promise((resolve, reject) => {
					const open = indexedDB.open('letterday');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const all = open.result.transaction('counters').objectStore('counters').getAll();
						all.onsuccess = () => {
							open.result.close();
							resolve(
								(all.result as { kind: string; plus: number; minus: number; rev: number }[])
									.filter((r) => r.kind === 'letter')
									.map((r) => ({ plus: r.plus, minus: r.minus, rev: r.rev }))
							);
						};
					};
				})
		);
		// Three taps saved, three revisions: the refused tap and undo left no trace.
		expect(row).toEqual([{ plus: 3, minus: 0, rev: 3 }]);
	});

	it('counts again once there is space', async () => {
		// The reload reset the switch to "not full"; fill the disk, fail, then free it.
		await setDiskFull(page, true);
		await letters().click();
		await page.getByRole('alert').waitFor();
		await setDiskFull(page, false);
		await tapAdd(page, 'Appeal letters', caseName, 1);
		await expect.poll(() => ownTotal('letter')).toBe('4');
		expect(await page.getByRole('alert').count()).toBe(0);
	});

	it('keeps the button just tapped in view above the alert on a phone', async () => {
		await page.setViewportSize({ width: 390, height: 844 });
		try {
			// The button sits at the very foot of the screen, where the alert will open.
			await letters().evaluate((button) => {
				const box = button.getBoundingClientRect();
				window.scrollBy(0, box.bottom - window.innerHeight + 2);
			});
			await setDiskFull(page, true);
			await letters().click();
			const alert = page.getByTestId('storage-alert');
			await alert.waitFor();
			await expect
				.poll(async () => {
					const button = (await letters().boundingBox())!;
					const cover = (await alert.boundingBox())!;
					return button.y >= 0 && button.y + button.height <= cover.y;
				})
				.toBe(true);
			expect(await letters().evaluate((el) => el === document.activeElement)).toBe(true);
			// Hidden, the alert gives the page its foot back.
			await page.getByRole('button', { name: 'Hide message' }).click();
			expect(await alert.count()).toBe(0);
			expect(await page.evaluate(() => document.body.style.paddingBottom)).toBe('');
		} finally {
			await setDiskFull(page, false);
			await page.setViewportSize({ width: 1000, height: 800 });
		}
	});

	it('says it in French on a French screen', async () => {
		await page.evaluate(() => localStorage.setItem('letterday.lang', 'fr'));
		await page.reload();
		await expect.poll(() => ownTotal('letter')).toBe('4');
		await setDiskFull(page, true);
		await page
			.getByRole('button', { name: new RegExp(`^Ajouter un à Lettres d’appel pour ${caseName}`) })
			.click();
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.innerText()).toMatch(
			/^Ce décompte n’a pas été enregistré\. Cet appareil n’a plus d’espace de stockage\. Vos décomptes précédents sont en sécurité\./
		);
		expect(await page.locator('html').getAttribute('lang')).toBe('fr');
		await expect.poll(() => ownTotal('letter')).toBe('4');
		await expectNoViolations();
		await setDiskFull(page, false);
		await page.evaluate(() => localStorage.setItem('letterday.lang', 'en'));
	});
});

describe('a full disk when saving an event', () => {
	it('says the event was not saved, keeps the form, and saves it once there is space', async () => {
		await page.goto(`${server.url}/event/new`);
		await page.getByLabel('Event name').fill('Second write-in');
		await page.getByLabel('Venue').fill('Library');
		await page.getByLabel('City or town').fill('Halifax');
		await page.getByLabel('Province or territory').selectOption('NS');
		await page.getByLabel('Date').fill('2026-12-11');
		await setDiskFull(page, true, 'events');
		await page.getByRole('button', { name: 'Create event' }).click();
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.innerText()).toMatch(
			/^The event was not saved\. This device is out of storage space\./
		);
		expect(await page.getByLabel('Event name').inputValue()).toBe('Second write-in');
		expect(new URL(page.url()).pathname).toBe('/event/new');

		await setDiskFull(page, false, 'events');
		await page.getByRole('button', { name: 'Create event' }).click();
		await page.getByRole('heading', { level: 1, name: 'Second write-in' }).waitFor();
		expect(await page.getByTestId('storage-alert').count()).toBe(0);
	});
});

describe('storage the browser may clear', () => {
	it('is noted on the event screen when the browser has not made it persistent', async () => {
		await page.goto(`${server.url}/`);
		await page.getByRole('link', { name: 'Write-in at the library' }).click();
		const note = page.getByTestId('persist-notice');
		await note.waitFor();
		expect(await page.evaluate(() => navigator.storage.persisted())).toBe(false);
		expect(await note.innerText()).toBe(
			'This browser may clear Letterday’s data if the device runs low on space. Sync or save a backup often; installing the app helps. Device status'
		);
		expect(await note.getByRole('link', { name: 'Device status' }).getAttribute('href')).toBe(
			'/status'
		);
	});

	it('is not shown where the browser keeps the data', async () => {
		await page.goto(`${server.url}/`);
		// The app navigates client-side from here on, so the stub stays in place.
		await page.evaluate(() => {
			navigator.storage.persisted = () => Promise.resolve(true);
		});
		await page.getByRole('link', { name: 'Write-in at the library' }).click();
		await page.getByTestId('own-letter').waitFor();
		await page.getByRole('heading', { level: 1, name: 'Write-in at the library' }).waitFor();
		expect(await page.evaluate(() => navigator.storage.persisted())).toBe(true);
		expect(await page.getByTestId('persist-notice').count()).toBe(0);
	});
});

describe('a browser that will not store anything', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await chromium.launch(launchOptions());
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function openWith(fault: () => void, lang: 'en' | 'fr') {
		const incognito = await browser.newContext({ viewport: { width: 1000, height: 800 } });
		await incognito.addInitScript(fault);
		await incognito.addInitScript((value) => localStorage.setItem('letterday.lang', value), lang);
		const tab = await incognito.newPage();
		await tab.goto(server.url);
		return { incognito, tab };
	}

	it.each([
		['indexedDB.open fails', refuseIndexedDbOpen],
		['there is no IndexedDB', removeIndexedDb]
	] as const)('says so on the start screen when %s', async (_, fault) => {
		const { incognito, tab } = await openWith(fault, 'en');
		try {
			page = tab;
			const heading = tab.getByRole('heading', { level: 1 });
			await tab.getByTestId('storage-blocked').waitFor();
			expect(await heading.textContent()).toBe('Letterday can’t save anything in this browser');
			expect(await tab.getByRole('alert').innerText()).toContain(
				'This browser won’t let Letterday save anything here (private browsing does this). Open Letterday in a normal window or another browser before counting.'
			);
			// None of the screens that would fail: no events list, no new-event button.
			expect(await tab.getByRole('link', { name: 'New event' }).count()).toBe(0);
			await tab.goto(`${server.url}/event/new`);
			await tab.getByTestId('storage-blocked').waitFor();
			expect(await tab.locator('main form').count()).toBe(0);
			await expectNoViolations();
			// The participants' pages are server-rendered and need no storage.
			await tab.goto(`${server.url}/c/en`);
			expect(await tab.getByTestId('storage-blocked').count()).toBe(0);
			expect(await tab.locator('h1').count()).toBeGreaterThan(0);
		} finally {
			await incognito.close();
		}
	});

	it('says so in French', async () => {
		const { incognito, tab } = await openWith(refuseIndexedDbOpen, 'fr');
		try {
			page = tab;
			await tab.getByTestId('storage-blocked').waitFor();
			expect(await tab.getByRole('heading', { level: 1 }).textContent()).toBe(
				'Letterday ne peut rien enregistrer dans ce navigateur'
			);
			expect(await tab.getByRole('alert').innerText()).toContain(
				'Ce navigateur ne permet pas à Letterday d’enregistrer quoi que ce soit ici (la navigation privée fait cela).'
			);
			expect(await tab.locator('html').getAttribute('lang')).toBe('fr');
			await expectNoViolations();
		} finally {
			await incognito.close();
		}
	});
});
