/**
 * Page weight of the participant pages: what a phone downloads to read the case list and each
 * case sheet, in both languages. For every page: the HTML plus every stylesheet and script it
 * references (a first visit, nothing cached), photos apart. Requests ask for gzip; a response the
 * server sent uncompressed (COMPRESSION=off, or a server before scripts/compress.js) is gzipped
 * here (level 6, what scripts/compress.js, nginx or Caddy send) so the figure is the gzipped size
 * either way, and the bytes this server really put on the wire are shown too.
 *
 * Budget (docs/case-pages.md): at most 20 KB gzipped per sheet, aim 14 KB (one round trip).
 *
 *   node bench/page-weight.js            builds nothing; starts build/index.js on a free port
 *   benchPageWeight({ baseUrl })          from bench/run.js, against a running server
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { startBuiltServer } from './server.js';
import { summarize } from './summary.js';

export const BUDGET_BYTES = 20 * 1024;
export const AIM_BYTES = 14 * 1024;
const LANGS = ['en', 'fr'];

/** @param {string} url @returns {Promise<{ status: number, encoding: string, body: Buffer }>} */
function getRaw(url) {
	const client = url.startsWith('https:') ? https : http;
	return new Promise((resolve, reject) => {
		const request = client.get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
			/** @type {Buffer[]} */
			const chunks = [];
			response.on('data', (chunk) => chunks.push(chunk));
			response.on('end', () =>
				resolve({
					status: response.statusCode ?? 0,
					encoding: String(response.headers['content-encoding'] ?? 'identity'),
					body: Buffer.concat(chunks)
				})
			);
			response.on('error', reject);
		});
		request.on('error', reject);
	});
}

/** @param {string} url */
async function transfer(url) {
	const { status, encoding, body } = await getRaw(url);
	if (status !== 200) throw new Error(`${url} answered ${status}`);
	const gzipped = encoding === 'gzip';
	const plain = gzipped ? gunzipSync(body) : body;
	return {
		wire: body.length,
		encoding,
		gzip: gzipped ? body.length : gzipSync(plain, { level: 6 }).length,
		text: plain.toString('utf8')
	};
}

/** Stylesheets, module preloads and scripts the page makes the browser fetch. */
function assetUrls(html, pageUrl) {
	const urls = new Set();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
		if (!/\brel="(?:stylesheet|modulepreload)"/.test(tag)) continue;
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		if (href) urls.add(new URL(href, pageUrl).href);
	}
	for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
		urls.add(new URL(src, pageUrl).href);
	}
	return [...urls];
}

async function measure(url) {
	const html = await transfer(url);
	const assets = await Promise.all(assetUrls(html.text, url).map(transfer));
	const assetGzip = assets.reduce((sum, a) => sum + a.gzip, 0);
	return {
		url,
		html: html.gzip,
		assets: assetGzip,
		requests: 1 + assets.length,
		total: html.gzip + assetGzip,
		wire: html.wire + assets.reduce((sum, a) => sum + a.wire, 0),
		htmlEncoding: html.encoding,
		text: html.text
	};
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * @param {{ baseUrl: string, log?: (line: string) => void }} options
 * @returns {Promise<{ pages: object[], sheets: { count: number, max: number, median: number },
 *   lists: { max: number }, budgetBytes: number, aimBytes: number, withinBudget: boolean }>}
 */
export async function benchPageWeight({ baseUrl, log = console.log }) {
	const base = baseUrl.replace(/\/$/, '');
	const pages = [];
	for (const lang of LANGS) {
		const list = await measure(`${base}/c/${lang}`);
		pages.push({ kind: 'list', lang, ...list });
		const ids = new Set(
			[...list.text.matchAll(new RegExp(`href="/c/${lang}/([a-z0-9-]+)"`, 'g'))]
				.map((m) => m[1])
				.filter((id) => id !== 'print' && id !== 'poster')
		);
		for (const id of ids)
			pages.push({ kind: 'sheet', lang, ...(await measure(`${base}/c/${lang}/${id}`)) });
	}
	for (const page of pages) delete page.text;

	const sheets = pages.filter((p) => p.kind === 'sheet').map((p) => p.total);
	const lists = pages.filter((p) => p.kind === 'list').map((p) => p.total);
	const result = {
		pages,
		sheets: { count: sheets.length, max: Math.max(...sheets), median: median(sheets) },
		lists: { max: Math.max(...lists) },
		budgetBytes: BUDGET_BYTES,
		aimBytes: AIM_BYTES,
		withinBudget: Math.max(...sheets, ...lists) <= BUDGET_BYTES
	};

	log('Participant page weight: gzipped HTML + referenced CSS/JS, first visit, photos apart');
	log(
		`${'page'.padEnd(44)}${'html'.padStart(9)}${'css/js'.padStart(9)}${'total'.padStart(9)}  requests  served`
	);
	for (const p of pages) {
		const path = new URL(p.url).pathname;
		log(
			`${path.padEnd(44)}${kb(p.html).padStart(9)}${kb(p.assets).padStart(9)}${kb(p.total).padStart(9)}  ${String(p.requests).padStart(8)}  ${kb(p.wire)} (${p.htmlEncoding})`
		);
	}
	const verdict =
		result.sheets.max <= AIM_BYTES
			? 'within the aim'
			: result.withinBudget
				? 'within budget, above the aim'
				: 'OVER BUDGET';
	log(
		`case sheets: ${sheets.length}, largest ${kb(result.sheets.max)}, median ${kb(result.sheets.median)}; ` +
			`lists: largest ${kb(result.lists.max)}; budget ${kb(BUDGET_BYTES)}, aim ${kb(AIM_BYTES)}: ${verdict}`
	);
	summarize([
		{
			part: 'Participant case sheet',
			measure: 'largest sheet, all transfers (median)',
			value: `${kb(result.sheets.max)} (${kb(result.sheets.median)})`,
			goal: `≤ ${kb(BUDGET_BYTES)}, aim ${kb(AIM_BYTES)}`,
			met: result.withinBudget
		}
	]);
	return result;
}

/** Starts the built server with its own DATA_DIR, removed again by stop(). */
async function startWithDataDir() {
	const dataDir = mkdtempSync(join(tmpdir(), 'letterday-bench-'));
	const server = await startBuiltServer({ DATA_DIR: dataDir });
	return {
		url: server.url,
		async stop() {
			await server.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const server = await startWithDataDir();
	try {
		await benchPageWeight({ baseUrl: server.url });
	} finally {
		await server.stop();
	}
}
