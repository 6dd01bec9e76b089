/**
 * WCAG 2.2 AA checks of the host app in a real Chromium, with an event, counts and the case pack
 * on the device: axe-core over every host screen in English and in French; the event screen by
 * keyboard alone (every control reachable by Tab with a visible, contrasting focus ring, the
 * tally operated with Enter and Space, its live region speaking the page's language); 44 px
 * tally targets; a title per screen; no sideways scrolling at 320 px or at 200% zoom; no motion
 * under prefers-reduced-motion; the projector's figures as text.
 *
 * Set A11Y_SHOTS=<dir> to keep a screenshot of every screen at 320 px and at 200% for review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { LOCALES, type Locale } from '$lib/shared/domain';
import { translate } from '$lib/shared/i18n/catalog';
import { allHostMessages } from '../helpers/host-messages';
import { startAppServer, type AppServer } from './helpers/app-server';
import { startHostDevice, stopHostDevice } from './helpers/host-device';
import type { Profile } from './helpers/chromium';
import { closeSyncSheet, openReadyApp, openSyncSheet, syncNow } from './helpers/host';
import {
	HOST_SCREENS,
	HOST_STATES,
	escapeRegExp,
	openScreen,
	screenNamed,
	seedEvent,
	useLanguage,
	type HostData
} from './helpers/host-screens';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SHOTS = process.env.A11Y_SHOTS;

let server: AppServer;
let profile: Profile;
let context: BrowserContext;
let page: Page;
let data: HostData;

beforeAll(async () => {
	({ server, profile, context } = await startHostDevice(startAppServer()));
	if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
	await stopHostDevice({ server, profile, context });
});

const tr = (lang: Locale, key: string, params = {}) =>
	translate(allHostMessages, lang, key, params);

async function shoot(name: string) {
	if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('host app accessibility', () => {
	it('has an event with counts, synced, and the case pack on the device', async () => {
		page = await openReadyApp(context, server.url);
		data = await seedEvent(page, 'Write-in at the library');
		// A sync adds the "all devices" figures, so they are checked too.
		await syncNow(page);
		await openSyncSheet(page);
		await page.getByTestId('sync-last').waitFor();
		await closeSyncSheet(page);
	});

	async function expectNoViolations(lang: Locale) {
		expect(await page.locator('html').getAttribute('lang')).toBe(lang);
		const { violations, passes } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		const summary = violations.map(
			(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
		);
		expect(summary).toEqual([]);
		// axe did run on a painted screen, not on an empty shell.
		expect(passes.length).toBeGreaterThan(10);
	}

	describe.each(LOCALES)('axe-core in %s', (lang) => {
		it.each(HOST_SCREENS)('$name has no WCAG 2.2 A/AA violations', async (screen) => {
			await useLanguage(page, lang);
			await openScreen(page, server.url, screen, data);
			await expectNoViolations(lang);
		});

		it.each(HOST_STATES)('$name has no WCAG 2.2 A/AA violations', async (state) => {
			await useLanguage(page, lang);
			await state.open(page, server.url, data);
			await expectNoViolations(lang);
		});
	});

	it.each(LOCALES)('gives every screen a title of its own in %s', async (lang) => {
		await useLanguage(page, lang);
		const titles: string[] = [];
		for (const screen of HOST_SCREENS) {
			await openScreen(page, server.url, screen, data);
			// What the screen is, then the app: SvelteKit announces it after each navigation.
			await expect.poll(() => page.title()).toMatch(/. · Letterday$/);
			titles.push(await page.title());
		}
		expect(new Set(titles).size, titles.join(' | ')).toBe(HOST_SCREENS.length);
	});

	describe.each(LOCALES)('reflow in %s', (lang) => {
		// Page zoom divides the CSS viewport: 400% of a 1280 px window is 320 px, 200% is 640 px.
		// The screen is opened once and the window narrowed, as a person zooming in does: the
		// layout must follow without a reload.
		it.each(HOST_SCREENS)(
			'$name fits 320 px and 200% zoom with no sideways scroll',
			async (screen) => {
				await useLanguage(page, lang);
				try {
					await page.setViewportSize({ width: 320, height: 700 });
					await openScreen(page, server.url, screen, data);
					for (const [width, label] of [
						[320, '320px'],
						[640, '200pct']
					] as const) {
						await page.setViewportSize({ width, height: 700 });
						// Two frames: the resize's layout, then anything it set off.
						await page.evaluate(
							() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
						);
						await shoot(`${lang}-${screen.name.replace(/\W+/g, '-')}-${label}`);
						const { scrollWidth, wide } = await page.evaluate(() => ({
							scrollWidth: document.documentElement.scrollWidth,
							// Named in the failure, so the culprit is found without a debugger.
							wide: [...document.querySelectorAll('body *')]
								.filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5)
								.slice(-3)
								.map((el) => el.outerHTML.slice(0, 100))
						}));
						expect(
							scrollWidth,
							`${screen.name} at ${width} px: ${wide.join(' | ')}`
						).toBeLessThanOrEqual(width);
					}
				} finally {
					await page.setViewportSize({ width: 1000, height: 800 });
				}
			}
		);
	});
});

/** What the focused element looks like: which control it is, and its focus ring. */
function focusState(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return null;
		const parse = (color: string) => {
			const [r, g, b, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
			return { r: r ?? 0, g: g ?? 0, b: b ?? 0, a };
		};
		const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
			const lin = (c: number) => {
				const s = c / 255;
				return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			};
			return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
		};
		// The ring is drawn outside the element (outline-offset), over its parent's background.
		let behind = 'rgb(255, 255, 255)';
		for (let node = el.parentElement; node; node = node.parentElement) {
			const bg = getComputedStyle(node).backgroundColor;
			if (parse(bg).a > 0) {
				behind = bg;
				break;
			}
		}
		const style = getComputedStyle(el);
		const [l1, l2] = [luminance(parse(style.outlineColor)), luminance(parse(behind))];
		const rect = el.getBoundingClientRect();
		return {
			id: el.dataset.kb ?? null,
			what: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}"`,
			focusVisible: el.matches(':focus-visible'),
			outline: `${style.outlineStyle} ${style.outlineWidth}`,
			ringShown: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
			contrast: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05),
			onScreen:
				rect.bottom > 0 &&
				rect.right > 0 &&
				rect.top < window.innerHeight &&
				rect.left < window.innerWidth
		};
	});
}

