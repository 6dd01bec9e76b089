// Offline cold start of the event screen, in Chromium with a persistent profile: the host loads the
// app online (the case pack downloads, the service worker installs and takes control), creates an
// event and closes the browser. Then, each run: Chromium starts again on that profile with the
// network off, the CPU slowed 4× (a slow phone, through CDP), and opens the event screen. Timed
// from navigation start (the document's time origin, so the service worker's answer counts) to
// the first case's tally button being usable: visible and enabled, the event's cases read from
// IndexedDB. The head-count button (no case list needed) is timed too, and first paint.
// Goal (issue 13): under 1 s.
// Usage: node bench/cold-start.js [--runs 7] [--cpu 4 (the slowdown)] [--build DIR]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS as ARGS, chromiumPath, createEventIn } from './chromium.js';
import { startBuiltServer } from './server.js';
import { summarize } from './summary.js';

const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns > 0 ? Number(process.argv[argRuns + 1]) : 7;
const argCpu = process.argv.indexOf('--cpu');
const CPU = argCpu > 0 ? Number(process.argv[argCpu + 1]) : 4;
const GOAL_MS = 1000;
const CASE_BUTTON = 'article.case button.add';
const HEAD_COUNT_BUTTON = '.people button.add';

const launch = (profile) =>
	chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: ARGS });

/** Online: download the pack, create an event, wait for the worker to control the page. */
async function prepare(profile, base) {
	const context = await launch(profile);
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(base);
		await page.getByTestId('pack-ready').waitFor({ timeout: 30_000 });
		const url = await createEventIn(page, base, 'Cold start');
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
			timeout: 30_000
		});
		return url;
	} finally {
		await context.close();
	}
}

/** Records, in the page's own clock, when each selector first matches a visible enabled button. */
function watchUsable(selectors) {
	const times = {};
	const usable = (el) => el && !el.disabled && el.getClientRects().length > 0;
	const check = () => {
		for (const selector of selectors)
			if (!(selector in times) && usable(document.querySelector(selector)))
				times[selector] = performance.now();
	};
	new MutationObserver(check).observe(document, {
		subtree: true,
		childList: true,
		attributes: true
	});
	Object.defineProperty(window, '__coldStart', { value: times });
}

/** One cold start: a fresh browser process on the profile, offline, CPU 4× slower. */
async function coldStart(profile, eventUrl) {
	const context = await launch(profile);
	try {
		await context.setOffline(true);
		await context.addInitScript(watchUsable, [CASE_BUTTON, HEAD_COUNT_BUTTON]);
		const page = context.pages()[0] ?? (await context.newPage());
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
		await page.goto(eventUrl);
		await page.locator(CASE_BUTTON).first().waitFor({ timeout: 30_000 });
		const [times, paint, controlled] = await page.evaluate(() => [
			window.__coldStart,
			performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
			navigator.serviceWorker.controller !== null
		]);
		if (!controlled) throw new Error('the event screen was not served by the service worker');
		return { usable: times[CASE_BUTTON], headCount: times[HEAD_COUNT_BUTTON], paint };
	} finally {
		await context.close();
	}
}

const stats = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return { median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) };
};
const ms = (value) => `${Math.round(value)} ms`;

// --build DIR: another build (e.g. main's), to compare in one sitting.
const argBuild = process.argv.indexOf('--build');
const buildDir = argBuild > 0 ? process.argv[argBuild + 1] : undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'letterday-bench-'));
const profile = mkdtempSync(join(tmpdir(), 'letterday-bench-profile-'));
const server = await startBuiltServer({ DATA_DIR: dataDir }, { buildDir });
try {
	const eventUrl = await prepare(profile, server.url);
	const runs = [];
	for (let i = 0; i < RUNS; i++) runs.push(await coldStart(profile, eventUrl));
	const usable = stats(runs.map((run) => run.usable));
	const headCount = stats(runs.map((run) => run.headCount));
	const paint = stats(runs.map((run) => run.paint));
	console.log(
		`offline cold start of the event screen, CPU ${CPU}× slower, ${RUNS} runs (goal < ${ms(GOAL_MS)}):\n` +
			`  first paint          median ${ms(paint.median)}, max ${ms(paint.max)}\n` +
			`  head-count button    median ${ms(headCount.median)}, max ${ms(headCount.max)}\n` +
			`  case tally button    median ${ms(usable.median)}, max ${ms(usable.max)}  ` +
			`(runs: ${runs.map((run) => Math.round(run.usable)).join(', ')})`
	);
	summarize([
		{
			part: `Offline cold start, event screen (CPU ${CPU}× slower, ${RUNS} runs)`,
			measure: 'navigation → tally buttons usable (median / max)',
			value: `${ms(usable.median)} / ${ms(usable.max)}`,
			goal: `< ${ms(GOAL_MS)}`,
			met: usable.median < GOAL_MS
		}
	]);
} finally {
	await server.stop();
	rmSync(dataDir, { recursive: true, force: true });
	rmSync(profile, { recursive: true, force: true });
}
