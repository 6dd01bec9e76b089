// Host app figures in real Chromium against the built server:
//  - first load: the home screen's JavaScript as sent (gzip bodies, the budget's measure), the
//    same with each response's HTTP headers, and every byte of the load;
//  - tap to repaint: time from a click on a tally button to the DOM showing the new count, with
//    the CPU slowed 4× (a slow phone), side by side with a FLOOR: a minimal Svelte 5 page over the
//    app's own Dexie database and write (bench/floor), 54 buttons fed by one live query. Both run
//    in the same Chromium, in interleaved rounds (app, floor, app, floor…), so load on the machine
//    hits both alike and the ratio app/floor is the figure to read;
//  - IndexedDB transactions per tap on each side (IDBDatabase.prototype.transaction, counted);
//  - a long run of the app (10,000 taps by default): first vs last 1,000, is it flat?
// Usage: node bench/host.js [--taps 1000] [--rounds 8] [--long 10000] (--long 0 skips it)
//        [--build DIR] (another build, e.g. main's, to compare in one sitting)
import { chromium } from 'playwright-core';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { CHROMIUM_ARGS as ARGS, chromiumPath, createEventIn } from './chromium.js';
import { buildFloor } from './floor/build.js';
import { startBuiltServer } from './server.js';
import { summarize } from './summary.js';

const flag = (name, fallback) => {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
/** Taps per side, spread over the rounds. */
const TAPS = flag('taps', 1000);
const ROUNDS = flag('rounds', 8);
const LONG = flag('long', 10_000);
const argBuild = process.argv.indexOf('--build');
const buildDir = argBuild > 0 ? process.argv[argBuild + 1] : undefined;
const WARMUP = 30;
const SLOWDOWN = 4;
const APP_BUTTON = 'article.case button.add';
const FLOOR_BUTTON = 'main button.add';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const percentile = (sorted, p) =>
	sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const stats = (times) => {
	const sorted = [...times].sort((a, b) => a - b);
	return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) };
};
const ms = (n) => `${n.toFixed(1)} ms`;
const line = (s) => `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`;

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