const tallyAdd = (page: Page, kind: string, subject: string) =>
	page.getByRole('button', { name: new RegExp(`^Add one ${kind} for ${escapeRegExp(subject)};`) });
const tallyOf = (button: Locator) => button.page().locator('.tally').filter({ has: button });

describe('the event screen by keyboard', () => {
	it('reaches every control with Tab, each with a visible focus ring of 3:1 contrast', async () => {
		await useLanguage(page, 'en');
		await openScreen(page, server.url, screenNamed('event'), data);
		// Wait for a sync under way to settle (the summary line says so) so the set is stable; the
		// sync sheet's own controls exist only while it is open.
		const syncState = page.getByTestId('event-summary').getByRole('button');
		await expect.poll(() => syncState.textContent()).not.toMatch(/Syncing/);
		const expected = await page.evaluate(() => {
			const controls = [
				...document.querySelectorAll<HTMLElement>(
					'a[href], button, input, select, textarea, summary, [tabindex]'
				)
			].filter(
				(el) =>
					!(el as HTMLButtonElement).disabled &&
					el.tabIndex >= 0 &&
					// Closed <details> content and display:none are not reachable, and need not be.
					el.checkVisibility({ visibilityProperty: true })
			);
			controls.forEach((el, i) => (el.dataset.kb = String(i)));
			(document.activeElement as HTMLElement | null)?.blur();
			return controls.length;
		});
		expect(expected).toBeGreaterThan(30);

		const reached = new Set<string>();
		const problems: string[] = [];
		for (let i = 0; i < expected + 3 && reached.size < expected; i++) {
			await page.keyboard.press('Tab');
			const state = await focusState(page);
			if (!state?.id) continue;
			reached.add(state.id);
			// The first stops (skip link, brand, menu, language, event actions) for a look by eye.
			if (SHOTS && reached.size <= 9) {
				await page.screenshot({ path: join(SHOTS, `focus-${reached.size}.png`) });
			}
			if (!state.focusVisible) problems.push(`${state.what}: not :focus-visible`);
			if (!state.ringShown) problems.push(`${state.what}: outline ${state.outline}`);
			if (state.contrast < 3)
				problems.push(`${state.what}: ring contrast ${state.contrast.toFixed(2)}`);
			if (!state.onScreen) problems.push(`${state.what}: focused off screen`);
		}
		expect(problems).toEqual([]);
		expect(reached.size).toBe(expected);
	});

	it('counts with Enter and Space only, and announces the count in English', async () => {
		const add = tallyAdd(page, 'Appeal letters', data.caseName);
		const tally = tallyOf(add);
		// One polite region for the screen: the toast's, which says what was added and the total.
		const live = page.getByTestId('tally-toast').locator('[aria-live="polite"]');
		const name = () => add.getAttribute('aria-label');
		const own = () => page.getByTestId('own-letter').textContent();
		// The states checked before may have counted too: every figure is relative to the start.
		const n0 = Number((await name())!.match(/now (\d+)$/)![1]);
		const now = (n: number) => new RegExp(`; now ${n0 + n}$`);

		await add.focus();
		await page.keyboard.press('Enter');
		await expect.poll(name).toMatch(now(1));
		await page.keyboard.press('Space');
		await expect.poll(name).toMatch(now(2));
		const said = (text: string) => text.replace(/\s+/g, ' ').trim();
		await expect
			.poll(async () => said((await live.textContent()) ?? ''))
			.toBe(`+1 ${data.caseName} · Letters (now ${n0 + 2})`);

		await tally.getByRole('button', { name: /^Take one back/ }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(name).toMatch(now(1));
		await expect
			.poll(async () => said((await live.textContent()) ?? ''))
			.toBe(`Taken back: 1 · ${data.caseName} · Letters (now ${n0 + 1})`);

		// "Add several": open with Enter; the case last counted and letters are picked already, so
		// Tab past them into the number, type, submit with Enter.
		await page.locator('main button.several').focus();
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'Add several at once' });
		await dialog.waitFor();
		expect(await dialog.getByLabel('Case').inputValue()).toBe(data.caseId);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
		await page.keyboard.type('3');
		await page.keyboard.press('Enter');
		await expect.poll(name).toMatch(now(4));
		await expect.poll(own).toBe(String(n0 + 4));
		await expect
			.poll(async () => said((await live.textContent()) ?? ''))
			.toBe(`+3 added · ${data.caseName} · Letters (now ${n0 + 4})`);
		// The toast's Undo is reachable by keyboard and takes the whole batch back at once.
		await page
			.getByRole('button', { name: `Undo: take back 3 Appeal letters for ${data.caseName}` })
			.focus();
		await page.keyboard.press('Enter');
		await expect.poll(name).toMatch(now(1));
		await expect.poll(own).toBe(String(n0 + 1));
	});

	it('announces the new count in French on the French page', async () => {
		await useLanguage(page, 'fr');
		await openScreen(page, server.url, screenNamed('event'), data);
		const kind = tr('fr', 'kind_card');
		const add = page.getByRole('button', {
			name: new RegExp(`^Ajouter un à ${kind} pour ${escapeRegExp(data.caseName)}\\s;`)
		});
		const live = page.getByTestId('tally-toast').locator('[aria-live="polite"]');
		expect(await live.getAttribute('aria-live')).toBe('polite');
		await add.focus();
		await page.keyboard.press('Space');
		await expect
			.poll(async () => ((await live.textContent()) ?? '').replace(/\s+/g, ' ').trim())
			.toBe(`+1 ${data.caseName} · Cartes (total 2)`);
		// The region speaks the page's language: no lang of its own that would say otherwise.
		expect(await live.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe('fr');
		await useLanguage(page, 'en');
	});

	it('gives every tally control a touch target of at least 44 × 44 px', async () => {
		await openScreen(page, server.url, screenNamed('event'), data);
		for (const width of [1000, 320]) {
			await page.setViewportSize({ width, height: 800 });
			// The cells' "Take one back" buttons are out of sight until focused: not measured here.
			const boxes = await page
				.locator(
					'.tally button.add, main button.several, main button.choose, #find-case, main .tools a, [data-testid="event-summary"] button'
				)
				.evaluateAll((els) =>
					els.map((el) => {
						const r = el.getBoundingClientRect();
						return { what: el.outerHTML.slice(0, 80), width: r.width, height: r.height };
					})
				);
			expect(boxes.length).toBeGreaterThan(40);
			const small = boxes.filter((b) => b.width < 44 || b.height < 44);
			expect(small, `at ${width} px`).toEqual([]);
		}
		await page.setViewportSize({ width: 1000, height: 800 });
	});
});

