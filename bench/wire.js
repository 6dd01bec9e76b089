/**
 * Sync bytes and requests on the wire for one event day, Letterday against PouchDB replicating the
 * same counters (DESIGN.md's goal: ≥ 5× fewer of both).
 *
 *   node bench/wire.js [--taps N] [--seed N]      (after `npm run build`)
 *
 * The day: 3 devices, 12 cases × 4 kinds, 600 taps (default) spread over the devices by a seeded
 * random, each device syncing after every 10 of its own taps, and once more at the end so each
 * shows every device's counts. Every request goes through a counting proxy on loopback that adds
 * up what crosses it both ways as HTTP/1.1 puts it on the wire: request and status lines, headers,
 * bodies as sent (compressed where the server compressed them), chunk framing.
 *
 * - Letterday: the built server (scripts/serve.js, SQLite), driven with the app's own transport
 *   and answer handling (src/lib/client/sync/transport.ts, answer-totals.ts, bundled by esbuild):
 *   each sync sends the device's dirty counters, its cursor, and once its public key; it merges
 *   the answer into its totals. Run twice on one server, with cursors and without (every answer
 *   the full set, as before cursors existed), so the two ratios come from one run.
 * - PouchDB: each device a PouchDB in memory with one document per counter of its own
 *   ({ _id: device:case:kind, plus, minus }), syncing (one-shot push and pull) with
 *   pouchdb-server's express-pouchdb over an in-memory PouchDB; the pull brings the other devices'
 *   documents, which is how a device would show event-wide totals.
 * Both clients use Node's fetch with a browser's Accept-Encoding. Each run checks that every
 * device ends up showing the true totals.
 */
import { build } from 'esbuild';
import express from 'express';
import expressPouchdb from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import pouchHttp from 'pouchdb-adapter-http';
import pouchMemory from 'pouchdb-adapter-memory';
import pouchReplication from 'pouchdb-replication';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { root, startBuiltServer } from './server.js';
import { summarize } from './summary.js';

const { values: options } = parseArgs({
	options: { taps: { type: 'string', default: '600' }, seed: { type: 'string', default: '13' } }
});
const TAPS = Number(options.taps);
const DEVICES = 3;
const CASES = 12;
const SYNC_EVERY = 10;
/** What Chromium sends. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

/** Mulberry32: the same day for every run with the same seed. */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The day's taps: [device, key index]; the same list for both systems. */
function dayOfTaps(keys) {
	const next = random(Number(options.seed));
	return Array.from({ length: TAPS }, () => [
		Math.floor(next() * DEVICES),
		Math.floor(next() * keys.length)
	]);
}

/**
 * An HTTP proxy on loopback that counts what crosses it. It forwards the request and the answer
 * byte for byte (bodies are never decoded), so the counts are what the client's socket carries.
 */
