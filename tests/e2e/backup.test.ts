/**
 * A backup carries counts from one device to another: device A counts offline and saves a
 * backup; device B, a fresh profile, imports it and syncs on A's behalf; the server's totals
 * equal A's taps exactly. Importing again changes nothing, and neither does A syncing its own
 * counts later: the server max-merges A's rows whoever sends them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { newProfile, type Profile } from './helpers/chromium';
import { createEventOffline, openReadyApp, syncNow, syncSheetText, tapAdd } from './helpers/host';

let server: AppServer;
const profiles: Profile[] = [];
const contexts: BrowserContext[] = [];
let a: Page;
let b: Page;
let tmp: string;
let file = '';
let eventId = '';

beforeAll(async () => {
	server = await startAppServer();
	tmp = mkdtempSync(join(tmpdir(), 'letterday-backup-'));
	for (let i = 0; i < 2; i++) {
		const profile = newProfile();
		profiles.push(profile);
		contexts.push(await profile.open());
	}
	a = await openReadyApp(contexts[0]!, server.url);
	b = await openReadyApp(contexts[1]!, server.url);
});

afterAll(async () => {
	for (const context of contexts) await context.close();
	for (const profile of profiles) profile.remove();
	rmSync(tmp, { recursive: true, force: true });
	await disposeAppServer(server);
});

/** The server's totals for the event, asked as a device with nothing to add. */
async function serverTotals(): Promise<Record<string, number>> {
	const backup = JSON.parse(readFileSync(file, 'utf8')) as {
		events: { id: string; key: string }[];
	};
	const { key } = backup.events.find((event) => event.id === eventId)!;
	const response = await fetch(`${server.url}/api/events/${eventId}/sync`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
		body: JSON.stringify({
			format: 1,
			deviceId: 'reader-reader-reader',
			event: {
				name: 'x',
				venue: '',
				city: '',
				province: 'NB',
				date: '2026-12-10',
				updatedAt: 1
			},
			counters: []
		})
	});
	expect(response.status).toBe(200);
	const answer = (await response.json()) as {
		totals: { caseId: string; kind: string; total: number }[];
	};
	return Object.fromEntries(answer.totals.map((t) => [`${t.caseId}/${t.kind}`, t.total]));
}

async function syncEventScreen(page: Page) {
	await page.goto(`${server.url}/event?id=${eventId}`);
	await syncNow(page);
	// The sheet stays open after this: the all-tables figures below are read in it.
	await expect
		.poll(() => syncSheetText(page, 'sync-waiting'))
		.toBe('Everything counted on this device has been sent.');
	await page.getByTestId('sync-last').waitFor({ state: 'attached' });
}

async function importFile(page: Page) {
	await page.goto(`${server.url}/status`);
	await page.locator('#restore-file').setInputFiles(file);
	await page.getByTestId('restore-preview').waitFor();
	await page.getByRole('button', { name: 'Merge into this device' }).click();
	await expect.poll(() => page.getByTestId('restore-result').textContent()).toMatch(/Merged/);
}

let caseName = '';
let expected: Record<string, number> = {};