describe('motion and the projector', () => {
	it('stops every transition and animation when reduced motion is asked for', async () => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		try {
			for (const name of ['event', 'projector']) {
				await openScreen(page, server.url, screenNamed(name), data);
				const moving = await page.evaluate(() =>
					[...document.querySelectorAll('*')]
						.filter((el) => {
							const style = getComputedStyle(el);
							const seconds = (value: string) =>
								Math.max(...value.split(',').map((v) => parseFloat(v) || 0));
							return (
								seconds(style.transitionDuration) > 0 ||
								(style.animationName !== 'none' && seconds(style.animationDuration) > 0)
							);
						})
						.map((el) => el.outerHTML.slice(0, 80))
				);
				expect(moving, name).toEqual([]);
			}
		} finally {
			await page.emulateMedia({ reducedMotion: null });
		}
	});

	it('shows the projector figures as text a screen reader reads, not as a picture', async () => {
		await useLanguage(page, 'en');
		await openScreen(page, server.url, screenNamed('event'), data);
		const kinds = ['letter', 'card', 'petition', 'online'] as const;
		const figures: number[] = [];
		await openSyncSheet(page);
		for (const kind of kinds) {
			// The projector shows every device's figure once synced, this device's before.
			const all = page.getByTestId(`all-${kind}`);
			const cell = (await all.count()) > 0 ? all : page.getByTestId(`own-${kind}`);
			figures.push(Number((await cell.textContent())!.replace(/\D/g, '')));
		}
		const sum = figures.reduce((a, b) => a + b, 0);
		expect(sum).toBeGreaterThan(0);

		await openScreen(page, server.url, screenNamed('projector'), data);
		// The participants' QR is the one picture, and it has a name; the figures are all text.
		expect(
			await page.getByTestId('projector-qr').locator('svg[role="img"][aria-label]').count()
		).toBe(1);
		expect(
			await page.locator('main :is(canvas, svg, img):not([data-testid="projector-qr"] *)').count()
		).toBe(0);
		const total = page.getByTestId('projector-total');
		expect(await total.getAttribute('aria-live')).toBe('polite');
		await expect
			.poll(async () => (await total.innerText()).replace(/\s+/g, ' '))
			.toContain(String(sum));
		const items = (await page.getByTestId('projector-kinds').locator('li').allInnerTexts()).map(
			(t) => t.replace(/\s+/g, ' ').trim()
		);
		expect(items).toEqual(kinds.map((kind, i) => `${figures[i]} ${tr('en', `kind_${kind}`)}`));
	});
});
