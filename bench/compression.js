/**
 * What compression (scripts/compress.js) saves on the answers Node renders: the bytes of a case
 * sheet, the case list and /api/cases as sent with no Accept-Encoding, with gzip and with brotli,
 * read raw through node:http (fetch would decode them); then the CPU one compression of each
 * body costs at the server's settings, timed in this process; then what the wrapper adds to a
 * sync-sized answer (benchOverhead).
 *
 *   node bench/compression.js      starts the built server (scripts/serve.js) on a free port
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { BROTLI_QUALITY, GZIP_LEVEL, compress } from '../scripts/compress.js';
import { startBuiltServer } from './server.js';
import { summarize } from './summary.js';

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

/**
 * The wrapper's own cost on the sync endpoint's answers, away from SvelteKit and the database
 * (whose cost swamps it and moves with the machine's load): a bare node:http server answers a
 * JSON body the way SvelteKit writes one (writeHead, then write and end in later microtasks),
 * with and without compress(), in interleaved rounds over 8 keep-alive connections; client and
 * server share this process, so the figure is the CPU of both per request. A 470-byte body is a
 * three-counter sync answer (under THRESHOLD: held, then sent as is), 3.3 KB a 54-counter one
 * (compressed with brotli).
 */
export async function benchOverhead({ log = console.log, rounds = 6, requests = 4000 } = {}) {
	const sizes = [470, 3300];
	let body = Buffer.alloc(0);
	let wrap = false;
	const server = http.createServer((request, response) => {
		request.resume();
		request.on('end', () => {
			if (wrap) compress(request, response);
			response.setHeader('content-type', 'application/json');
			response.writeHead(200);
			Promise.resolve()
				.then(() => response.write(body))
				.then(() => response.end());
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
	const url = `http://127.0.0.1:${server.address().port}/`;
	const one = () =>
		new Promise((resolve, reject) =>
			http
				.request(
					url,
					{ method: 'POST', agent, headers: { 'accept-encoding': 'gzip, deflate, br' } },
					(response) => {
						response.resume();
						response.on('end', resolve);
					}
				)
				.on('error', reject)
				.end('{}')
		);
	async function round(n) {
		const before = process.cpuUsage();
		let left = n;
		await Promise.all(
			Array.from({ length: 8 }, async () => {
				while (left-- > 0) await one();
			})
		);
		const used = process.cpuUsage(before);
		return (used.user + used.system) / n;
	}
	const results = [];
	try {
		for (const size of sizes) {
			// A JSON of totals: case ids and kinds repeat, as in a sync answer.
			const totals = [];
			while (JSON.stringify(totals).length < size - 12) {
				const i = totals.length;
				totals.push({ caseId: `case-${i % 13}`, kind: ['letter', 'card'][i % 2], total: i * 37 });
			}
			body = Buffer.from(JSON.stringify({ totals }).slice(0, size));
			wrap = false;
			await round(requests / 2);
			wrap = true;
			await round(requests / 2);
			const times = { off: [], on: [] };
			for (let i = 0; i < rounds; i += 1) {
				for (const mode of ['off', 'on']) {
					wrap = mode === 'on';
					times[mode].push(await round(requests));
				}
			}
			const med = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
			const row = { size, offUs: med(times.off), onUs: med(times.on) };
			results.push(row);
			log(
				`answer of ${size} B: ${row.offUs.toFixed(0)} µs without compress(), ` +
					`${row.onUs.toFixed(0)} µs with (median of ${rounds} interleaved rounds of ${requests})`
			);
		}
	} finally {
		agent.destroy();
		server.close();
	}
	return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const dataDir = mkdtempSync(join(tmpdir(), 'letterday-bench-'));
	const server = await startBuiltServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
	try {
		const rows = await benchCompression({ baseUrl: server.url });
		summarize(
			rows.map((row) => ({
				part: 'Compressed answers',
				measure: `${row.path}, bytes as is → brotli`,
				value: `${row.identity.toLocaleString('en')} → ${row.br.toLocaleString('en')} B`
			}))
		);
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
	console.log('\nWhat compress() adds per request (CPU of client and server, one process):');
	await benchOverhead();
}
