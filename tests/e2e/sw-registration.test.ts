/**
 * A host whose first visit is a nested screen (a bookmark to /event/new, a shared /event link)
 * still gets the service worker for the whole app, so every screen works offline afterwards.
 */
import { describe, expect, it } from 'vitest';
import { useHostDevice } from './helpers/host-device';

const device = useHostDevice();

describe('service worker registration', () => {
	it('registers /service-worker.js with the root scope from a nested first page', async () => {
		const page = device.context.pages()[0] ?? (await device.context.newPage());
		const missing: string[] = [];
		page.on('response', (response) => {
			if (response.status() === 404) missing.push(new URL(response.url()).pathname);
		});
		await page.goto(`${device.server.url}/event/new`);
		// `ready` never settles when registration failed: give up after a while rather than hang.
		const scope = await page.evaluate(() =>
			Promise.race([
				navigator.serviceWorker.ready.then((registration) => registration.scope),
				new Promise((resolve) => setTimeout(() => resolve('no registration'), 15_000))
			])
		);
		expect(scope).toBe(`${device.server.url}/`);
		expect(missing).toEqual([]);
	});
});
