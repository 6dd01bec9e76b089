/** Steps a host takes in the app, shared by the end-to-end tests. */
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';

/** Opens the app online and waits until the pack is on the device and the SW controls the page. */
export async function openReadyApp(context: BrowserContext, url: string): Promise<Page> {
	const page = context.pages()[0] ?? (await context.newPage());
	await page.goto(url);
	// Called from beforeAll too, where expect.poll is not allowed: wait on the page instead.
	await page.getByTestId('pack-ready').waitFor({ timeout: 30_000 });
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
		timeout: 30_000
	});
	return page;
}

/** `contact` fills the optional "For the organizers" fields. */
export async function createEventOffline(
	page: Page,
	name: string,
	contact?: { groupName: string; email: string }
): Promise<void> {
	await page.getByRole('link', { name: 'Events' }).click();
	await page.getByRole('link', { name: 'New event' }).click();
	await page.getByLabel('Event name').fill(name);
	await page.getByLabel('Venue').fill('Community hall');
	await page.getByLabel('City or town').fill('Moncton');
	await page.getByLabel('Province or territory').selectOption('NB');
	await page.getByLabel('Date').fill('2026-12-10');
	if (contact) {
		await page.getByLabel('Group name').fill(contact.groupName);
		await page.getByLabel('Contact email').fill(contact.email);
	}
	await page.getByRole('button', { name: 'Create event' }).click();
	await page.getByRole('heading', { level: 1, name }).waitFor();
	await expect.poll(() => page.locator('article.case').count()).toBeGreaterThanOrEqual(8);
}

/** Taps a tally button `times` times, waiting for each repaint. */
export async function tapAdd(page: Page, kind: string, subject: string, times = 1) {
	const button = page.getByRole('button', { name: new RegExp(`^Add one ${kind} for ${subject};`) });
	for (let i = 0; i < times; i++) {
		const before = await button.getAttribute('aria-label');
		await button.click();
		await expect.poll(() => button.getAttribute('aria-label')).not.toBe(before);
	}
}

/**
 * Takes one back with the cell's own "Take one back" button, as a keyboard or screen-reader
 * user does: it is out of sight until it has focus, so it is reached by focus, not by a click.
 */
export async function takeBack(page: Page, kind: string, subject: string) {
	const add = page.getByRole('button', { name: new RegExp(`^Add one ${kind} for ${subject};`) });
	const before = await add.getAttribute('aria-label');
	await page.getByRole('button', { name: `Take one back from ${kind} for ${subject}` }).focus();
	await page.keyboard.press('Enter');
	await expect.poll(() => add.getAttribute('aria-label')).not.toBe(before);
}

/** Opens the sync sheet from the summary line (its details: last sync, devices, Sync now, the
 * figures by kind). Its contents exist only while it is open: read `sync-*` and `all-*` here. */
export async function openSyncSheet(page: Page) {
	const sheet = page.getByTestId('sync-sheet');
	if (!(await sheet.evaluate((el: HTMLDialogElement) => el.open))) {
		await page.getByTestId('event-summary').getByRole('button').click();
	}
	await sheet.getByRole('heading', { name: 'Sync with the national count' }).waitFor();
	return sheet;
}

/** Closes the sync sheet if it is open (a modal: the grid behind it cannot be tapped). */
export async function closeSyncSheet(page: Page) {
	const sheet = page.getByTestId('sync-sheet');
	if (await sheet.evaluate((el: HTMLDialogElement) => el.open)) {
		await sheet.getByRole('button', { name: 'Close' }).click();
	}
}

/** The text of `testid` in the sync sheet, opening it first if need be (it stays open). */
export async function syncSheetText(page: Page, testid: string) {
	await openSyncSheet(page);
	return page.getByTestId(testid).textContent();
}

/** Opens the sync sheet, taps "Sync now" once it can be tapped, and closes the sheet again. */
export async function syncNow(page: Page) {
	const sheet = await openSyncSheet(page);
	const button = sheet.getByRole('button', { name: 'Sync now' });
	await expect.poll(() => button.isEnabled()).toBe(true);
	await button.click();
	await sheet.getByRole('button', { name: 'Close' }).click();
}

/** "Add several": picks the case, the kind and the number in the dialog, and waits for the count. */
export async function addBatch(page: Page, kind: string, subject: string, n: number) {
	const add = page.getByRole('button', { name: new RegExp(`^Add one ${kind} for ${subject};`) });
	const before = await add.getAttribute('aria-label');
	await page.getByRole('button', { name: 'Add several' }).click();
	const dialog = page.getByRole('dialog', { name: 'Add several at once' });
	await dialog.getByLabel('Case').selectOption({ label: subject });
	await dialog.getByRole('radio', { name: kind }).check();
	await dialog.getByLabel('How many').fill(String(n));
	await dialog.getByRole('button', { name: 'Add', exact: true }).click();
	await expect.poll(() => add.getAttribute('aria-label')).not.toBe(before);
	await dialog.waitFor({ state: 'hidden' });
}
