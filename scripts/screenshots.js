// `npm run screenshots -- [out-dir] [screen…]`: serves the built app on a scratch DATA_DIR, makes
// one event with a few counts in a real Chromium, and saves every host screen (and a participant
// sheet) at phone, tablet and projector widths in both languages, so a person can look at them.
// Screens: events, new, event, edit, projector, qr, cohost, report, cases, sheet, status,
// participant, print, poster. Nothing here is a test: it only takes pictures.
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
// Screens shown on other shapes too: the projector on common 4:3 and 16:9 projector sizes.
const EXTRA_SIZES = {
	projector: [
		{ name: '1024x768', width: 1024, height: 768 },
		{ name: '1280x720', width: 1280, height: 720 },
		{ name: '1920x1080', width: 1920, height: 1080 }
	],
	// The event screen on a tablet held upright and on a desktop too (issue 13).
	event: [
		{ name: '820x1180', width: 820, height: 1180 },
		{ name: '1920x1080', width: 1920, height: 1080 }
	]
};
const LANGS = ['en', 'fr'];

const [outDir = '/tmp/letterday-shots', ...only] = process.argv.slice(2);
const port = 4300 + Math.floor(Math.random() * 500);
const origin = `http://localhost:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'letterday-shots-'));
mkdirSync(outDir, { recursive: true });

const server = spawn('node', ['scripts/serve.js'], {
	env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ORIGIN: origin, DATABASE_URL: '' },
	stdio: 'ignore'
});
for (let i = 0; i < 100; i++) {
	if (
		await fetch(`${origin}/api/health`)
			.then((r) => r.ok)
			.catch(() => false)
	)
		break;
	await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
	const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
	const page = await context.newPage();
	await page.goto(origin);
	await page.getByTestId('pack-ready').waitFor({ timeout: 30_000 });
	await page.getByRole('link', { name: 'New event' }).click();
	await page.getByLabel('Event name').fill('Write-in at the Moncton library');
	await page.getByLabel('Venue').fill('Public library');
	await page.getByLabel('City or town').fill('Moncton');
	await page.getByLabel('Province or territory').selectOption('NB');
	await page.getByLabel(/^Expected attendance/).fill('40');
	await page.getByRole('button', { name: 'Create event' }).click();
	await page.waitForURL(/\/event\?id=/);
	const eventId = new URL(page.url()).searchParams.get('id');
	const letters = page.getByRole('button', { name: /^Add one Appeal letters for / });
	const cards = page.getByRole('button', { name: /^Add one Solidarity cards for / });
	for (let i = 0; i < 3; i++) await letters.first().click();
	// A few more counts on other cases and people, so ranked figures and progress have data.
	for (const [buttons, index, times] of [
		[letters, 1, 7],
		[cards, 1, 2],
		[letters, 2, 4],
		[cards, 4, 2],
		[letters, 5, 1]
	]) {
		for (let i = 0; i < times; i++) await buttons.nth(index).click();
	}
	const people = page.getByRole('button', { name: /^Add one Participants / });
	for (let i = 0; i < 12; i++) await people.click();
	const caseId = await page.evaluate(async () => {
		const open = indexedDB.open('letterday');
		const db = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
		const tx = db.transaction('cases');
		const all = await new Promise((resolve) => {
			const req = tx.objectStore('cases').getAll();
			req.onsuccess = () => resolve(req.result);
		});
		return all[0]?.id;
	});

	const screens = {
		events: '/',
		new: '/event/new',
		event: `/event?id=${eventId}`,
		edit: `/event/edit?id=${eventId}`,
		projector: `/event/projector?id=${eventId}`,
		qr: `/event/qr?id=${eventId}`,
		cohost: `/event/cohost?id=${eventId}`,
		report: `/event/report?id=${eventId}`,
		cases: '/cases',
		sheet: `/cases/view?id=${caseId}`,
		status: '/status',
		participant: (lang) => `/c/${lang}/${caseId}`,
		print: (lang) => `/c/${lang}/print`,
		poster: (lang) =>
			`/c/${lang}/poster?event=${encodeURIComponent('Write-in at the Moncton library')}`
	};
	const wanted = only.length ? only : Object.keys(screens);
	/** The event screen as a phone shows it (no scrolling), then after a tap, then searched. */
	async function eventStates(base) {
		await page.screenshot({ path: join(outDir, `${base}-screen.png`) });
		await page.locator('article.case button.add').nth(1).click();
		await page.getByTestId('tally-toast').getByRole('button').waitFor();
		await page.waitForTimeout(400); // the toast slides in
		await page.screenshot({ path: join(outDir, `${base}-toast.png`) });
		await page.locator('#find-case').fill('myers');
		await page.waitForTimeout(300);
		await page.screenshot({ path: join(outDir, `${base}-search.png`) });
	}
	for (const lang of LANGS) {
		await page.evaluate((l) => localStorage.setItem('letterday.lang', l), lang);
		for (const name of wanted) {
			const path = typeof screens[name] === 'function' ? screens[name](lang) : screens[name];
			for (const size of [...SIZES, ...(EXTRA_SIZES[name] ?? [])]) {
				await page.setViewportSize({ width: size.width, height: size.height });
				await page.goto(origin + path);
				await page.waitForLoadState('networkidle');
				await page.waitForTimeout(300);
				// Rows drawn lazily (content-visibility: auto) paint when scrolled near; a full-page
				// shot does not scroll, so for the picture only they are drawn at once.
				await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
				const file = join(outDir, `${name}-${lang}-${size.name}.png`);
				await page.screenshot({ path: file, fullPage: name !== 'projector' });
				if (name === 'event') await eventStates(`${name}-${lang}-${size.name}`);
			}
		}
	}
	console.log(`Screenshots in ${outDir}`);
} finally {
	await browser.close();
	server.kill();
	rmSync(dataDir, { recursive: true, force: true });
}