/** Serves the built floor from loopback (its own origin, so its own IndexedDB). */
async function serveStatic(dir) {
	const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
	const server = createServer((req, res) => {
		const path = normalize(new URL(req.url, 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
		const file = join(dir, path === '/' ? 'index.html' : path);
		try {
			if (!statSync(file).isFile()) throw new Error('not a file');
		} catch {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(res);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Counts every IndexedDB transaction the page opens, by mode. */
function countTransactions() {
	const counts = { readonly: 0, readwrite: 0 };
	const open = IDBDatabase.prototype.transaction;
	IDBDatabase.prototype.transaction = function (stores, mode, ...rest) {
		counts[mode === 'readwrite' ? 'readwrite' : 'readonly']++;
		return open.call(this, stores, mode, ...rest);
	};
	Object.defineProperty(window, '__transactions', { value: counts });
}

/**
 * Clicks the first button matching `selector` `taps` times in a row, timing each click until its
 * count (`.count` inside it) changes in the DOM. Returns the times and the transactions opened.
 */
async function taps(page, selector, n) {
	return page.evaluate(
		async ({ selector, n }) => {
			const button = document.querySelector(selector);
			const count = button.querySelector('.count');
			const before = { ...window.__transactions };
			const times = [];
			for (let i = 0; i < n; i++) {
				const was = count.textContent;
				const start = performance.now();
				await new Promise((resolve) => {
					const observer = new MutationObserver(() => {
						if (count.textContent !== was) {
							observer.disconnect();
							resolve();
						}
					});
					observer.observe(count, { childList: true, characterData: true, subtree: true });
					button.click();
				});
				times.push(performance.now() - start);
			}
			const after = window.__transactions;
			return {
				times,
				readonly: after.readonly - before.readonly,
				readwrite: after.readwrite - before.readwrite
			};
		},
		{ selector, n }
	);
}

async function openApp(context, url) {
	const page = await context.newPage();
	await page.goto(url);
	await page.getByTestId('pack-ready').waitFor({ timeout: 30_000 });
	await createEventIn(page, url, 'Bench');
	return page;
}
/** Slows the page's CPU; returns its CDP session, which also reads the main thread's metrics. */
async function slowDown(context, page) {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
	await cdp.send('Performance.enable');
	return cdp;
}

/** Where the main thread's time went (seconds, cumulative): script, style, layout, all tasks. */
const METRICS = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'];
async function metrics(cdp) {
	const { metrics: all } = await cdp.send('Performance.getMetrics');
	return Object.fromEntries(METRICS.map((name) => [name, all.find((m) => m.name === name).value]));
}

const dataDir = mkdtempSync(join(tmpdir(), 'letterday-bench-'));
const floorDir = mkdtempSync(join(tmpdir(), 'letterday-floor-'));
const profile = mkdtempSync(join(tmpdir(), 'letterday-bench-profile-'));
await buildFloor(floorDir);
const floorServer = await serveStatic(floorDir);
const server = await startBuiltServer({ DATA_DIR: dataDir }, { buildDir });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ARGS });
let context;
try {
	const load = await firstLoad(browser, server.url);
	console.log(
		`host first load   JavaScript ${kb(load.js)} gzipped (budget 100 KB); with HTTP headers ${kb(load.jsWire)}; every byte ${kb(load.all)}`
	);

	// One Chromium (a persistent profile: the app's storage must persist), two tabs.
	context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath(),
		args: ARGS
	});
	await context.addInitScript(countTransactions);
	const app = await openApp(context, server.url);
	const floor = await context.newPage();
	await floor.goto(floorServer.url);
	await floor.locator(FLOOR_BUTTON).first().waitFor();
	const side = (name, page, selector, cdp) => {
		const spent = Object.fromEntries(METRICS.map((m) => [m, 0]));
		return { name, page, selector, cdp, spent, times: [], readonly: 0, readwrite: 0 };
	};
	const sides = [
		side('app', app, APP_BUTTON, await slowDown(context, app)),
		side('floor', floor, FLOOR_BUTTON, await slowDown(context, floor))
	];
	for (const side of sides) {
		await side.page.bringToFront();
		await taps(side.page, side.selector, WARMUP);
	}
	const perRound = Math.ceil(TAPS / ROUNDS);
	for (let round = 0; round < ROUNDS; round++) {
		for (const side of sides) {
			await side.page.bringToFront();
			const before = await metrics(side.cdp);
			const run = await taps(side.page, side.selector, perRound);
			const after = await metrics(side.cdp);
			for (const m of METRICS) side.spent[m] += after[m] - before[m];
			side.times.push(...run.times);
			side.readonly += run.readonly;
			side.readwrite += run.readwrite;
		}
	}
	const [appSide, floorSide] = sides.map((side) => ({
		...side,
		...stats(side.times),
		perTap: (side.readonly + side.readwrite) / side.times.length
	}));
	console.log(
		`tap to repaint    CPU ${SLOWDOWN}× slower, ${ROUNDS} interleaved rounds, ${appSide.times.length} taps a side`
	);
	for (const side of [appSide, floorSide]) {
		const tx = `${side.perTap.toFixed(2)} IndexedDB transactions a tap (${(side.readwrite / side.times.length).toFixed(2)} read-write)`;
		console.log(`  ${side.name.padEnd(6)} ${line(side)}; ${tx}`);
		// Main-thread time a tap, as the slowed CPU spends it (the measure's own loop included).
		const each = (m) => ms((side.spent[m] * 1000) / side.times.length);
		const {
			ScriptDuration: script,
			RecalcStyleDuration: style,
			LayoutDuration: layout
		} = side.spent;
		const other = side.spent.TaskDuration - script - style - layout;
		console.log(
			`         main thread a tap: ${each('TaskDuration')} in tasks: script ${each('ScriptDuration')}, style ${each('RecalcStyleDuration')}, layout ${each('LayoutDuration')}, paint and the rest ${ms((other * 1000) / side.times.length)}`
		);
	}
	const ratio95 = appSide.p95 / floorSide.p95;
	const ratio50 = appSide.p50 / floorSide.p50;
	console.log(
		`  app / floor: p50 ${ratio50.toFixed(2)}×, p95 ${ratio95.toFixed(2)}× (goal p95 ≤ 1.5×)`
	);

	let flat;
	if (LONG > 0) {
		await app.bringToFront();
		const { times } = await taps(app, APP_BUTTON, LONG);
		const slice = Math.min(1000, Math.floor(times.length / 2));
		const first = stats(times.slice(0, slice));
		const last = stats(times.slice(-slice));
		// Flat: the last taps' p95 within a fifth of the first's (noise on a shared machine).
		flat = { first, last, met: last.p95 <= first.p95 * 1.2 };
		console.log(
			`tap to repaint    app alone, ${times.length} taps in a row: ${line(stats(times))}`
		);
		console.log(`  first ${slice} taps: ${line(first)}`);
		console.log(`  last ${slice} taps:  ${line(last)}`);
	}

	summarize([
		{
			part: 'Host app',
			measure: 'first-load JavaScript, gzip',
			value: kb(load.js),
			goal: '≤ 100 KB (stretch 70 KB)',
			met: load.js <= 100 * 1024
		},
		{
			part: 'Host app',
			measure: `tap to repaint p95, CPU ${SLOWDOWN}× slower: app / floor`,
			value: `${ratio95.toFixed(2)}× (${ms(appSide.p95)} / ${ms(floorSide.p95)})`,
			goal: '≤ 1.5×',
			met: ratio95 <= 1.5
		},
		...(flat
			? [
					{
						part: 'Host app',
						measure: `tap p95, first vs last 1,000 of ${LONG.toLocaleString('en')}`,
						value: `${ms(flat.first.p95)} → ${ms(flat.last.p95)}`,
						goal: 'flat (last ≤ 1.2× first)',
						met: flat.met
					}
				]
			: [])
	]);
} finally {
	await context?.close();
	await browser.close();
	await server.stop();
	floorServer.close();
	for (const dir of [dataDir, floorDir, profile]) rmSync(dir, { recursive: true, force: true });
}
