/**
 * Two devices count one event: the co-host joins by a photo of the host's co-host QR with no
 * network, both count offline, then both sync and show the same event totals, equal to the sum
 * of their taps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { newProfile, type Profile } from './helpers/chromium';
import { createEventOffline, openReadyApp, tapAdd } from './helpers/host';

let server: AppServer;
const profiles: Profile[] = [];
const contexts: BrowserContext[] = [];
let host: Page;
let cohost: Page;
let tmp: string;

beforeAll(async () => {
	server = await startAppServer();
	tmp = mkdtempSync(join(tmpdir(), 'letterday-qr-'));
	for (let i = 0; i < 2; i++) {
		const profile = newProfile();
		profiles.push(profile);
		const context = await profile.open();
		contexts.push(context);
	}
	host = await openReadyApp(contexts[0]!, server.url);
	cohost = await openReadyApp(contexts[1]!, server.url);
});

afterAll(async () => {
	for (const context of contexts) await context.close();
	for (const profile of profiles) profile.remove();
	rmSync(tmp, { recursive: true, force: true });
	await disposeAppServer(server);
});

const allTotal = (page: Page, kind: string) => page.getByTestId(`all-${kind}`).textContent();

describe('host and co-host', () => {
	let caseName = '';

	it('the co-host joins from a photo of the co-host QR, offline', async () => {
		await contexts[0]!.setOffline(true);
		await contexts[1]!.setOffline(true);
		await createEventOffline(host, 'Two-table write-in');
		caseName = (await host.locator('article.case h3').first().textContent())!
			.split(' · ')[0]!
			.trim();
		await tapAdd(host, 'Appeal letters', caseName, 4);
		await tapAdd(host, 'Participants', 'this event', 6);

		await host.getByRole('link', { name: 'Co-host QR' }).click();
		const photo = join(tmp, 'cohost-qr.png');
		writeFileSync(photo, await host.getByTestId('cohost-qr').locator('svg').screenshot());
		// The key is in the QR: it must never be shown on the participants' screen.
		const hostUrl = new URL(host.url());
		expect(hostUrl.pathname).toBe('/event/cohost');

		await cohost.goto(`${server.url}/join`);
		await cohost.locator('#join-photo').setInputFiles(photo);
		await cohost.getByRole('heading', { name: /Join “Two-table write-in”/ }).waitFor();
		await cohost.getByRole('button', { name: 'Join and start counting' }).click();
		await cohost.getByRole('heading', { level: 1, name: 'Two-table write-in' }).waitFor();
	});

	it('both count offline and agree on the event totals after syncing', async () => {
		await tapAdd(cohost, 'Appeal letters', caseName, 3);
		await tapAdd(cohost, 'Participants', 'this event', 2);
		await host.goBack();
		await host.getByRole('heading', { level: 1, name: 'Two-table write-in' }).waitFor();
		await tapAdd(host, 'Solidarity cards', caseName, 1);

		await contexts[0]!.setOffline(false);
		await contexts[1]!.setOffline(false);
		for (const page of [host, cohost, host]) {
			const button = page.getByRole('button', { name: 'Sync now' });
			await expect.poll(() => button.isEnabled()).toBe(true);
			await button.click();
			await expect
				.poll(() => page.getByTestId('sync-waiting').textContent())
				.toBe('Everything counted on this device has been sent.');
		}
		await cohost.getByRole('button', { name: 'Sync now' }).click();

		for (const page of [host, cohost]) {
			await expect.poll(() => allTotal(page, 'letter')).toBe('7');
			await expect.poll(() => allTotal(page, 'card')).toBe('1');
			await expect.poll(() => allTotal(page, 'participants')).toBe('8');
		}
		expect(await host.getByTestId('own-letter').textContent()).toBe('4');
		expect(await cohost.getByTestId('own-letter').textContent()).toBe('3');
		await expect.poll(() => host.getByTestId('sync-last').textContent()).toMatch(/2 devices/);
	});
});

describe('co-host report by QR', () => {
	it('the co-host QR carried the event’s signing key: the co-host can report by QR too', async () => {
		await cohost.getByRole('link', { name: 'Report by QR' }).click();
		await cohost.getByTestId('report-qr').locator('svg').waitFor();
		expect(await cohost.getByTestId('report-no-key').count()).toBe(0);
	});
});
