// Lighthouse (12.2.3, its default mobile preset: simulated slow 4G and a 4× slower CPU) on three
// pages of the built server, each run several times (Lighthouse varies from run to run), median
// reported: performance and accessibility scores, FCP, LCP, TBT and CLS.
//  - a participant case sheet, /c/en/<first case>;
//  - the host's start page, /, on a fresh profile (storage reset, as a first visit);
//  - the host's event screen, /event?id=…, of an event that exists in that browser: Playwright
//    creates it over CDP in the same Chromium, then Lighthouse runs with storage reset off, so
//    IndexedDB keeps the event. The service worker is unregistered first (IndexedDB stays): its
//    answers would bypass the network Lighthouse simulates, and the figure would mean less.
// Goal (issue 13): performance ≥ 98, accessibility 100 on each.
// Usage: node bench/lighthouse.js [--runs 3] [--build DIR] [--verbose: each run's LCP element and long tasks]
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath, createEventIn } from './chromium.js';
import { startBuiltServer } from './server.js';
import { summarize } from './summary.js';

const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns > 0 ? Number(process.argv[argRuns + 1]) : 3;
const GOAL = { performance: 98, accessibility: 100 };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One Lighthouse run on a Chromium that chrome-launcher started (and this function stops). */
async function audit(url, { prepare } = {}) {
	const profile = mkdtempSync(join(tmpdir(), 'letterday-lighthouse-'));
	const chrome = await chromeLauncher.launch({
		chromePath: chromiumPath(),
		chromeFlags: CHROMIUM_ARGS,
		userDataDir: profile,
		logLevel: 'error'
	});
	try {
		const target = prepare ? await prepare(chrome.port, url) : url;
		const result = await lighthouse(
			target,
			{
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility'],
				disableStorageReset: Boolean(prepare)
			},
			undefined
		);
		const { categories, audits, runtimeError } = result.lhr;
		// A run Lighthouse could not finish (e.g. NO_FCP when the simulated page never painted in
		// its window) has no scores: say so and let the caller run again, never average a hole.
		if (runtimeError || categories.performance.score === null)
			return { error: runtimeError?.code ?? 'no performance score' };
		const failed = Object.values(audits)
			.filter((a) => a.scoreDisplayMode === 'binary' && a.score === 0)
			.map((a) => a.id);
		const lcpElement =
			audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet;
		const longTasks = (audits['long-tasks']?.details?.items ?? []).map(
			(task) => `${Math.round(task.duration)} ms ${task.url.replace(/^.*\//, '')}`
		);
		if (process.argv.includes('--verbose'))
			console.log(`  ${url}\n  LCP element ${lcpElement}\n  long tasks ${longTasks.join('; ')}`);
		return {
			performance: Math.round(categories.performance.score * 100),
			accessibility: Math.round(categories.accessibility.score * 100),
			fcp: audits['first-contentful-paint'].numericValue,
			lcp: audits['largest-contentful-paint'].numericValue,
			tbt: audits['total-blocking-time'].numericValue,
			cls: audits['cumulative-layout-shift'].numericValue,
			failed
		};
	} finally {
		chrome.kill();
		rmSync(profile, { recursive: true, force: true });
	}
}

/** Creates an event in the launched Chromium's own profile; returns its event screen's URL. */
async function createEvent(port, base) {
	const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
	try {
		const context = browser.contexts()[0];
		const page = await context.newPage();
		const url = await createEventIn(page, base, 'Lighthouse');
		await page.evaluate(async () => {
			for (const registration of await navigator.serviceWorker.getRegistrations())
				await registration.unregister();
		});
		await page.close();
		return url;
	} finally {
		// Disconnects; the Chromium stays up for Lighthouse.
		await browser.close();
	}
}

const ms = (value) => `${Math.round(value)} ms`;

// --build DIR: another build (e.g. main's), to compare in one sitting.
const argBuild = process.argv.indexOf('--build');
const buildDir = argBuild > 0 ? process.argv[argBuild + 1] : undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'letterday-bench-'));
const server = await startBuiltServer({ DATA_DIR: dataDir }, { buildDir });
try {
	const list = await (await fetch(`${server.url}/c/en`)).text();
	const caseId = /href="\/c\/en\/([a-z0-9-]+)"/.exec(list)?.[1];
	if (!caseId) throw new Error('no case sheet linked from /c/en');
	const pages = [
		['Case sheet', `${server.url}/c/en/${caseId}`, {}],
		['Host start page', `${server.url}/`, {}],
		['Host event screen', server.url, { prepare: (port, base) => createEvent(port, base) }]
	];
	const rows = [];
	for (const [name, url, options] of pages) {
		const runs = [];
		const errors = [];
		for (let attempt = 0; runs.length < RUNS && attempt < RUNS * 2; attempt++) {
			const run = await audit(url, options);
			if (run.error) errors.push(run.error);
			else runs.push(run);
		}
		if (runs.length === 0) {
			console.log(`${name.padEnd(18)} no finished run: ${errors.join(', ')}`);
			rows.push({
				part: `Lighthouse, ${name.toLowerCase()} (mobile)`,
				measure: 'performance / accessibility',
				value: `no finished run (${errors.join(', ')})`,
				goal: `≥ ${GOAL.performance} / ${GOAL.accessibility}`,
				met: false
			});
			continue;
		}
		const m = (key) => median(runs.map((run) => run[key]));
		const figures = {
			performance: m('performance'),
			accessibility: m('accessibility'),
			fcp: m('fcp'),
			lcp: m('lcp'),
			tbt: m('tbt'),
			cls: m('cls')
		};
		const failed = [...new Set(runs.flatMap((run) => run.failed))];
		console.log(
			`${name.padEnd(18)} performance ${figures.performance} (runs ${runs.map((r) => r.performance).join(', ')}), ` +
				`accessibility ${figures.accessibility}; FCP ${ms(figures.fcp)}, LCP ${ms(figures.lcp)}, ` +
				`TBT ${ms(figures.tbt)}, CLS ${figures.cls.toFixed(3)}` +
				(failed.length ? `\n${' '.repeat(19)}failed audits: ${failed.join(', ')}` : '') +
				(errors.length
					? `\n${' '.repeat(19)}runs Lighthouse could not finish: ${errors.join(', ')}`
					: '')
		);
		rows.push({
			part: `Lighthouse, ${name.toLowerCase()} (mobile, median of ${runs.length})`,
			measure: 'performance / accessibility (FCP, LCP)',
			value: `${figures.performance} / ${figures.accessibility} (${ms(figures.fcp)}, ${ms(figures.lcp)})`,
			goal: `≥ ${GOAL.performance} / ${GOAL.accessibility}`,
			met: figures.performance >= GOAL.performance && figures.accessibility >= GOAL.accessibility
		});
	}
	summarize(rows);
} finally {
	await server.stop();
	rmSync(dataDir, { recursive: true, force: true });
}