async function countingProxy(target) {
	const counts = { requests: 0, up: 0, down: 0, upHeads: 0, downHeads: 0 };
	const upstream = new URL(target);
	const agent = new http.Agent({ keepAlive: true });
	const head = (line, raw) => {
		let text = `${line}\r\n`;
		for (let i = 0; i < raw.length; i += 2) text += `${raw[i]}: ${raw[i + 1]}\r\n`;
		return Buffer.byteLength(`${text}\r\n`);
	};
	const server = http.createServer((req, res) => {
		counts.requests += 1;
		const upHead = head(`${req.method} ${req.url} HTTP/${req.httpVersion}`, req.rawHeaders);
		counts.up += upHead;
		counts.upHeads += upHead;
		const headers = {};
		for (let i = 0; i < req.rawHeaders.length; i += 2)
			headers[req.rawHeaders[i]] = req.rawHeaders[i + 1];
		const forward = http.request(
			{
				host: upstream.hostname,
				port: upstream.port,
				method: req.method,
				path: req.url,
				headers,
				agent
			},
			(answer) => {
				const downHead = head(
					`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}`,
					answer.rawHeaders
				);
				counts.down += downHead;
				counts.downHeads += downHead;
				const chunked = /chunked/i.test(answer.headers['transfer-encoding'] ?? '');
				res.writeHead(answer.statusCode, answer.statusMessage, answer.rawHeaders);
				answer.on('data', (chunk) => {
					// Chunked framing: the size in hex and two CRLFs per chunk.
					counts.down += chunk.length + (chunked ? chunk.length.toString(16).length + 4 : 0);
					res.write(chunk);
				});
				answer.on('end', () => {
					if (chunked) counts.down += 5; // 0\r\n\r\n
					res.end();
				});
			}
		);
		forward.on('error', (error) => res.destroy(error));
		req.on('data', (chunk) => {
			counts.up += chunk.length;
			forward.write(chunk);
		});
		req.on('end', () => forward.end());
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		counts,
		reset() {
			Object.assign(counts, { requests: 0, up: 0, down: 0, upHeads: 0, downHeads: 0 });
		},
		close: () => new Promise((resolve) => server.close(resolve)).then(() => agent.destroy())
	};
}

/** Node's fetch, sent to `base`, with a browser's Accept-Encoding. */
const browserFetch =
	(base) =>
	(input, init = {}) =>
		fetch(new URL(String(input), base), {
			...init,
			headers: { ...init.headers, 'accept-encoding': BROWSER_ACCEPT_ENCODING }
		});

/** The app's own client modules, bundled for Node from the TypeScript sources. */
async function loadClient(dir) {
	const outfile = join(dir, 'client.mjs');
	await build({
		stdin: {
			contents: [
				"export { postSnapshot } from '$lib/client/sync/transport';",
				"export { totalsAfter } from '$lib/client/sync/answer-totals';",
				"export { SYNC_FORMAT_VERSION, CASE_KINDS } from '$lib/shared/domain';",
				"export { randomId, randomEventKey } from '$lib/shared/ids';"
			].join('\n'),
			resolveDir: root,
			loader: 'ts'
		},
		bundle: true,
		platform: 'node',
		format: 'esm',
		alias: { $lib: join(root, 'src/lib') },
		outfile,
		logLevel: 'warning'
	});
	return import(pathToFileURL(outfile).href);
}

async function publicKeyText() {
	const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
		'sign',
		'verify'
	]);
	const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
	return Buffer.from(raw).toString('base64url');
}

/** One Letterday event day through the proxy; answers each device's final totals by key. */
async function letterdayDay(client, proxy, keys, taps, useCursor) {
	const { postSnapshot, totalsAfter, SYNC_FORMAT_VERSION, randomId, randomEventKey } = client;
	const eventId = randomId();
	const eventKey = randomEventKey();
	const host = randomId();
	const publicKey = await publicKeyText();
	const details = {
		name: 'Write for Rights at the library',
		venue: 'Main branch, room 2',
		city: 'Ottawa',
		province: 'ON',
		date: '2026-12-10',
		updatedAt: 1_764_000_000_000,
		updatedBy: host
	};
	const fetcher = browserFetch(proxy.url);
	const devices = Array.from({ length: DEVICES }, (_, i) => ({
		id: i === 0 ? host : randomId(),
		counters: new Map(),
		dirty: new Set(),
		held: undefined,
		firstSent: false,
		taps: 0
	}));
	const sync = async (device) => {
		const sent = device.firstSent ? [...device.dirty] : [...device.counters.keys()];
		const snapshot = {
			format: SYNC_FORMAT_VERSION,
			deviceId: device.id,
			event: details,
			counters: sent.map((key) => ({ ...keys[key], ...device.counters.get(key) })),
			// Once a session, with the whole resend (sync-event.ts).
			...(!device.firstSent && { publicKey })
		};
		const cursor = useCursor && device.firstSent ? device.held?.cursor : undefined;
		if (cursor) snapshot.cursor = cursor;
		const outcome = await postSnapshot(eventId, eventKey, snapshot, fetcher);
		if (!outcome.ok) throw new Error(`sync failed: ${JSON.stringify(outcome.failure)}`);
		device.firstSent = true;
		device.dirty.clear();
		const update = totalsAfter(device.held, outcome.answer, cursor);
		if (update.kind !== 'store') throw new Error(`answer ${update.kind}`);
		device.held = { totals: update.totals, cursor: update.cursor };
	};
	for (const [d, key] of taps) {
		const device = devices[d];
		const state = device.counters.get(key) ?? { plus: 0, minus: 0 };
		device.counters.set(key, { plus: state.plus + 1, minus: 0 });
		device.dirty.add(key);
		device.taps += 1;
		if (device.taps % SYNC_EVERY === 0) await sync(device);
	}
	for (const device of devices) await sync(device);
	// The first devices to sync last learn the others' final counts with one more round.
	for (const device of devices.slice(0, -1)) await sync(device);
	return devices.map(
		(device) => new Map(device.held.totals.map((t) => [`${t.caseId}/${t.kind}`, t.total]))
	);
}

