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
