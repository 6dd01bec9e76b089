/**
 * Sync endpoint throughput: three-counter sync requests from a few concurrent keep-alive
 * connections against a running server.
 *
 *   benchSync({ baseUrl, seconds })  → { backend?, requests, errors, rps, p50, p95, p99 }
 *
 * Run directly (`node bench/sync.js [--seconds 10] [--connections 8]`), it starts the built
 * adapter-node server (`build/index.js`, from `npm run build`) on a free port, once on SQLite in
 * a temp DATA_DIR and once on PostgreSQL when BENCH_DATABASE_URL, TEST_DATABASE_URL or
 * DATABASE_URL is set (in a throwaway schema), and prints requests/s and latencies for each.
 * Options: --seconds N, --connections N, --only sqlite|postgres, --build DIR (a copy of build/),
 * --calibrate (first measure a bare node:http server: what this machine and client can reach),
 * --counters N (counters per request, default 3; 54 is every counter of the sample pack, an
 * answer of about 3 KB), --compression on|off|both (the server's COMPRESSION setting; both runs
 * SQLite twice, off then on), --processes N (WEB_CONCURRENCY, default 1 on SQLite; PostgreSQL
 * runs with 1 and then 2 processes unless N is given), --serve FILE (another server entry than
 * scripts/serve.js, e.g. an older copy to compare with, interleaved by running both in turn),
 * --profile DIR (the server runs with `node --cpu-prof`, its profiles written to DIR on exit).
 * Requests say `Accept-Encoding: gzip, deflate, br` as a browser does. The per-event sync rate
 * (SYNCS_PER_EVENT_PER_SECOND) is lifted: each connection is one event syncing flat out.
 * Server CPU per request counts the server process and its workers; on PostgreSQL, database CPU
 * per request counts every `postgres` process of this machine (when the database runs here: a
 * shared one counts its other clients too, so read it beside an interleaved run).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, startBuiltServer } from './server.js';
import { summarize } from './summary.js';

const randomId = () => randomBytes(16).toString('base64url');
const randomKey = () => randomBytes(32).toString('hex');

/** Case ids the server accepts: from its own /api/cases, else the bundled sample pack. */
async function caseIdsOf(baseUrl) {
	try {
		const response = await fetch(`${baseUrl}/api/cases?lang=en`);
		if (response.ok) {
			const pack = await response.json();
			const ids = pack.cases?.map((sheet) => sheet.id) ?? [];
			if (ids.length >= 3) return ids;
		}
	} catch {
		// fall through to the sample pack
	}
	const file = join(root, 'src/lib/server/case-pack/sample-pack.json');
	return JSON.parse(readFileSync(file, 'utf8')).cases.map((sheet) => sheet.id);
}