/** The same day with PouchDB: one document per device counter, one-shot sync every 10 taps. */
async function pouchDay(proxy, keys, taps) {
	const devices = Array.from({ length: DEVICES }, (_, i) => ({
		id: `device-${i}`,
		db: new PouchDB(`device-${i}-${Date.now()}`, { adapter: 'memory' }),
		remote: new PouchDB(`${proxy.url}/event`, {
			fetch: (url, init) => {
				init.headers.set('accept-encoding', BROWSER_ACCEPT_ENCODING);
				return PouchDB.fetch(url, init);
			}
		}),
		taps: 0
	}));
	const sync = (device) => device.db.sync(device.remote);
	for (const [d, key] of taps) {
		const device = devices[d];
		const id = `${device.id}:${keys[key].caseId}:${keys[key].kind}`;
		const doc = await device.db.get(id).catch(() => ({ _id: id, plus: 0, minus: 0 }));
		await device.db.put({ ...doc, plus: doc.plus + 1 });
		device.taps += 1;
		if (device.taps % SYNC_EVERY === 0) await sync(device);
	}
	for (const device of devices) await sync(device);
	for (const device of devices.slice(0, -1)) await sync(device);
	const shown = [];
	for (const device of devices) {
		const totals = new Map();
		const { rows } = await device.db.allDocs({ include_docs: true });
		for (const { doc } of rows) {
			const [, caseId, kind] = doc._id.split(':');
			const key = `${caseId}/${kind}`;
			totals.set(key, (totals.get(key) ?? 0) + doc.plus - doc.minus);
		}
		shown.push(totals);
	}
	return shown;
}

function truth(keys, taps) {
	const totals = new Map();
	for (const [, key] of taps) {
		const name = `${keys[key].caseId}/${keys[key].kind}`;
		totals.set(name, (totals.get(name) ?? 0) + 1);
	}
	return totals;
}

function expectShown(what, shown, expected) {
	for (const [i, totals] of shown.entries()) {
		const keys = new Set([...totals.keys(), ...expected.keys()]);
		for (const key of keys) {
			if ((totals.get(key) ?? 0) !== (expected.get(key) ?? 0)) {
				throw new Error(
					`${what}: device ${i} shows ${key} = ${totals.get(key)}, not ${expected.get(key)}`
				);
			}
		}
	}
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a, b) => a / b;

