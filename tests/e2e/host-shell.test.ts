/**
 * The frame around every host screen: the header is one row on phones (brand, navigation and
 * the language button side by side, in both languages), the event screens name their event
 * under it, and a first-time host is welcomed on the start page until there is an event or they
 * put the welcome away.
 */
import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { useHostDevice } from './helpers/host-device';
import { createEventOffline, openReadyApp } from './helpers/host';
import { patchEventRow } from './helpers/idb';
import { useLanguage } from './helpers/host-screens';

const device = useHostDevice();
let page: Page;
let eventId: string;

const welcome = () => page.getByTestId('welcome');

describe('a first-time host', () => {
	it('is welcomed on the start page while the device has no event', async () => {
		page = await openReadyApp(device.context, device.server.url);
		await welcome().waitFor();
		expect(await welcome().innerText()).toMatch(/create your event/);
		const { violations } = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
	});

	it('can put the welcome away, and it stays away', async () => {
		await welcome().getByRole('button', { name: 'Got it' }).click();
		await welcome().waitFor({ state: 'detached' });
		await page.reload();
		await page.getByTestId('pack-ready').waitFor();
		// Give the lazily loaded welcome the time it takes to show, had it still been wanted.
		await page.waitForTimeout(500);
		expect(await welcome().count()).toBe(0);
	});

	it('is not welcomed any more once an event is on the device', async () => {
		await page.evaluate(() => localStorage.removeItem('letterday.welcome-dismissed'));
		await page.reload();
		await welcome().waitFor();
		await createEventOffline(page, 'First evening');
		eventId = new URL(page.url()).searchParams.get('id')!;
		await page.goto(device.server.url);
		await page.locator('main li.card').first().waitFor();
		await page.waitForTimeout(500);
		expect(await welcome().count()).toBe(0);
	});
});

describe('the header', () => {
	/** The boxes of the header's three parts, and the header's own. */
	const boxes = () =>
		page.evaluate(() => {
			const box = (selector: string) => {
				const r = document.querySelector(selector)!.getBoundingClientRect();
				return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
			};
			const header = document.querySelector('header.bar')!;
			return {
				header: { ...box('header.bar'), overflows: header.scrollWidth > header.clientWidth },
				brand: box('header .brand'),
				nav: box('header nav'),
				links: [...document.querySelectorAll('header nav a')].map((a) => {
					const r = a.getBoundingClientRect();
					return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
				}),
				lang: box('header .lang')
			};
		});

	for (const width of [320, 390]) {
		for (const lang of ['en', 'fr'] as const) {
			it(`is one row at ${width} px in ${lang}`, async () => {
				await page.setViewportSize({ width, height: 800 });
				await useLanguage(page, lang);
				for (const path of ['/', '/cases', `/event?id=${eventId}`]) {
					await page.goto(`${device.server.url}${path}`);
					await page.locator('header .lang').waitFor();
					const b = await boxes();
					const middle = (r: { top: number; bottom: number }) => (r.top + r.bottom) / 2;
					// Side by side: the same vertical middle, left to right, all inside the screen.
					expect(Math.abs(middle(b.lang) - middle(b.brand)), path).toBeLessThan(4);
					expect(Math.abs(middle(b.nav) - middle(b.brand)), path).toBeLessThan(4);
					expect(b.brand.right, path).toBeLessThanOrEqual(b.nav.left);
					expect(b.nav.right, path).toBeLessThanOrEqual(b.lang.left);
					// Every link whole between the brand and the button, none under another.
					expect(b.links.length, path).toBe(3);
					for (const link of b.links) {
						expect(link.left, path).toBeGreaterThanOrEqual(b.brand.right + 4);
						expect(link.right, path).toBeLessThanOrEqual(b.lang.left - 4);
						expect(Math.abs(middle(link) - middle(b.brand)), path).toBeLessThan(4);
					}
					expect(b.lang.right, path).toBeLessThanOrEqual(width);
					expect(b.header.overflows, path).toBe(false);
					expect(b.header.bottom - b.header.top, path).toBeLessThan(64);
				}
			});
		}
	}

	it('keeps a full accessible name on the short language button', async () => {
		await page.setViewportSize({ width: 320, height: 800 });
		await useLanguage(page, 'en');
		await page.goto(device.server.url);
		const button = page.getByRole('button', { name: 'Afficher en français' });
		expect((await button.innerText()).trim()).toBe('FR');
		await button.click();
		expect((await page.getByRole('button', { name: 'Show in English' }).innerText()).trim()).toBe(
			'EN'
		);
	});

	it('names the open event under the bar on the event screens, cut short on a phone', async () => {
		await page.setViewportSize({ width: 320, height: 800 });
		await useLanguage(page, 'en');
		const long = 'A very long event name for the Moncton public library on a Saturday';
		await patchEventRow(page, eventId, { name: long });
		for (const path of ['/event', '/event/qr', '/event/cohost', '/event/report']) {
			await page.goto(`${device.server.url}${path}?id=${eventId}`);
			const band = page.getByTestId('event-band');
			await band.waitFor();
			expect(await band.textContent(), path).toBe(long);
			const cut = await page
				.locator('.event-band')
				.evaluate((el) => el.scrollWidth > el.clientWidth && el.clientWidth <= 320);
			expect(cut, path).toBe(true);
		}
		await page.goto(`${device.server.url}/cases`);
		await page.locator('header .lang').waitFor();
		expect(await page.getByTestId('event-band').count()).toBe(0);
	});
});