function post(agent, url, headers, body) {
	return new Promise((resolvePost, reject) => {
		const req = request(url, { method: 'POST', agent, headers }, (res) => {
			let bytes = 0;
			res.on('data', (chunk) => (bytes += chunk.length));
			res.on('end', () => resolvePost({ status: res.statusCode, bytes }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}

const percentile = (sorted, p) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;

/**
 * Each connection plays one device of its own event and sends that device's three counters with
 * values that grow every request, so every request writes (no replay shortcut).
 */
export async function benchSync({
	baseUrl,
	seconds = 10,
	connections = 8,
	warmupSeconds = 2,
	counters = 3
}) {
	const caseIds = await caseIdsOf(baseUrl);
	/** The first `counters` (case, kind) pairs of the pack, then the event's own. */
	const slots = [
		...caseIds.flatMap((caseId) =>
			['letter', 'card', 'petition', 'online'].map((kind) => ({ caseId, kind }))
		),
		{ caseId: '_event', kind: 'participants' },
		{ caseId: '_event', kind: 'firstTimers' }
	].slice(0, counters);
	let bytes = 0;
	const agent = new Agent({ keepAlive: true, maxSockets: connections });
	const latencies = [];
	let errors = 0;
	let measuring = false;

	async function connection(deadline) {
		const eventId = randomId();
		const key = randomKey();
		const deviceId = randomId();
		const url = `${baseUrl}/api/events/${eventId}/sync`;
		const headers = {
			'content-type': 'application/json',
			authorization: `Bearer ${key}`,
			'accept-encoding': 'gzip, deflate, br'
		};
		const event = {
			name: 'Benchmark',
			venue: 'Hall',
			city: 'Ottawa',
			province: 'ON',
			date: '2026-12-10',
			updatedAt: Date.now()
		};
		for (let n = 1; performance.now() < deadline; n += 1) {
			const body = JSON.stringify({
				format: 1,
				deviceId,
				event,
				counters: slots.map((slot, i) => ({ ...slot, plus: n, minus: i % 3 === 1 ? n >> 3 : 0 }))
			});
			const started = performance.now();
			const answer = await post(agent, url, headers, body).catch(() => ({ status: 0, bytes: 0 }));
			if (!measuring) continue;
			if (answer.status === 200) {
				latencies.push(performance.now() - started);
				bytes += answer.bytes;
			} else errors += 1;
		}
	}

	const warmupEnd = performance.now() + warmupSeconds * 1000;
	const end = warmupEnd + seconds * 1000;
	setTimeout(() => (measuring = true), warmupSeconds * 1000);
	const started = Date.now();
	await Promise.all(Array.from({ length: connections }, () => connection(end)));
	agent.destroy();
	const elapsed = (Date.now() - started) / 1000 - warmupSeconds;
	latencies.sort((a, b) => a - b);
	return {
		requests: latencies.length,
		errors,
		seconds: elapsed,
		connections,
		/** Mean body bytes of an answer, as sent (compressed or not). */
		answerBytes: latencies.length ? bytes / latencies.length : NaN,
		rps: latencies.length / elapsed,
		p50: percentile(latencies, 0.5),
		p95: percentile(latencies, 0.95),
		p99: percentile(latencies, 0.99)
	};
}

/** A bare node:http server that answers every request with a fixed JSON: the ceiling this
 * machine and this client reach with no framework and no database (`--calibrate`). */
const BARE_SERVER = `
	const { createServer } = require('node:http');
	createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			res.setHeader('content-type', 'application/json');
			res.end('{"ok":true}');
		});
	}).listen(Number(process.env.PORT), process.env.HOST);
`;

/** Starts the server entry over `buildDir` (or the bare server) with `env`; waits until it
 * answers. Each connection is one event syncing flat out: far past the per-event rate. */
const startServer = (buildDir, env, { bare = false, serve, profile } = {}) =>
	startBuiltServer(
		{ SYNCS_PER_EVENT_PER_SECOND: '1000000', ...env },
		bare
			? { args: ['-e', BARE_SERVER] }
			: {
					buildDir,
					args: [
						...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
						serve ?? 'scripts/serve.js'
					]
				}
	);

/** CPU seconds (user + system) a process and its children (cluster workers) have used so far,
 * from /proc; undefined elsewhere. */
function cpuSeconds(pid) {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		// utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
		let seconds = (Number(fields[11]) + Number(fields[12])) / 100;
		const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
		for (const child of children ? children.split(' ') : []) seconds += cpuSeconds(child) ?? 0;
		return seconds;
	} catch {
		return undefined;
	}
}

/** Runs benchSync against a started server, adding the server's CPU time per request: on a busy
 * machine requests/s says more about the neighbours than about the server, CPU per request not. */
async function measure(server, options, { database = false } = {}) {
	const before = cpuSeconds(server.pid);
	const databaseBefore = database ? postgresCpuSeconds() : undefined;
	const result = await benchSync({ baseUrl: server.url, ...options });
	const after = cpuSeconds(server.pid);
	const databaseAfter = database ? postgresCpuSeconds() : undefined;
	// The warm-up requests are not counted, so scale by the measured share of the run.
	const share = result.seconds / (result.seconds + (options.warmupSeconds ?? 2));
	if (before !== undefined && after !== undefined) {
		result.serverCpuMsPerRequest = ((after - before) * share * 1000) / result.requests;
	}
	if (databaseBefore && databaseAfter) {
		result.databaseCpuMsPerRequest =
			((databaseAfter - databaseBefore) * share * 1000) / result.requests;
	}
	return result;
}

/** CPU seconds used so far by every process named `postgres` on this machine (the postmaster,
 * its backends and helpers; a backend that exited meanwhile is missed); 0 when none is visible. */
function postgresCpuSeconds() {
	let seconds = 0;
	for (const pid of readdirSync('/proc').filter((name) => /^[0-9]+$/.test(name))) {
		try {
			if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
			const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
			seconds += (Number(fields[11]) + Number(fields[12])) / 100;
		} catch {
			// Gone meanwhile, or not ours to read.
		}
	}
	return seconds;
}

async function withPostgresSchema(url, work) {
	const { default: pg } = await import('pg');
	const schema = `bench_${process.pid}`;
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await work(schema);
	} finally {
		await client.query(`drop schema if exists "${schema}" cascade`);
		await client.end();
	}
}

function parseArgs(argv) {
	const options = {
		seconds: 10,
		connections: 8,
		counters: 3,
		compression: 'on',
		build: join(root, 'build')
	};
	for (let i = 0; i < argv.length; i += 1) {
		if (argv[i] === '--seconds') options.seconds = Number(argv[++i]);
		else if (argv[i] === '--connections') options.connections = Number(argv[++i]);
		else if (argv[i] === '--only') options.only = argv[++i];
		else if (argv[i] === '--calibrate') options.calibrate = true;
		else if (argv[i] === '--counters') options.counters = Number(argv[++i]);
		else if (argv[i] === '--compression') options.compression = argv[++i];
		else if (argv[i] === '--processes') options.processes = Number(argv[++i]);
		else if (argv[i] === '--serve') options.serve = resolve(argv[++i]);
		else if (argv[i] === '--profile') options.profile = resolve(argv[++i]);
		// A copy of build/ keeps a long run safe from someone rebuilding meanwhile.
		else if (argv[i] === '--build') options.build = resolve(argv[++i]);
	}
	return options;
}

const format = (name, r) =>
	[
		`${name.padEnd(10)} ${r.rps.toFixed(0).padStart(7)} req/s`,
		`p50 ${r.p50.toFixed(2)} ms`,
		`p95 ${r.p95.toFixed(2)} ms`,
		`p99 ${r.p99.toFixed(2)} ms`,
		Number.isNaN(r.answerBytes) ? undefined : `answer ${r.answerBytes.toFixed(0)} B`,
		r.serverCpuMsPerRequest === undefined
			? undefined
			: `server CPU ${r.serverCpuMsPerRequest.toFixed(3)} ms/request`,
		r.databaseCpuMsPerRequest === undefined
			? undefined
			: `database CPU ${r.databaseCpuMsPerRequest.toFixed(3)} ms/request`,
		`(${r.requests} requests, ${r.errors} errors, ${r.connections} connections, ${r.seconds.toFixed(1)} s)`
	]
		.filter(Boolean)
		.join('   ');

async function main() {
	const options = parseArgs(process.argv.slice(2));
	if (!existsSync(join(options.build, 'index.js'))) {
		console.error(
			`bench/sync.js needs the built server in ${options.build}: run \`npm run build\`.`
		);
		process.exit(1);
	}
	const { build, only, calibrate, compression, processes, serve, profile, ...benchOptions } =
		options;
	const results = [];
	if (calibrate) {
		const server = await startServer(build, {}, { bare: true });
		try {
			const result = await measure(server, benchOptions);
			results.push(['bare http', result]);
			console.log(format('bare http', result));
		} finally {
			await server.stop();
		}
	}
	const settings = compression === 'both' ? ['off', 'on'] : [compression];
	for (const setting of only === 'postgres' ? [] : settings) {
		const name = settings.length > 1 ? `sqlite, compression ${setting}` : 'sqlite';
		const dataDir = mkdtempSync(join(tmpdir(), 'letterday-bench-'));
		const server = await startServer(
			build,
			{
				DATA_DIR: dataDir,
				DATABASE_URL: '',
				COMPRESSION: setting,
				WEB_CONCURRENCY: String(processes ?? 1)
			},
			{ serve, profile }
		);
		try {
			const result = await measure(server, benchOptions);
			results.push([name, result]);
			console.log(format(name, result));
		} finally {
			await server.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	}
	const pgUrl =
		process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
	if (only !== 'sqlite') {
		if (!pgUrl) {
			console.log('postgres   skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
		} else {
			// Several processes are what PostgreSQL is for: one, then two.
			for (const count of processes ? [processes] : [1, 2]) {
				await withPostgresSchema(pgUrl, async (schema) => {
					const server = await startServer(
						build,
						{
							DATABASE_URL: pgUrl,
							DATABASE_SCHEMA: schema,
							COMPRESSION: compression === 'off' ? 'off' : 'on',
							WEB_CONCURRENCY: String(count)
						},
						{ serve, profile }
					);
					try {
						const name = `postgres ×${count}`;
						const result = await measure(server, benchOptions, { database: true });
						results.push([name, result]);
						console.log(format(name, result));
					} finally {
						await server.stop();
					}
				});
			}
		}
	}
	summarize(summaryRows(results));
	return results;
}

/** The headline figures for `npm run bench` (bench/summary.js). */
function summaryRows(results) {
	const part = 'Sync endpoint (3-counter requests)';
	const label = (name) =>
		name === 'bare http'
			? 'bare node:http ceiling'
			: name.startsWith('postgres')
				? `PostgreSQL, ${name.split('×')[1] === '1' ? '1 process' : `${name.split('×')[1]} processes`}`
				: name.replace('sqlite', 'SQLite');
	const bare = results.find(([name]) => name === 'bare http')?.[1];
	const rows = [];
	for (const [name, r] of results) {
		const row = {
			part: `${part}, ${label(name)}`,
			measure: 'requests/s (p50 / p99)',
			value: `${Math.round(r.rps).toLocaleString('en')} (${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} ms)`
		};
		// The budget is for the default server on SQLite.
		if (name === 'sqlite') Object.assign(row, { goal: '≥ 3,000', met: r.rps >= 3000 });
		rows.push(row);
		if (name === 'bare http') continue;
		if (bare) {
			rows.push({
				part: `${part}, ${label(name)}`,
				measure: 'share of the bare ceiling, same run',
				value: `${((100 * r.rps) / bare.rps).toFixed(1)} %`
			});
		}
		if (r.serverCpuMsPerRequest !== undefined) {
			rows.push({
				part: `${part}, ${label(name)}`,
				measure: 'server CPU per request',
				value: `${r.serverCpuMsPerRequest.toFixed(3)} ms`
			});
		}
		if (r.databaseCpuMsPerRequest !== undefined) {
			rows.push({
				part: `${part}, ${label(name)}`,
				measure: 'database CPU per request (every postgres process here)',
				value: `${r.databaseCpuMsPerRequest.toFixed(3)} ms`
			});
		}
	}
	return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
