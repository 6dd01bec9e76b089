/**
 * A campaign day's load: many simulated devices, a few per event, each tapping and syncing at
 * random moments for a while, against one server on SQLite and against two servers sharing one
 * PostgreSQL. Prints requests, errors, latency percentiles, and whether every count is accounted
 * for: after a last sync from every device, each event's totals on the server must equal the sum
 * of its devices' own counts.
 *
 *   node bench/load.js [--devices 2000] [--per-event 10] [--seconds 60] [--only sqlite|postgres]
 *                      [--build DIR]   (a copy of build/, e.g. an older one to compare with)
 *
 * PostgreSQL runs when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (a throwaway schema).
 * Needs `npm run build`. docs/reliability.md records its figures.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, startBuiltServer } from './server.js';
import { summarize } from './summary.js';

const KINDS = ['letter', 'card', 'petition', 'online'];
const randomId = () => randomBytes(16).toString('base64url');
const percentile = (sorted, p) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// One address registers every simulated event here; a real campaign's come from many. The limits
// on one address and on devices per event are raised for the run, not switched off.
const SERVER_ENV = {
	REGISTRATIONS_PER_HOUR: '100000',
	MAX_DEVICES_PER_EVENT: '1000'
};

const caseIds = JSON.parse(
	readFileSync(join(root, 'src/lib/server/case-pack/sample-pack.json'), 'utf8')
).cases.map((sheet) => sheet.id);

function post(agent, url, key, body) {
	return new Promise((resolvePost) => {
		const req = request(
			url,
			{
				method: 'POST',
				agent,
				headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					resolvePost({ status: res.statusCode, text: Buffer.concat(chunks).toString() })
				);
				res.on('error', () => resolvePost({ status: 0, text: '' }));
			}
		);
		req.on('error', () => resolvePost({ status: 0, text: '' }));
		req.end(body);
	});
}

/** Events, each with its devices; a device holds its own absolute counters (a PN-counter half). */
function makeEvents(devices, perEvent) {
	const events = [];
	for (let i = 0; i < Math.ceil(devices / perEvent); i++) {
		const event = {
			id: randomId(),
			key: randomBytes(32).toString('hex'),
			details: {
				name: `Load ${i}`,
				venue: 'Hall',
				city: 'Ottawa',
				province: 'ON',
				date: '2026-12-10',
				updatedAt: Date.now()
			},
			devices: []
		};
		for (let d = 0; d < perEvent && events.length * perEvent + d < devices; d++) {
			event.devices.push({ id: randomId(), counters: new Map() });
		}
		events.push(event);
	}
	return events;
}

function tapSome(device) {
	for (let n = 1 + Math.floor(Math.random() * 4); n > 0; n--) {
		const key = `${caseIds[Math.floor(Math.random() * 6)]}|${KINDS[Math.floor(Math.random() * 4)]}`;
		const counter = device.counters.get(key) ?? { plus: 0, minus: 0 };
		counter.plus += 1;
		// Now and then a tap is taken back, as hosts do.
		if (Math.random() < 0.05) counter.minus += 1;
		device.counters.set(key, counter);
	}
}

function body(event, device) {
	return JSON.stringify({
		format: 1,
		deviceId: device.id,
		event: event.details,
		counters: [...device.counters].map(([key, c]) => {
			const [caseId, kind] = key.split('|');
			return { caseId, kind, plus: c.plus, minus: c.minus };
		})
	});
}

