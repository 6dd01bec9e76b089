/**
 * The projector view as a room sees it, in a real Chromium: with counts on several cases and an
 * expected attendance, it fits common projector screens (4:3 and 16:9) without scrolling, its
 * exit link and last figure on screen; its QR decodes to the same participant page as the host's
 * QR screen; it shows progress toward the attendance expected and each case's figure; a tap on
 * the event screen in another tab shows up without a reload; it has a named fullscreen button.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useHostDevice } from './helpers/host-device';
import { createEventOffline, openReadyApp, tapAdd } from './helpers/host';
import { escapeRegExp } from './helpers/host-screens';
import { patchEventRow } from './helpers/idb';
import { decodeQr } from './helpers/qr';

const device = useHostDevice();
let page: Page;
let eventId: string;
let caseNames: string[];

/** Appeal letters per case, in pack order: more cases counted than a 4:3 screen has room for. */
const LETTERS = [2, 6, 1, 4, 3, 1, 2, 1, 1, 2];
const PEOPLE = 9;
const EXPECTED = 40;

const SCREENS = [
	{ width: 1280, height: 800 },
	{ width: 1024, height: 768 },
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 }
];

/** The pack's case names in English, in pack order, as the device stores them. */
function readCaseNames(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('letterday');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction('cases').objectStore('cases').getAll();
					request.onsuccess = () => {
						open.result.close();
						const rows = request.result as {
							lang: string;
							position: number;
							retired?: number;
							sheet: { name: string };
						}[];
						resolve(
							rows
								.filter((row) => row.lang === 'en' && !row.retired)
								.sort((a, b) => a.position - b.position)
								.map((row) => row.sheet.name)
						);
					};
				};
			})
	);
}

async function openProjector(target: Page) {
	await target.goto(`${device.server.url}/event/projector?id=${eventId}`);
	await target.getByTestId('projector-total').waitFor();
	await target.getByTestId('projector-qr').locator('svg').waitFor();
}

/** The element's box lies wholly inside the viewport. */
async function onScreen(target: Page, locator: Locator) {
	const box = await locator.boundingBox();
	const viewport = target.viewportSize()!;
	expect(box, 'element is rendered').not.toBeNull();
	expect(box!.x).toBeGreaterThanOrEqual(0);
	expect(box!.y).toBeGreaterThanOrEqual(0);
	expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width + 0.5);
	expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 0.5);
}

const letters = LETTERS.reduce((a, b) => a + b, 0);
const totalText = (target: Page) =>
	target
		.getByTestId('projector-total')
		.innerText()
		.then((text) => text.replace(/\s+/g, ' ').trim());

