// Host app figures in real Chromium against the built server:
//  - first load: the home screen's JavaScript as sent (gzip bodies, the budget's measure), the
//    same with each response's HTTP headers, and every byte of the load;
//  - tap to repaint: time from a click on a tally button to the DOM showing the new count, with
//    the CPU slowed 4× (a slow phone), for many taps in a row (is it flat?).
// Usage: node bench/host.js [--taps 10000]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS as ARGS, chromiumPath } from './chromium.js';
import { startBuiltServer } from './server.js';

const argTaps = process.argv.indexOf('--taps');
const TAPS = argTaps > 0 ? Number(process.argv[argTaps + 1]) : 10_000;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const percentile = (sorted, p) =>
	sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function firstLoad(browser, url) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	const types = new Map();
	let jsWire = 0;
	let all = 0;
	cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
	// encodedDataLength counts the response headers too: about 650 bytes a response since the
	// security headers, which are not JavaScript. The budget counts bodies (Resource Timing).
	cdp.on('Network.loadingFinished', (e) => {
		all += e.encodedDataLength;
		if (types.get(e.requestId) === 'Script') jsWire += e.encodedDataLength;
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	const js = await page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.filter((entry) => /\.js(\?|$)/.test(entry.name))
			.reduce((sum, entry) => sum + entry.encodedBodySize, 0)
	);
	await context.close();
	return { js, jsWire, all };
}

async function tapLatency(browser, url) {
	const profile = mkdtempSync(join(tmpdir(), 'letterday-bench-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath(),
		args: ARGS
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(url);
		await page.getByTestId('pack-ready').waitFor({ timeout: 30_000 });
		await page.goto(`${url}/event/new`);
		await page.getByLabel('Event name').fill('Bench');
		await page.getByLabel('Venue').fill('Hall');
		await page.getByLabel('City or town').fill('Ottawa');
		await page.getByLabel('Province or territory').selectOption('ON');
		await page.getByRole('button', { name: 'Create event' }).click();
		await page.locator('article.case button.add').first().waitFor();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		const times = await page.evaluate(async (taps) => {
			const button = document.querySelector('article.case button.add');
			const count = button.querySelector('.count');
			const out = [];
			for (let i = 0; i < taps; i++) {
				const before = count.textContent;
				const start = performance.now();
				await new Promise((resolve) => {
					const observer = new MutationObserver(() => {
						if (count.textContent !== before) {
							observer.disconnect();
							resolve();
						}
					});
					observer.observe(count, { childList: true, characterData: true, subtree: true });
					button.click();
				});
				out.push(performance.now() - start);
			}
			return out;
		}, TAPS);
		return times;
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
}

function summary(times) {
	const sorted = [...times].sort((a, b) => a - b);
	return `p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`;
}

const dataDir = mkdtempSync(join(tmpdir(), 'letterday-bench-'));
const server = await startBuiltServer({ DATA_DIR: dataDir });
const browser = await chromium.launch({
	executablePath: chromiumPath(),
	args: ARGS
});
try {
	const load = await firstLoad(browser, server.url);
	console.log(
		`host first load   JavaScript ${kb(load.js)} gzipped (budget 100 KB); with HTTP headers ${kb(load.jsWire)}; every byte ${kb(load.all)}`
	);
	const times = await tapLatency(browser, server.url);
	const slice = Math.min(1000, Math.floor(times.length / 2));
	console.log(
		`tap to repaint    ${times.length} taps, CPU 4× slower: ${summary(times)} (budget p95 16 ms)`
	);
	console.log(`  first ${slice} taps: ${summary(times.slice(0, slice))}`);
	console.log(`  last ${slice} taps:  ${summary(times.slice(-slice))}`);
} finally {
	await browser.close();
	await server.stop();
	rmSync(dataDir, { recursive: true, force: true });
}
