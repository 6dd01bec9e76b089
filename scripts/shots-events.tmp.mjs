import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../bench/chromium.js';

const SIZES = [
	{ name: '320', width: 320, height: 640 },
	{ name: '390', width: 390, height: 844 },
	{ name: '768', width: 768, height: 1024 },
	{ name: '1280', width: 1280, height: 800 }
];
const outDir = process.argv[2] ?? '/tmp/shots-events';
mkdirSync(outDir, { recursive: true });
const port = 4800 + Math.floor(Math.random() * 100);
const origin = `http://localhost:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'letterday-shots-'));
const server = spawn('node', ['build'], {
	env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ORIGIN: origin, DATABASE_URL: '' },
	stdio: 'ignore'
});
for (let i = 0; i < 100; i++) {
	if (await fetch(`${origin}/api/health`).then((r) => r.ok).catch(() => false)) break;
	await new Promise((r) => setTimeout(r, 100));
}
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const dirty = (page, id) =>
	page.evaluate(
		(id) =>
			new Promise((resolve) => {
				const open = indexedDB.open('letterday');
				open.onsuccess = () => {
					const get = open.result.transaction('events').objectStore('events').get(id);
					get.onsuccess = () => resolve(get.result?.detailsDirty);
				};
			}),
		id
	);
try {
	const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
	const page = await context.newPage();
	await page.goto(origin);
	await page.getByTestId('pack-ready').waitFor({ timeout: 30_000 });
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
	async function create(name, date, city = 'Moncton') {
		await page.goto(`${origin}/event/new`);
		await page.getByLabel('Event name').fill(name);
		await page.getByLabel('Venue').fill('Public library');
		await page.getByLabel('City or town').fill(city);
		await page.getByLabel('Province or territory').selectOption('NB');
		if (date) await page.getByLabel('Date').fill(date);
		await page.getByRole('button', { name: 'Create event' }).click();
		await page.waitForURL(/\/event\?id=/);
		return new URL(page.url()).searchParams.get('id');
	}
	async function archive(name) {
		await page.goto(origin);
		await page.getByRole('button', { name: `Archive “${name}”` }).click();
	}
	const spring = await create('Spring write-in at Université de Moncton', '2026-04-12');
	for (let i = 0; i < 100 && (await dirty(page, spring)) !== 0; i++) await page.waitForTimeout(200);
	await archive('Spring write-in at Université de Moncton');
	await context.setOffline(true);
	await create('Test event', '2026-02-02');
	await archive('Test event');
	await create('Last year’s Human Rights Day write-in', '2025-12-10', 'Dieppe');
	await create('Human Rights Day letters', '2026-12-10');
	await create('Write-in at the Moncton library');

	const states = {
		list: async () => {},
		archived: async () => {
			await page.getByTestId('events-archived').locator('summary').click();
			await page.getByTestId('events-archived').locator('li', { hasText: 'Spring' }).locator('.delete button').click();
			await page.locator('.delete [role="group"]').waitFor();
		},
		refused: async () => {
			await page.getByTestId('events-archived').locator('summary').click();
			await page.getByTestId('events-archived').locator('li', { hasText: 'Test event' }).locator('.delete button').click();
			await page.locator('.delete [role="group"]').waitFor();
		},
		new: null,
		newErrors: async () => {
			await page.locator('#ev-name').fill('');
			await page.locator('main form button[type="submit"]').click();
			await page.locator('#ev-name').fill('Write-in');
		},
		edit: null
	};
	const paths = { list: '/', archived: '/', refused: '/', new: '/event/new', newErrors: '/event/new', edit: `/event/edit?id=${spring}` };
	for (const lang of ['en', 'fr']) {
		await page.evaluate((l) => localStorage.setItem('letterday.lang', l), lang);
		for (const [name, act] of Object.entries(states)) {
			if (process.argv[3] && !process.argv.slice(3).includes(name)) continue;
			for (const size of SIZES) {
				await page.setViewportSize({ width: size.width, height: size.height });
				await page.goto(origin + paths[name]);
				await page.waitForTimeout(400);
				if (act) await act();
				await page.waitForTimeout(200);
				await page.screenshot({ path: join(outDir, `${name}-${lang}-${size.name}.png`), fullPage: true });
			}
		}
	}
	console.log('done');
} finally {
	await browser.close();
	server.kill();
	rmSync(dataDir, { recursive: true, force: true });
}
