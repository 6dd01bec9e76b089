// `node scripts/shell-screenshots.js [out-dir]` after `npm run build`: what the prerendered host
// screens (start page, event screen) paint before any of their JavaScript runs, at phone and
// laptop widths, for a host who chose English and one who chose French. The app's scripts are
// refused, so the page stays as its first frame; the inline shell script (the language choice,
// src/lib/shared/shell-script.js) still runs, as it does before the first paint. Pictures only.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../bench/chromium.js';
import { startBuiltServer } from '../bench/server.js';

const SIZES = [
	{ name: '390', width: 390, height: 844 },
	{ name: '1280', width: 1280, height: 800 }
];
const SCREENS = [
	['start', '/'],
	['event', '/event?id=any']
];

const outDir = process.argv[2] ?? '/tmp/letterday-shell-shots';
mkdirSync(outDir, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'letterday-shots-'));
const server = await startBuiltServer({ DATA_DIR: dataDir });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
	for (const lang of ['en', 'fr']) {
		for (const size of SIZES) {
			const context = await browser.newContext({
				viewport: { width: size.width, height: size.height }
			});
			await context.addInitScript((l) => localStorage.setItem('letterday.lang', l), lang);
			// The first frame: no module of the app ever runs.
			await context.route(/\/_app\/.*\.js$/, (route) => route.abort());
			const page = await context.newPage();
			for (const [name, path] of SCREENS) {
				await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
				const file = join(outDir, `shell-${name}-${size.name}-${lang}.png`);
				await page.screenshot({ path: file });
				console.log(file);
			}
			await context.close();
		}
	}
} finally {
	await browser.close();
	await server.stop();
	rmSync(dataDir, { recursive: true, force: true });
}
