/**
 * A case update travels (issue 14, part 4): an organizer publishes one on /organizer/updates (a
 * refused form first, changing nothing); the participant page shows it under "What your letters
 * did" in English and in French, with JavaScript off too, and the case list shows the status; a
 * host device that syncs downloads the pack again by itself and, offline, shows the update on
 * its case sheet and the status on the projector.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { samplePack } from '$lib/server/case-pack';
import { startAppServer } from './helpers/app-server';
import { chromium, launchOptions } from './helpers/chromium';
import { startHostDevice, stopHostDevice, type HostDevice } from './helpers/host-device';
import {
	closeSyncSheet,
	createEventOffline,
	openReadyApp,
	syncNow as syncEventNow,
	syncSheetText
} from './helpers/host';
import { ORGANIZER, logIn } from './helpers/organizer';

const [sheet] = samplePack().cases;
const noteEn = 'Test update: the suite checks this note.';
const noteFr = 'Mise à jour de test : la suite vérifie cette note.';

let device: HostDevice;
let host: Page;
let organizer: Page;
let noScript: Browser;
let eventId = '';

beforeAll(async () => {
	device = await startHostDevice(
		startAppServer({ ORGANIZER_EMAIL: ORGANIZER.email, ORGANIZER_PASSWORD: ORGANIZER.password })
	);
	host = await openReadyApp(device.context, device.server.url);
	organizer = await device.context.newPage();
	noScript = await chromium.launch(launchOptions());
});
afterAll(async () => {
	await noScript?.close();
	await stopHostDevice(device ?? {});
});

async function syncNow() {
	await syncEventNow(host);
	await expect.poll(() => syncSheetText(host, 'sync-waiting')).toMatch(/has been sent/);
	await closeSyncSheet(host);
}

describe('case updates', () => {
	it('the host creates an event and syncs, holding the pack with no update', async () => {
		await createEventOffline(host, 'Library write-in');
		eventId = new URL(host.url()).searchParams.get('id')!;
		await syncNow();
	});

	it('an organizer publishes an update; a refused form first names its problems', async () => {
		await logIn(organizer, device.server.url);
		await organizer.getByRole('link', { name: 'Case updates' }).click();
		await organizer.getByRole('heading', { level: 1, name: 'Case updates' }).waitFor();

		// Nothing chosen, no French note: refused, and the summary links each field.
		await organizer.getByLabel('Note in English').fill(noteEn);
		await organizer.getByRole('button', { name: 'Publish the update' }).click();
		const summary = organizer.getByRole('alert');
		await summary.waitFor();
		expect(await summary.getByRole('link').allTextContents()).toEqual([
			'Choose the case the update is about.',
			'Write the note in French.'
		]);
		expect(await organizer.getByText('No update yet.').count()).toBe(samplePack().cases.length);

		await organizer.getByLabel('Case', { exact: true }).selectOption(sheet!.id);
		await organizer.getByLabel('Date of the news').fill('2025-12-10');
		await organizer.getByLabel('New status (optional)').selectOption('released');
		await organizer.getByLabel('Note in English').fill(noteEn);
		await organizer.getByLabel('Note in French').fill(noteFr);
		await organizer.getByRole('button', { name: 'Preview' }).click();
		const preview = organizer.getByTestId('update-preview');
		await preview.waitFor();
		expect(await preview.innerText()).toContain(noteFr);
		expect(await organizer.getByText('No update yet.').count()).toBe(samplePack().cases.length);

		await organizer.getByRole('button', { name: 'Publish the update' }).click();
		await expect
			.poll(() => organizer.getByTestId('update-result').textContent())
			.toContain(`The update on ${sheet!.name} is published.`);
		const row = organizer.getByTestId('update-cases').locator(`li[data-case="${sheet!.id}"]`);
		await expect.poll(() => row.innerText()).toContain(noteFr);
		expect(await row.locator('.status-badge').first().textContent()).toBe('Released');
	});

	it('the participant page shows it in English and in French, with JavaScript off', async () => {
		const context = await noScript.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		try {
			await page.goto(`${device.server.url}/c/en/${sheet!.id}`);
			const section = page.getByTestId('case-updates');
			expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe(
				'What your letters did'
			);
			const text = await section.innerText();
			expect(text).toContain(noteEn);
			expect(text).toContain('Released');
			expect(text).toContain('December 10, 2025');

			// The sheet is its only transfer (styles inline, no script but the copy button's, photos
			// apart): with its update it keeps the 20 KB budget, gzipped.
			const raw = await fetch(`${device.server.url}/c/en/${sheet!.id}`, {
				headers: { 'accept-encoding': 'identity' }
			});
			const html = await raw.text();
			expect(html).toContain(noteEn);
			expect(gzipSync(html).length).toBeLessThan(20 * 1024);

			await page.goto(`${device.server.url}/c/fr/${sheet!.id}`);
			const fr = await page.getByTestId('case-updates').innerText();
			expect(fr).toContain('Ce qu’ont accompli vos lettres');
			expect(fr).toContain(noteFr);
			expect(fr).toContain('Libération');
			expect(fr).toContain('10 décembre 2025');
			expect(fr).not.toContain(noteEn);

			await page.goto(`${device.server.url}/c/fr`);
			const item = page.locator('li', { has: page.getByRole('link', { name: sheet!.name }) });
			expect(await item.locator('.status-badge').textContent()).toBe('Libération');
		} finally {
			await context.close();
		}
	});

	it('the host’s next sync brings it; offline, the case sheet and the projector show it', async () => {
		await host.bringToFront();
		await syncNow();
		// followPack runs after the sync: wait until the device's copy has the update.
		await host.goto(`${device.server.url}/cases/view?id=${sheet!.id}`);
		await expect
			.poll(async () => {
				await host.reload();
				return host.getByTestId('case-updates').count();
			})
			.toBe(1);

		await device.context.setOffline(true);
		try {
			await host.reload();
			const section = host.getByTestId('case-updates');
			await section.waitFor();
			expect(await section.innerText()).toContain(noteEn);
			expect(await section.locator('.status-badge').textContent()).toBe('Released');

			await host.goto(`${device.server.url}/event/projector?id=${eventId}`);
			await host.getByTestId('projector-total').waitFor();
			const rows = host.getByTestId('projector-cases').locator('li', { hasText: sheet!.name });
			expect(await rows.locator('.status-badge').textContent()).toBe('Released');
		} finally {
			await device.context.setOffline(false);
		}
	});

	it('withdrawing asks first and works without JavaScript; the participant page drops it', async () => {
		const context = await noScript.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		try {
			await logIn(page, device.server.url);
			await page.goto(`${device.server.url}/organizer/updates`);
			await page.getByRole('link', { name: 'Withdraw' }).click();
			const confirm = page.getByTestId('withdraw-confirm');
			expect(await confirm.innerText()).toContain(noteEn);
			// Cancel changes nothing.
			await confirm.getByRole('link', { name: 'Cancel' }).click();
			expect(await page.getByTestId('withdraw-confirm').count()).toBe(0);
			expect(await page.getByText(/^Withdrawn /).count()).toBe(0);

			// (This context has not visited the participant pages: a phone keeps one 5 minutes.)
			await page.getByRole('link', { name: 'Withdraw' }).click();
			await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
			expect(await page.getByTestId('update-result').textContent()).toBe(
				'The update is withdrawn.'
			);
			const row = page.getByTestId('update-cases').locator(`li[data-case="${sheet!.id}"]`);
			expect(await row.innerText()).toMatch(/Withdrawn /);
			expect(await page.getByRole('link', { name: 'Withdraw' }).count()).toBe(0);

			await page.goto(`${device.server.url}/c/en/${sheet!.id}`);
			expect(await page.getByTestId('case-updates').count()).toBe(0);
			await page.goto(`${device.server.url}/c/en`);
			expect(await page.locator('.status-badge').count()).toBe(0);
		} finally {
			await context.close();
		}
	});
});
