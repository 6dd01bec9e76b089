/**
 * What compression (scripts/compress.js) saves on the answers Node renders: the bytes of a case
 * sheet, the case list and /api/cases as sent with no Accept-Encoding, with gzip and with brotli,
 * read raw through node:http (fetch would decode them); then the CPU one compression of each
 * body costs at the server's settings, timed in this process.
 *
 *   node bench/compression.js      starts the built server (scripts/serve.js) on a free port
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { BROTLI_QUALITY, GZIP_LEVEL } from '../scripts/compress.js';
import { startBuiltServer } from './server.js';

/** @returns {Promise<{ coding: string, body: Buffer }>} */
function getRaw(url, acceptEncoding) {
	return new Promise((resolve, reject) => {
		const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
		http
			.get(url, { headers }, (response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						coding: String(response.headers['content-encoding'] ?? 'identity'),
						body: Buffer.concat(chunks)
					})
				);
				response.on('error', reject);
			})
			.on('error', reject);
	});
}

/** Median microseconds of `fn` over `runs` calls after a warm-up. */
function timeUs(fn, runs = 300) {
	for (let i = 0; i < 30; i += 1) fn();
	const times = [];
	for (let i = 0; i < runs; i += 1) {
		const started = performance.now();
		fn();
		times.push((performance.now() - started) * 1000);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

const brotli = (body) =>
	zlib.brotliCompressSync(body, {
		params: {
			[zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
			[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
			[zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length
		}
	});
const gzip = (body) => zlib.gzipSync(body, { level: GZIP_LEVEL });

export async function benchCompression({ baseUrl, log = console.log }) {
	const pack = JSON.parse((await getRaw(`${baseUrl}/api/cases?lang=en`)).body.toString());
	const paths = [`/c/en/${pack.cases[0].id}`, '/c/en', '/api/cases?lang=en'];
	log(
		`${'answer'.padEnd(30)}${'identity'.padStart(10)}${'gzip'.padStart(10)}${'br'.padStart(10)}` +
			`${'gzip CPU'.padStart(11)}${'br CPU'.padStart(10)}`
	);
	const rows = [];
	for (const path of paths) {
		const url = `${baseUrl}${path}`;
		const plain = await getRaw(url);
		const gz = await getRaw(url, 'gzip');
		const br = await getRaw(url, 'gzip, deflate, br');
		if (gz.coding !== 'gzip' || br.coding !== 'br') {
			log(`${path}: not compressed (${gz.coding}, ${br.coding}): is COMPRESSION off?`);
		}
		const row = {
			path,
			identity: plain.body.length,
			gzip: gz.body.length,
			br: br.body.length,
			gzipUs: timeUs(() => gzip(plain.body)),
			brUs: timeUs(() => brotli(plain.body))
		};
		rows.push(row);
		log(
			`${path.padEnd(30)}${String(row.identity).padStart(10)}${String(row.gzip).padStart(10)}` +
				`${String(row.br).padStart(10)}${`${row.gzipUs.toFixed(0)} µs`.padStart(11)}` +
				`${`${row.brUs.toFixed(0)} µs`.padStart(10)}`
		);
	}
	return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const dataDir = mkdtempSync(join(tmpdir(), 'letterday-bench-'));
	const server = await startBuiltServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
	try {
		await benchCompression({ baseUrl: server.url });
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}
