/**
 * Two devices count one event: the co-host joins by a photo of the host's co-host QR with no
 * network, both count offline, then both sync and show the same event totals, equal to the sum
 * of their taps. The host gave a contact for the organizers: it reaches the server's row and
 * nothing a QR code, a link or a participant page shows, and the co-host's sync keeps it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { newProfile, type Profile } from './helpers/chromium';
import {
	closeSyncSheet,
	createEventOffline,
	openReadyApp,
	syncNow,
	syncSheetText,
	tapAdd
} from './helpers/host';
import { readEventRow } from './helpers/idb';
import { decodeQr } from './helpers/qr';

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

/** In the sync sheet, opened for it (and left open). */
const allTotal = (page: Page, kind: string) => syncSheetText(page, `all-${kind}`);

const contact = { groupName: 'Moncton youth group', email: 'w4r-moncton@example.org' };
const eventIdOf = (page: Page) => new URL(page.url()).searchParams.get('id')!;

/** The contact as the server's SQLite file holds it. */
function serverContact(eventId: string) {
	const db = new Database(join(server.dataDir, 'letterday.sqlite'), { readonly: true });
	try {
		return db.prepare('select group_name, contact_email from events where id = ?').get(eventId) as
			{ group_name: string; contact_email: string } | undefined;
	} finally {
		db.close();
	}
}

describe('host and co-host', () => {
	let caseName = '';

	it('the co-host joins from a photo of the co-host QR, offline', async () => {
		await contexts[0]!.setOffline(true);
		await contexts[1]!.setOffline(true);
		await createEventOffline(host, 'Two-table write-in', contact);
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
		// The organizers' contact is in neither the co-host QR nor its link.
		const cohostLink = await host.locator('main input[readonly]').inputValue();
		expect(await decodeQr(host.getByTestId('cohost-qr').locator('svg'))).toBe(cohostLink);
		const readable = decodeURIComponent(cohostLink.replaceAll('+', ' '));
		for (const text of [cohostLink, readable, await host.content()]) {
			expect(text).not.toContain(contact.email);
			expect(text).not.toContain('youth group');
		}

		await cohost.goto(`${server.url}/join`);
		await cohost.locator('#join-photo').setInputFiles(photo);
		await cohost.getByRole('heading', { name: /Join “Two-table write-in”/ }).waitFor();
		await cohost.getByRole('button', { name: 'Join and start counting' }).click();
		await cohost.getByRole('heading', { level: 1, name: 'Two-table write-in' }).waitFor();
		expect(await readEventRow(cohost, eventIdOf(cohost))).not.toHaveProperty('contact');
	});

	it('the participants’ QR screen carries no contact', async () => {
		// The event's name links back from the band under the header.
		await host.locator('.event-band').getByRole('link', { name: 'Two-table write-in' }).click();
		await host.getByRole('link', { name: 'Participants QR' }).click();
		const list = host.getByTestId('participants-qr').locator('svg');
		await list.waitFor();
		expect(await decodeQr(list)).toBe(`${server.url}/c/en`);
		const html = await host.content();
		expect(html).not.toContain(contact.email);
		expect(html).not.toContain('youth group');
	});

	it('both count offline and agree on the event totals after syncing', async () => {
		await tapAdd(cohost, 'Appeal letters', caseName, 3);
		await tapAdd(cohost, 'Participants', 'this event', 2);
		await host.locator('.event-band').getByRole('link', { name: 'Two-table write-in' }).click();
		await host.getByRole('heading', { level: 1, name: 'Two-table write-in' }).waitFor();
		await tapAdd(host, 'Solidarity cards', caseName, 1);

		await contexts[0]!.setOffline(false);
		await contexts[1]!.setOffline(false);
		for (const page of [host, cohost, host]) {
			await syncNow(page);
			await expect
				.poll(() => syncSheetText(page, 'sync-waiting'))
				.toBe('Everything counted on this device has been sent.');
		}
		await syncNow(cohost);

		for (const page of [host, cohost]) {
			await expect.poll(() => allTotal(page, 'letter')).toBe('7');
			await expect.poll(() => allTotal(page, 'card')).toBe('1');
			await expect.poll(() => allTotal(page, 'participants')).toBe('8');
		}
		expect(await host.getByTestId('own-letter').textContent()).toBe('4');
		expect(await cohost.getByTestId('own-letter').textContent()).toBe('3');
		await expect.poll(() => syncSheetText(host, 'sync-last')).toMatch(/2 devices/);
		for (const page of [host, cohost]) await closeSyncSheet(page);
		// The host's sync brought the contact; the co-host's, which has none, left it in place.
		expect(serverContact(eventIdOf(host))).toEqual({
			group_name: contact.groupName,
			contact_email: contact.email
		});
	});
});

describe('co-host report by QR', () => {
	it('the co-host QR carried the event’s signing key: the co-host can report by QR too', async () => {
		await cohost.getByRole('link', { name: 'Report by QR' }).click();
		await cohost.getByTestId('report-qr').locator('svg').waitFor();
		expect(await cohost.getByTestId('report-no-key').count()).toBe(0);
	});
});