describe('a backup file', () => {
	it('device A counts offline and saves a backup', async () => {
		await contexts[0]!.setOffline(true);
		await createEventOffline(a, 'Write-in at the hall');
		eventId = new URL(a.url()).searchParams.get('id')!;
		caseName = (await a.locator('article.case h3').first().textContent())!.split(' · ')[0]!.trim();
		await tapAdd(a, 'Appeal letters', caseName, 4);
		await tapAdd(a, 'Solidarity cards', caseName, 2);
		await tapAdd(a, 'Participants', 'this event', 5);

		await a.getByRole('navigation').getByRole('link', { name: 'Device status' }).click();
		await a.getByRole('heading', { level: 2, name: 'Backup', exact: true }).waitFor();
		const download = a.waitForEvent('download');
		await a.getByRole('button', { name: 'Save a backup' }).click();
		const saved = await download;
		expect(saved.suggestedFilename()).toMatch(/^letterday-backup-.*\.letterday\.json$/);
		file = join(tmp, saved.suggestedFilename());
		await saved.saveAs(file);
		await expect
			.poll(() => a.getByTestId('backup-saved').textContent())
			.toMatch(/Saved letterday-backup-.*: 1 event, 11 counts\./);
		const caseId = JSON.parse(readFileSync(file, 'utf8')).events[0].snapshots[0].counters.find(
			(c: { kind: string }) => c.kind === 'letter'
		).caseId as string;
		expected = {
			'_event/participants': 5,
			[`${caseId}/card`]: 2,
			[`${caseId}/letter`]: 4
		};
	});

	it('device B imports it offline, shows what it holds and what waits, syncs, and the server has A’s counts exactly', async () => {
		await b.goto(`${server.url}/status`);
		await contexts[1]!.setOffline(true);
		await b.locator('#restore-file').setInputFiles(file);
		const preview = b.getByTestId('restore-preview');
		await preview.waitFor();
		expect(await preview.textContent()).toMatch(/This file holds 1 event, 11 counts/);
		await expect
			.poll(() => b.evaluate(() => document.activeElement?.textContent))
			.toMatch(/This file holds/);
		expect(await b.locator('main').textContent()).toMatch(/New on this device/);
		await b.getByRole('button', { name: 'Merge into this device' }).click();
		await expect
			.poll(() => b.getByTestId('restore-result').textContent())
			.toMatch(/Merged 1 event\. Counts added to this device: 11\./);

		// Still offline: the status screen says what waits to be sent on A's behalf.
		await expect
			.poll(() => b.getByTestId('relayed-waiting').textContent())
			.toBe('11 imported counts waiting to be sent');

		await contexts[1]!.setOffline(false);
		await syncEventScreen(b);
		await expect.poll(() => b.getByTestId('all-letter').textContent()).toBe('4');
		expect(await b.getByTestId('all-card').textContent()).toBe('2');
		expect(await b.getByTestId('all-participants').textContent()).toBe('5');
		expect(await serverTotals()).toEqual(expected);
		await b.goto(`${server.url}/status`);
		await b.getByTestId('persisted').waitFor();
		expect(await b.getByTestId('relayed-waiting').count()).toBe(0);
	});

	it('importing again and syncing again changes nothing', async () => {
		await importFile(b);
		expect(await b.getByTestId('restore-result').textContent()).toMatch(
			/This device already had every count in this file\./
		);
		await syncEventScreen(b);
		expect(await serverTotals()).toEqual(expected);
		expect(await b.getByTestId('all-letter').textContent()).toBe('4');
	});

	it('A comes online and syncs its own counts: still exact', async () => {
		await contexts[0]!.setOffline(false);
		await syncEventScreen(a);
		expect(await serverTotals()).toEqual(expected);
		// B sent A's counts under A's name: A is the only device that counted, so A shows its own
		// figures and no "all tables" ones (they would be the same numbers).
		expect(await a.getByTestId('own-letter').textContent()).toBe('4');
		expect(await a.getByTestId('own-participants').textContent()).toBe('5');
		expect(await a.getByTestId('all-letter').count()).toBe(0);
	});

	it('refuses a bad file whole and says where it is wrong', async () => {
		const backup = JSON.parse(readFileSync(file, 'utf8'));
		backup.events[0].snapshots[0].counters[0].plus = 100_001;
		await b.goto(`${server.url}/status`);
		await b.locator('#restore-file').setInputFiles({
			name: 'bad.letterday.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(backup))
		});
		const alert = b.getByTestId('restore-error');
		await alert.waitFor();
		expect(await alert.textContent()).toMatch(
			/Nothing was imported\..*Event 1 “Write-in at the hall”, counts of device 1, count 1, added: a count must be a whole number/
		);
		expect(await serverTotals()).toEqual(expected);
	});
});
