/**
 * Every host route, loaded in full (a bookmark, a reload, a projector left open all day), is
 * clean: no console error, no failed or 404 request, and the one service worker it registers is
 * /service-worker.js for the whole app. A relative script URL once made nested screens ask for
 * /event/service-worker.js, so they never set up their update check.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHostDevice } from './helpers/host-device';
import { openReadyApp } from './helpers/host';
import { HOST_SCREENS, seedEvent, type HostData } from './helpers/host-screens';

const device = useHostDevice();
let data: HostData;

interface LoadProblems {
	errors: string[];
	failed: string[];
}

/** Records what goes wrong while the page loads, and every service worker registration asked. */
async function watch(page: Page): Promise<LoadProblems> {
	const problems: LoadProblems = { errors: [], failed: [] };
	page.on('console', (message) => {
		if (message.type() === 'error') problems.errors.push(message.text());
	});
	page.on('pageerror', (error) => problems.errors.push(String(error)));
	page.on('response', (response) => {
		if (response.status() >= 400) problems.failed.push(`${response.status()} ${response.url()}`);
	});
	page.on('requestfailed', (request) => problems.failed.push(`failed ${request.url()}`));
	await page.addInitScript(() => {
		const calls: string[] = [];
		Object.assign(window, { swRegistrations: calls });
		const container = navigator.serviceWorker;
		const register = container.register.bind(container);
		container.register = (url, options) => {
			const script = new URL(String(url), location.href).href;
			const scope = new URL(options?.scope ?? './', script).href;
			calls.push(`${script} scope ${scope}`);
			return register(url, options);
		};
	});
	return problems;
}

describe('a full load of every host route', () => {
	it('has an event with counts and the case pack on the device', async () => {
		// In a test, not beforeAll: the seeding helpers poll with expect.
		const page = await openReadyApp(device.context, device.server.url);
		data = await seedEvent(page, 'Full loads');
	});

	it.each(HOST_SCREENS)('$name: no console error, no 404, one worker at /', async (screen) => {
		const page = await device.context.newPage();
		try {
			const problems = await watch(page);
			await page.goto(`${device.server.url}${screen.path(data)}`);
			await screen.ready(page);
			// workbox-window registers once the page's load event has fired.
			await page.waitForFunction(
				() => (window as unknown as { swRegistrations: string[] }).swRegistrations.length > 0,
				undefined,
				{ timeout: 15_000 }
			);
			const registration = await page.evaluate(async () => {
				const ready = await navigator.serviceWorker.ready;
				return { scope: ready.scope, script: ready.active?.scriptURL };
			});
			await page.waitForLoadState('networkidle');
			const origin = device.server.url;
			expect(
				await page.evaluate(
					() => (window as unknown as { swRegistrations: string[] }).swRegistrations
				)
			).toEqual([`${origin}/service-worker.js scope ${origin}/`]);
			expect(registration).toEqual({ scope: `${origin}/`, script: `${origin}/service-worker.js` });
			expect(problems.failed).toEqual([]);
			expect(problems.errors).toEqual([]);
		} finally {
			await page.close();
		}
	});
});
