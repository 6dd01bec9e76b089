// How every Letterday browser run starts Chromium: Debian's build (Playwright's own download does
// not work on these machines) unless CHROMIUM_PATH names another, with the flags that keep it
// from calling home on a closed network. Used by the benchmarks and the end-to-end tests.

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Fills the new-event form as a host does and waits for the event screen's first case button;
 * the page must have the case pack already (the start page shows `pack-ready`). Returns the event
 * screen's URL. One way for every bench that needs an event on the device.
 * @param {import('playwright-core').Page} page
 * @param {string} base the app's origin
 * @param {string} name the event's name
 */
export async function createEventIn(page, base, name) {
	await page.goto(`${base}/event/new`);
	await page.getByLabel('Event name').fill(name);
	await page.getByLabel('Venue').fill('Hall');
	await page.getByLabel('City or town').fill('Ottawa');
	await page.getByLabel('Province or territory').selectOption('ON');
	await page.getByRole('button', { name: 'Create event' }).click();
	await page.locator('article.case button.add').first().waitFor({ timeout: 30_000 });
	return page.url();
}
