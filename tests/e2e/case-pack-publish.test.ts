/**
 * A new case pack reaches a host's device by itself: the device holds the sample (2026.1) and
 * has counted a case; an organizer publishes 2027.1 on /organizer/packs (a bad file first: its
 * problems are listed and nothing changes); the device's next sync downloads it, shows the new
 * case, and keeps the dropped case's counts on screen, still syncing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CasePack, CaseSheet } from '$lib/shared/case-pack';
import { samplePack } from '$lib/server/case-pack';
import { startAppServer } from './helpers/app-server';
import { startHostDevice, stopHostDevice, type HostDevice } from './helpers/host-device';
import {
	closeSyncSheet,
	createEventOffline,
	openReadyApp,
	openSyncSheet,
	syncNow as syncEventNow,
	syncSheetText,
	tapAdd
} from './helpers/host';

const ORGANIZER = { email: 'organizer@example.org', password: 'a long enough passphrase' };
const [dropped, kept] = samplePack().cases as [CaseSheet, CaseSheet];

function nextYear(): CasePack {
	const pack = structuredClone(samplePack());
	pack.version = '2027.1';
	const added = { ...structuredClone(kept), id: 'ada-newcase', name: 'Ada Newcase' };
	pack.cases = [...pack.cases.filter((sheet) => sheet.id !== dropped.id), added];
	return pack;
}

let device: HostDevice;
let host: Page;
let organizer: Page;
let tmp: string;

beforeAll(async () => {
	device = await startHostDevice(
		startAppServer({ ORGANIZER_EMAIL: ORGANIZER.email, ORGANIZER_PASSWORD: ORGANIZER.password })
	);
	host = await openReadyApp(device.context, device.server.url);
	organizer = await device.context.newPage();
	tmp = mkdtempSync(join(tmpdir(), 'letterday-packs-'));
});
afterAll(async () => {
	await stopHostDevice(device ?? {});
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function syncNow() {
	await syncEventNow(host);
	await expect.poll(() => syncSheetText(host, 'sync-waiting')).toMatch(/has been sent/);
	await closeSyncSheet(host);
}

async function upload(pack: unknown): Promise<void> {
	const file = join(tmp, `pack-${Date.now()}.json`);
	writeFileSync(file, JSON.stringify(pack));
	await organizer.getByLabel('Case pack file').setInputFiles(file);
	await organizer.getByRole('button', { name: 'Publish' }).click();
}

const retired = () => host.getByTestId('retired-cases');

describe('publishing a case pack', () => {
	it('the host counts a case of the pack it holds, and syncs', async () => {
		await createEventOffline(host, 'Library write-in');
		await tapAdd(host, 'Appeal letters', dropped.name, 2);
		await syncNow();
		expect(await retired().count()).toBe(0);
	});

	it('an organizer publishes 2027.1; a bad file first changes nothing', async () => {
		await organizer.goto(`${device.server.url}/organizer/packs`);
		await organizer.getByLabel('Email').fill(ORGANIZER.email);
		await organizer.getByLabel('Password').fill(ORGANIZER.password);
		await organizer.getByRole('button', { name: 'Log in' }).click();
		await organizer.getByRole('heading', { level: 1, name: 'Case packs' }).waitFor();

		const bad = nextYear();
		bad.cases[0]!.story.fr = '';
		await upload(bad);
		const problems = organizer.getByTestId('publish-problems');
		await problems.waitFor();
		expect(await problems.textContent()).toContain('1 problem to fix');
		const row = problems.locator('tbody tr');
		expect(await row.locator('td').allTextContents()).toEqual([
			`${bad.cases[0]!.id} (cases[0])`,
			'story.fr',
			'must not be empty'
		]);
		const packs = organizer.getByTestId('published-packs').locator('tbody tr');
		expect(await packs.count()).toBe(1);

		await upload(nextYear());
		await expect
			.poll(() => organizer.getByTestId('publish-result').textContent())
			.toContain('Case pack 2027.1 (13 cases) is published and active.');
		await expect.poll(() => packs.count()).toBe(2);
		expect(await packs.first().locator('th, td').allTextContents()).toEqual([
			'2027.1',
			'Active',
			expect.any(String),
			ORGANIZER.email,
			'13'
		]);
	});

	it('the host’s next sync downloads it: the new case shows, the dropped one keeps its counts', async () => {
		await host.bringToFront();
		// Counted on the device's old pack after the server dropped the case: still accepted.
		await tapAdd(host, 'Appeal letters', dropped.name, 1);
		await syncNow();
		await host.getByRole('heading', { level: 3, name: /Ada Newcase/ }).waitFor();
		await retired().waitFor();
		expect(await retired().getByRole('heading', { level: 3 }).textContent()).toContain(
			dropped.name
		);
		const add = retired().getByRole('button', {
			name: new RegExp(`^Add one Appeal letters for ${dropped.name};`)
		});
		expect(await add.getAttribute('aria-label')).toMatch(/now 3$/);
		// One device alone: its count, and no "in all" figure that would only repeat it.
		expect((await add.textContent())?.trim()).toBe('3');

		// Counts on the retired case still reach the server.
		await tapAdd(host, 'Appeal letters', dropped.name, 1);
		await syncNow();
		await expect.poll(() => add.getAttribute('aria-label')).toMatch(/now 4$/);
		await openSyncSheet(host);
		expect(await host.getByTestId('all-letter').count()).toBe(0);
		await closeSyncSheet(host);
	});
});