const dataDir = mkdtempSync(join(tmpdir(), 'letterday-wire-'));
const scratch = mkdtempSync(join(tmpdir(), 'letterday-wire-client-'));
PouchDB.plugin(pouchMemory).plugin(pouchHttp).plugin(pouchReplication);
const server = await startBuiltServer({
	DATA_DIR: dataDir,
	DATABASE_URL: '',
	SYNCS_PER_EVENT_PER_SECOND: '1000000'
});
const pouchApp = express();
pouchApp.use(
	'/',
	expressPouchdb(PouchDB.defaults({ adapter: 'memory' }), {
		mode: 'minimumForPouchDB',
		inMemoryConfig: true
	})
);
const pouchServer = await new Promise((resolve) => {
	const listening = pouchApp.listen(0, '127.0.0.1', () => resolve(listening));
});
const letterdayProxy = await countingProxy(server.url);
const pouchProxy = await countingProxy(`http://127.0.0.1:${pouchServer.address().port}`);
try {
	const client = await loadClient(scratch);
	// Real case ids, from the server's active pack (not through the proxy: not part of the day).
	const pack = await (await fetch(`${server.url}/api/cases?lang=en`)).json();
	const caseIds = pack.cases.slice(0, CASES).map((sheet) => sheet.id);
	if (caseIds.length < CASES) throw new Error(`the pack has ${caseIds.length} cases, not ${CASES}`);
	const keys = caseIds.flatMap((caseId) => client.CASE_KINDS.map((kind) => ({ caseId, kind })));
	const taps = dayOfTaps(keys);
	const expected = truth(keys, taps);

	const results = {};
	for (const [name, run] of [
		['Letterday, full answers', () => letterdayDay(client, letterdayProxy, keys, taps, false)],
		['Letterday, cursor', () => letterdayDay(client, letterdayProxy, keys, taps, true)],
		['PouchDB', () => pouchDay(pouchProxy, keys, taps)]
	]) {
		const proxy = name === 'PouchDB' ? pouchProxy : letterdayProxy;
		proxy.reset();
		expectShown(name, await run(), expected);
		results[name] = { ...proxy.counts };
	}

	console.log(
		`${TAPS} taps on ${DEVICES} devices, ${keys.length} counters, a sync every ${SYNC_EVERY} taps of a device (seed ${options.seed})\n`
	);
	console.log(
		'what                      requests        up      down     total   (of which headers up / down)'
	);
	for (const [name, c] of Object.entries(results)) {
		console.log(
			`${name.padEnd(24)} ${String(c.requests).padStart(9)} ${kb(c.up).padStart(9)} ${kb(c.down).padStart(9)} ${kb(c.up + c.down).padStart(9)}   (${kb(c.upHeads)} / ${kb(c.downHeads)})`
		);
	}
	const pouch = results.PouchDB;
	const rows = [];
	for (const name of ['Letterday, full answers', 'Letterday, cursor']) {
		const ours = results[name];
		const bytes = ratio(pouch.up + pouch.down, ours.up + ours.down);
		const requests = ratio(pouch.requests, ours.requests);
		console.log(
			`\n${name}: ${bytes.toFixed(1)}× fewer bytes, ${requests.toFixed(1)}× fewer requests than PouchDB`
		);
		if (name === 'Letterday, cursor') {
			rows.push(
				{
					part: 'Sync wire vs PouchDB (event day)',
					measure: 'bytes, PouchDB ÷ Letterday',
					value: `${bytes.toFixed(1)}× (${kb(pouch.up + pouch.down)} vs ${kb(ours.up + ours.down)})`,
					goal: '≥ 5×',
					met: bytes >= 5
				},
				{
					part: 'Sync wire vs PouchDB (event day)',
					measure: 'requests, PouchDB ÷ Letterday',
					value: `${requests.toFixed(1)}× (${pouch.requests} vs ${ours.requests})`,
					goal: '≥ 5×',
					met: requests >= 5
				}
			);
		}
	}
	console.log(
		`\nload average ${loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')}`
	);
	summarize(rows);
} finally {
	await letterdayProxy.close();
	await pouchProxy.close();
	await new Promise((resolve) => pouchServer.close(resolve));
	await server.stop();
	rmSync(dataDir, { recursive: true, force: true });
	rmSync(scratch, { recursive: true, force: true });
}
