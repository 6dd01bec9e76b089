/**
 * A host whose first visit is a nested screen (a bookmark to /event/new, a shared /event link, a
 * projector opened straight from a saved tab) still gets the service worker for the whole app,
 * so every screen works offline afterwards and checks for updates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { startHostDevice, stopHostDevice } from './helpers/host-device';

let server: AppServer;
beforeAll(async () => {
	server = await startAppServer();
});
afterAll(() => disposeAppServer(server));

// Ids need not exist: the worker is registered by the layout, whatever the screen shows.
const FIRST_PAGES = [
	'/event/new',
	'/event?id=unknown',
	'/event/projector?id=unknown',
	'/event/qr?id=unknown',
	'/event/cohost?id=unknown',
	'/cases/view?id=unknown'
];

describe('service worker registration', () => {
	it.each(FIRST_PAGES)(
		'registers /service-worker.js with the root scope from a first visit to %s',
		async (path) => {
			// A fresh profile per page: each is the device's very first visit.
			const device = await startHostDevice(Promise.resolve(server));
			try {
				const page = device.context.pages()[0] ?? (await device.context.newPage());
				const missing: string[] = [];
				page.on('response', (response) => {
					if (response.status() === 404) missing.push(new URL(response.url()).pathname);
				});
				await page.goto(`${device.server.url}${path}`);
				// `ready` never settles when registration failed: give up after a while, not hang.
				const registration = await page.evaluate(() =>
					Promise.race([
						navigator.serviceWorker.ready.then((ready) => ({
							scope: ready.scope,
							script: ready.active?.scriptURL
						})),
						new Promise((resolve) => setTimeout(() => resolve('no registration'), 15_000))
					])
				);
				expect(registration).toEqual({
					scope: `${device.server.url}/`,
					script: `${device.server.url}/service-worker.js`
				});
				expect(missing).toEqual([]);
			} finally {
				// The server outlives each device: close the browser and drop its profile only.
				await stopHostDevice({ ...device, server: undefined });
			}
		}
	);
});