describe('projector view', () => {
	it('has an event with counts on several cases and an expected attendance', async () => {
		page = await openReadyApp(device.context, device.server.url);
		await createEventOffline(page, 'Projector evening at the library');
		eventId = new URL(page.url()).searchParams.get('id')!;
		// The attendance the host typed in the event form, set straight in IndexedDB here so this
		// test depends on the projector only.
		await patchEventRow(page, eventId, { expected: EXPECTED });
		caseNames = await readCaseNames(page);
		expect(caseNames.length).toBeGreaterThan(LETTERS.length);
		for (const [index, times] of LETTERS.entries()) {
			await tapAdd(page, 'Appeal letters', escapeRegExp(caseNames[index]!), times);
		}
		await tapAdd(page, 'Participants', 'this event', PEOPLE);
	});

	it.each(SCREENS)('fits $width×$height without scrolling', async (size) => {
		await page.setViewportSize(size);
		await openProjector(page);
		const scroll = await page.evaluate(() => ({
			height: document.documentElement.scrollHeight,
			width: document.documentElement.scrollWidth,
			innerHeight,
			innerWidth
		}));
		expect(scroll.height).toBeLessThanOrEqual(scroll.innerHeight);
		expect(scroll.width).toBeLessThanOrEqual(scroll.innerWidth);
		await onScreen(page, page.getByRole('link', { name: 'Leave projector view' }));
		await onScreen(page, page.getByTestId('projector-total'));
		await onScreen(page, page.getByTestId('projector-people'));
		await onScreen(page, page.getByTestId('projector-kinds').locator('li').last());
		await onScreen(page, page.getByTestId('projector-cases').locator('li').last());
		// The last line of the list is whole (not clipped by it) and clear of the QR below, once
		// the list has measured the room it has (a frame after it last changed size).
		const cases = page.getByTestId('projector-cases');
		const overflow = async () => {
			const list = (await cases.boundingBox())!;
			const last = (await cases.locator('li').last().boundingBox())!;
			return last.y + last.height - (list.y + list.height);
		};
		await expect.poll(overflow).toBeLessThanOrEqual(0.5);
		const list = (await cases.boundingBox())!;
		const code = (await page.getByTestId('projector-qr').boundingBox())!;
		expect(list.y + list.height).toBeLessThanOrEqual(code.y);
		await onScreen(page, page.getByTestId('projector-qr').locator('svg'));
		// The rows that fit, largest first; the rest summed up in one line, never cut off.
		const rows = page.getByTestId('projector-cases').locator('li:not([data-testid])');
		expect(await rows.count()).toBeGreaterThanOrEqual(3);
		const first = (await rows.first().innerText()).replace(/\s+/g, ' ').trim();
		expect(first).toBe(`${caseNames[1]} 6`);
		const shown = await rows.count();
		const more = page.getByTestId('projector-more-cases');
		if (shown < caseNames.length) {
			expect(await more.innerText()).toBe(`+ ${caseNames.length - shown} more cases`);
		} else {
			expect(await more.count()).toBe(0);
		}
	});

	it('shows the totals, the kinds and progress toward the attendance expected', async () => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await openProjector(page);
		await expect.poll(() => totalText(page)).toBe(`${letters} actions for human rights`);
		const kinds = (await page.getByTestId('projector-kinds').locator('li').allInnerTexts()).map(
			(text) => text.replace(/\s+/g, ' ').trim()
		);
		expect(kinds).toEqual([
			`${letters} Appeal letters`,
			'0 Solidarity cards',
			'0 Petition signatures',
			'0 Online actions'
		]);
		expect(await page.getByTestId('projector-people').innerText()).toContain(
			`${PEOPLE} of ${EXPECTED} people expected`
		);
		expect(await page.locator('.meter').count()).toBe(1);

		// No attendance entered: the people count alone, no progress bar.
		await patchEventRow(page, eventId, { expected: null });
		// Written behind Dexie's back, so no live query sees it: open the screen again.
		await openProjector(page);
		await expect
			.poll(() => page.getByTestId('projector-people').innerText())
			.toBe(`${PEOPLE} people writing`);
		expect(await page.locator('.meter').count()).toBe(0);
		await patchEventRow(page, eventId, { expected: EXPECTED });
	});

	it('shows the participants’ QR, which decodes to the served origin’s case list', async () => {
		await openProjector(page);
		const code = page.getByTestId('projector-qr').locator('svg');
		expect(await code.getAttribute('aria-label')).toBeTruthy();
		expect(await decodeQr(code)).toBe(`${device.server.url}/c/en`);
		await expect(page.getByText('Scan to read the cases').isVisible()).resolves.toBe(true);
	});

	it('shows a tap made on the event screen in another tab without a reload', async () => {
		await openProjector(page);
		await expect.poll(() => totalText(page)).toBe(`${letters} actions for human rights`);
		// The changed total glows for a moment (the class is dropped when its animation ends).
		const glow = page
			.getByTestId('projector-total')
			.locator('.figure.changed')
			.waitFor({ state: 'attached', timeout: 15_000 });
		const tab = await device.context.newPage();
		try {
			await tab.goto(`${device.server.url}/event?id=${eventId}`);
			await tapAdd(tab, 'Solidarity cards', escapeRegExp(caseNames[0]!), 3);
		} finally {
			await tab.close();
		}
		await expect.poll(() => totalText(page)).toBe(`${letters + 3} actions for human rights`);
		await glow;
		const kinds = page.getByTestId('projector-kinds').locator('li');
		expect((await kinds.nth(1).innerText()).replace(/\s+/g, ' ')).toBe('3 Solidarity cards');
		// The first case rose from 2 to 5 and now ranks second, after the case with 6.
		const rows = page.getByTestId('projector-cases').locator('li:not([data-testid])');
		expect((await rows.nth(1).innerText()).replace(/\s+/g, ' ').trim()).toBe(`${caseNames[0]} 5`);
	});

	it('keeps a changed figure still under prefers-reduced-motion', async () => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		try {
			await openProjector(page);
			const before = await totalText(page);
			const tab = await device.context.newPage();
			try {
				await tab.goto(`${device.server.url}/event?id=${eventId}`);
				await tapAdd(tab, 'Online actions', escapeRegExp(caseNames[2]!), 1);
			} finally {
				await tab.close();
			}
			await expect.poll(() => totalText(page)).not.toBe(before);
			const changed = page.getByTestId('projector-total').locator('.figure.changed');
			await changed.waitFor({ state: 'attached' });
			expect(await changed.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
		} finally {
			await page.emulateMedia({ reducedMotion: null });
		}
	});

	it('has a fullscreen button with an accessible name that says what it does next', async () => {
		await openProjector(page);
		const enter = page.getByRole('button', { name: 'Full screen', exact: true });
		await enter.waitFor();
		await enter.focus();
		await page.keyboard.press('Enter');
		const leave = page.getByRole('button', { name: 'Exit full screen' });
		await leave.waitFor();
		expect(await page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(
			true
		);
		await leave.click();
		await enter.waitFor();
	});

	it('is usable on a phone held upright: no sideways scrolling, everything reachable', async () => {
		await page.setViewportSize({ width: 390, height: 844 });
		await openProjector(page);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(390);
		for (const testid of ['projector-total', 'projector-people', 'projector-qr']) {
			await page.getByTestId(testid).scrollIntoViewIfNeeded();
			expect(await page.getByTestId(testid).isVisible()).toBe(true);
		}
		// Every case counted is listed when the page may scroll.
		const rows = page.getByTestId('projector-cases').locator('li:not([data-testid])');
		expect(await rows.count()).toBe(caseNames.length);
	});
});