export async function runLoad({ urls, devices = 2000, perEvent = 10, seconds = 60 }) {
	const agent = new Agent({ keepAlive: true, maxSockets: 64 });
	const events = makeEvents(devices, perEvent);
	const latencies = [];
	const statuses = new Map();
	const count = (status) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
	const end = performance.now() + seconds * 1000;
	const meanGap = (seconds * 1000) / 6; // each device syncs about six times in the run

	let index = 0;
	async function sync(event, device) {
		const url = `${urls[index++ % urls.length]}/api/events/${event.id}/sync`;
		const started = performance.now();
		const answer = await post(agent, url, event.key, body(event, device));
		latencies.push(performance.now() - started);
		count(answer.status);
		return answer;
	}

	async function deviceLoop(event, device) {
		await sleep(Math.random() * meanGap);
		while (performance.now() < end) {
			tapSome(device);
			await sync(event, device);
			await sleep(meanGap * (0.5 + Math.random()));
		}
	}

	const started = performance.now();
	await Promise.all(events.flatMap((event) => event.devices.map((d) => deviceLoop(event, d))));
	const elapsed = (performance.now() - started) / 1000;

	// Every device sends what it holds once more, until the server takes it.
	const last = new Map();
	for (const event of events) {
		for (const device of event.devices) {
			for (let attempt = 0; ; attempt++) {
				const answer = await sync(event, device);
				if (answer.status === 200) {
					last.set(event.id, JSON.parse(answer.text));
					break;
				}
				if (attempt > 20) throw new Error(`event ${event.id} refused: ${answer.text}`);
				await sleep(100);
			}
		}
	}
	agent.destroy();

	let counted = 0;
	let missing = 0;
	for (const event of events) {
		const expected = new Map();
		for (const device of event.devices) {
			for (const [key, c] of device.counters) {
				expected.set(key, (expected.get(key) ?? 0) + c.plus - c.minus);
				counted += c.plus - c.minus;
			}
		}
		const totals = new Map(
			last.get(event.id).totals.map((t) => [`${t.caseId}|${t.kind}`, t.total])
		);
		for (const [key, n] of expected) missing += Math.abs(n - (totals.get(key) ?? 0));
	}
	latencies.sort((a, b) => a - b);
	return {
		devices,
		events: events.length,
		seconds: elapsed,
		requests: latencies.length,
		errors: [...statuses].filter(([s]) => s !== 200).reduce((n, [, k]) => n + k, 0),
		statuses: Object.fromEntries(statuses),
		p50: percentile(latencies, 0.5),
		p95: percentile(latencies, 0.95),
		p99: percentile(latencies, 0.99),
		counted,
		missing
	};
}

const format = (name, r) =>
	[
		`${name.padEnd(22)} ${r.devices} devices in ${r.events} events, ${r.seconds.toFixed(0)} s`,
		`${r.requests} requests (${(r.requests / r.seconds).toFixed(0)}/s), ${r.errors} errors`,
		`p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms`,
		`${r.counted} counts, ${r.missing === 0 ? 'every one accounted for' : `${r.missing} NOT ACCOUNTED FOR`}`
	].join('\n  ');

/** The summary's row: every count must come back, whatever the latency. */
const loadRow = (name, r) => ({
	part: `Campaign day, ${r.devices} devices, ${name}`,
	measure: 'requests, errors, p95; counts accounted for',
	value: `${r.requests}, ${r.errors} errors, p95 ${r.p95.toFixed(0)} ms; ${r.missing} of ${r.counted} missing`,
	goal: '0 missing',
	met: r.missing === 0 && r.errors === 0
});

function parseArgs(argv) {
	const options = { devices: 2000, perEvent: 10, seconds: 60 };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--devices') options.devices = Number(argv[++i]);
		else if (argv[i] === '--per-event') options.perEvent = Number(argv[++i]);
		else if (argv[i] === '--seconds') options.seconds = Number(argv[++i]);
		else if (argv[i] === '--only') options.only = argv[++i];
		else if (argv[i] === '--build') options.buildDir = resolve(argv[++i]);
	}
	return options;
}

async function main() {
	const { only, buildDir, ...options } = parseArgs(process.argv.slice(2));
	const start = (env) => startBuiltServer(env, { buildDir });
	let failed = false;
	if (only !== 'postgres') {
		const dataDir = mkdtempSync(join(tmpdir(), 'letterday-load-'));
		const server = await start({ ...SERVER_ENV, DATA_DIR: dataDir, DATABASE_URL: '' });
		try {
			const result = await runLoad({ urls: [server.url], ...options });
			console.log(format('sqlite, 1 server', result));
			summarize([loadRow('SQLite, 1 server', result)]);
			failed ||= result.missing !== 0;
		} finally {
			await server.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	}
	const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
	if (only !== 'sqlite' && !pgUrl) console.log('postgres skipped: set BENCH_DATABASE_URL');
	if (only !== 'sqlite' && pgUrl) {
		const { default: pg } = await import('pg');
		const schema = `load_${process.pid}`;
		const env = { ...SERVER_ENV, DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema };
		// The first process makes the schema and tables; the second starts on them.
		const first = await start(env);
		const second = await start(env);
		try {
			const result = await runLoad({ urls: [first.url, second.url], ...options });
			console.log(format('postgres, 2 servers', result));
			summarize([loadRow('PostgreSQL, 2 servers', result)]);
			failed ||= result.missing !== 0;
		} finally {
			await Promise.all([first.stop(), second.stop()]);
			const client = new pg.Client({ connectionString: pgUrl });
			await client.connect();
			await client.query(`drop schema if exists "${schema}" cascade`);
			await client.end();
		}
	}
	if (failed) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
