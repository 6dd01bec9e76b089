/**
 * The participant pages in real Chromium with JavaScript off, as a participant's phone may have
 * it: every sample case in both languages reads, the pages fit a 320 px screen, every link and
 * control is reachable by Tab with a visible focus, the headings make an outline and the French
 * pages carry no English UI string. One run with JavaScript on checks the copy button.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium, launchOptions } from './helpers/chromium';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { participantMessages } from '$lib/shared/i18n/participant';
import {
	LOCALES,
	caseIds,
	englishOnlyFragments,
	headingProblems,
	packIn,
	paragraphs
} from './participant-support';

let server: AppServer;
let browser: Browser;
let noJs: BrowserContext;
let page: Page;

beforeAll(async () => {
	server = await startAppServer();
	browser = await chromium.launch(launchOptions());
	noJs = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 360, height: 740 }
	});
	page = await noJs.newPage();
});

afterAll(async () => {
	await browser?.close();
	await disposeAppServer(server);
});

const open = async (path: string) => {
	const response = await page.goto(`${server.url}${path}`);
	return response?.status();
};

const headingLevels = () =>
	page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));

/** innerText skips what is not rendered, so this is what a reader sees. */
const visibleText = () => page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.each(LOCALES)('with JavaScript off, in %s', (lang) => {
	const pack = packIn(lang);

	it.each(caseIds())('shows the heading, story and safety notes of %s', async (id) => {
		const sheet = pack.cases.find((c) => c.id === id)!;
		expect(await open(`/c/${lang}/${id}`)).toBe(200);
		expect(await page.locator('h1').innerText()).toBe(sheet.name);
		const text = await visibleText();
		for (const paragraph of paragraphs(sheet.story)) expect(text).toContain(squash(paragraph));
		for (const note of [...sheet.safety, ...pack.generalSafety]) {
			expect(text).toContain(squash(note));
		}
		const safety = page.locator('section.safety');
		expect(await safety.isVisible()).toBe(true);
		expect(await page.locator('html').getAttribute('lang')).toBe(lang);
		expect(headingProblems(await headingLevels())).toEqual([]);
	});

	for (const path of ['', `/${caseIds()[0]}`, '/print', '/poster?event=Biblioth%C3%A8que']) {
		it(`fits /c/${lang}${path} on a 320 px screen and at 200% zoom`, async () => {
			// Page zoom divides the CSS viewport: 200% of a 640 px window is a 320 px layout, and
			// 200% of a 1280 px laptop window is 640 px. Both must wrap, never scroll sideways.
			for (const width of [320, 640]) {
				await page.setViewportSize({ width, height: 700 });
				expect(await open(`/c/${lang}${path}`)).toBe(200);
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(overflow, `${width} px`).toBe(0);
			}
			await page.setViewportSize({ width: 360, height: 740 });
		});
	}

	for (const path of ['', `/${caseIds()[0]}`]) {
		it(`reaches every link and control on /c/${lang}${path} by Tab, with a visible focus`, async () => {
			expect(await open(`/c/${lang}${path}`)).toBe(200);
			const expected = await page.$$eval(
				'a[href], button, summary, input, select, textarea',
				(els) =>
					els
						.filter((el) => (el as HTMLElement).checkVisibility())
						.map((el) => el.outerHTML.slice(0, 120))
			);
			expect(expected.length).toBeGreaterThan(1);
			const reached: string[] = [];
			for (let i = 0; i < expected.length + 2; i += 1) {
				await page.keyboard.press('Tab');
				const focused = await page.evaluate(() => {
					const el = document.activeElement as HTMLElement | null;
					if (!el || el === document.body) return null;
					const style = getComputedStyle(el);
					return {
						html: el.outerHTML.slice(0, 120),
						outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
					};
				});
				if (!focused) break;
				expect(focused.outline, `focus ring on ${focused.html}`).toBe(true);
				if (reached.includes(focused.html)) break;
				reached.push(focused.html);
			}
			expect(reached).toEqual(expected);
			expect(headingProblems(await headingLevels())).toEqual([]);
		});
	}
});

describe('French pages', () => {
	const fragments = englishOnlyFragments();

	const frenchPaths = [
		'/c/fr',
		...caseIds().map((id) => `/c/fr/${id}`),
		'/c/fr/print',
		'/c/fr/poster?event=Salle%20communautaire',
		'/c/fr/no-such-case'
	];

	it('catches English UI strings (the same check on an English page finds them)', async () => {
		await open(`/c/en/${caseIds()[0]}`);
		const text = await page.evaluate(() => document.body.innerText);
		expect(fragments.filter((fragment) => text.includes(fragment)).length).toBeGreaterThan(10);
	});

	it.each(frenchPaths)('%s shows no English UI string', async (path) => {
		await open(path);
		const text = await page.evaluate(() => {
			// Text marked as another language (the "English" switch) and the sources (citations,
			// kept as published) are not UI strings.
			const skip = (node: Node) =>
				node.parentElement?.closest('[lang]:not([lang^="fr"]), .sources') != null;
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			const texts: string[] = [];
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				if (!skip(node)) texts.push(node.textContent ?? '');
			}
			const attributes = [...document.querySelectorAll('*')].flatMap((el) =>
				['aria-label', 'title', 'alt', 'placeholder', 'data-ok', 'data-fail']
					.map((name) => el.getAttribute(name))
					.filter((v): v is string => v !== null)
			);
			return [document.title, ...texts, ...attributes].join('\n');
		});
		const leftovers = fragments.filter((fragment) => text.includes(fragment));
		expect(leftovers).toEqual([]);
		expect(text).not.toMatch(/\{\w+\}/);
		const french = path.endsWith('no-such-case')
			? participantMessages.fr.notFoundTitle
			: participantMessages.fr.campaign;
		expect(text).toContain(french as string);
	});
});

describe('the copy button, with JavaScript on', () => {
	it.each(LOCALES)('copies the sample letter in %s', async (lang) => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
			origin: server.url
		});
		const jsPage = await context.newPage();
		const sheet = packIn(lang).cases[0]!;
		await jsPage.goto(`${server.url}/c/${lang}/${sheet.id}`);
		const button = jsPage.getByRole('button', {
			name: participantMessages[lang].copyLetter as string
		});
		await button.focus();
		await jsPage.keyboard.press('Enter');
		await expect
			.poll(() => jsPage.getByRole('status').innerText())
			.toBe(participantMessages[lang].copied);
		expect(await jsPage.evaluate(() => navigator.clipboard.readText())).toBe(sheet.sampleLetter);
		await context.close();
	});
});
