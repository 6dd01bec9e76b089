/**
 * One event flooded with made-up devices must not slow another event's sync (issue 12, item 1).
 * In one run against one server: a quiet event's sync latency alone, then the same while a
 * second event is flooded with 1,000 devices × 54 counters (every counter of the sample pack:
 * 13 cases × 4 kinds + 2 head counts) that keep syncing. Prints p50/p95 of the quiet event's
 * syncs in both phases, and of the flood's own syncs.
 *
 *   node bench/flood.js [--devices 1000] [--samples 300] [--connections 4] [--build DIR]
 *
 * `--build DIR` runs another build (e.g. one of main before running totals) with the same
 * client; its server is started as `node DIR/index.js` on SQLite in a temp DATA_DIR.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { root, startBuiltServer } from './server.js';
import { summarize } from './summary.js';

const randomId = () => randomBytes(16).toString('base64url');
const randomKey = () => randomBytes(32).toString('hex');

function post(agent, url, key, body) {
	const started = performance.now();
	return new Promise((done, reject) => {
		const payload = JSON.stringify(body);
		const req = request(
			url,
			{
				method: 'POST',
				agent,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(payload),
					authorization: `Bearer ${key}`
				}
			},
			(res) => {
				res.resume();
				res.on('end', () => done({ status: res.statusCode, ms: performance.now() - started }));
			}
		);
		req.on('error', reject);
		req.end(payload);
	});
}

const percentile = (values, p) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};
const summary = (values) =>
	`p50 ${percentile(values, 0.5).toFixed(2)} ms, p95 ${percentile(values, 0.95).toFixed(2)} ms (${values.length} syncs)`;

const details = {
	name: 'Flood bench',
	venue: '',
	city: 'Ottawa',
	province: 'ON',
	date: '2026-12-10',
	updatedAt: 1000
};

/**
 * `afterFill`, when given, runs once the flooded event holds its devices and answers the base URL
 * to measure against from then on (main() restarts the server there with the sync rate on).
 */
export async function benchFlood({
	baseUrl: fillUrl,
	devices = 1000,
	samples = 300,
	connections = 4,
	interval = 120,
	afterFill = async () => fillUrl
}) {
	let baseUrl = fillUrl;
	const caseIds = JSON.parse(
		readFileSync(join(root, 'src/lib/server/case-pack/sample-pack.json'), 'utf8')
	).cases.map((sheet) => sheet.id);
	const keys = caseIds
		.flatMap((caseId) => ['letter', 'card', 'petition', 'online'].map((kind) => ({ caseId, kind })))
		.concat([
			{ caseId: '_event', kind: 'participants' },
			{ caseId: '_event', kind: 'firstTimers' }
		]);
	let agent = new Agent({ keepAlive: true, maxSockets: connections + 1 });
	const quiet = { id: randomId(), key: randomKey(), device: randomId(), plus: 0 };
	const flood = { id: randomId(), key: randomKey() };
	const quietSync = () => {
		quiet.plus += 1;
		return post(agent, `${baseUrl}/api/events/${quiet.id}/sync`, quiet.key, {
			format: 1,
			deviceId: quiet.device,
			event: details,
			counters: keys.slice(0, 3).map((k) => ({ ...k, plus: quiet.plus, minus: 0 }))
		});
	};
	// Paced like a real event (its devices sync seconds apart), and under the sync rate: one
	// sync every `interval` ms, whatever the last one took.
	const measureQuiet = async () => {
		const times = [];
		const start = performance.now();
		for (let i = 0; i < samples; i += 1) {
			const wait = start + i * interval - performance.now();
			if (wait > 0) await new Promise((done) => setTimeout(done, wait));
			const { status, ms } = await quietSync();
			if (status !== 200) throw new Error(`quiet sync answered ${status}`);
			times.push(ms);
		}
		return times;
	};
	const floodDevices = Array.from({ length: devices }, () => randomId());
	let round = 0;
	const floodTimes = [];
	let floodErrors = 0;
	let floodRefused = 0;
	const floodSync = async (device) => {
		const value = round + 1 + (device.charCodeAt(0) % 5);
		const { status, ms } = await post(agent, `${baseUrl}/api/events/${flood.id}/sync`, flood.key, {
			format: 1,
			deviceId: device,
			event: details,
			counters: keys.map((k) => ({ ...k, plus: value, minus: 0 }))
		});
		// 429: over the event's sync rate, turned away before the body is read.
		if (status === 429) floodRefused += 1;
		else if (status !== 200) floodErrors += 1;
		floodTimes.push(ms);
	};

	// Fill the flooded event with its devices (as a patient attacker would, under the rate).
	let next = 0;
	await Promise.all(
		Array.from({ length: connections }, async () => {
			while (next < floodDevices.length) await floodSync(floodDevices[next++]);
		})
	);
	const filled = floodTimes.length;
	const fillErrors = floodErrors + floodRefused;
	agent.destroy();
	baseUrl = await afterFill();
	agent = new Agent({ keepAlive: true, maxSockets: connections + 1 });

	for (let i = 0; i < 10; i += 1) await quietSync(); // warm up
	const quietAlone = await measureQuiet();
	// Keep flooding (every device's counters grow) while the quiet event syncs.
	let flooding = true;
	const floodLoop = Promise.all(
		Array.from({ length: connections }, async (_, c) => {
			for (let i = c; flooding; i += connections) {
				if (i >= floodDevices.length) {
					i = c;
					round += 1;
				}
				await floodSync(floodDevices[i]);
			}
		})
	);
	const quietFlooded = await measureQuiet();
	flooding = false;
	await floodLoop;
	agent.destroy();
	return {
		quietAlone,
		quietFlooded,
		floodFill: floodTimes.slice(0, filled),
		floodDuring: floodTimes.slice(filled),
		fillErrors,
		floodErrors,
		floodRefused
	};
}

function parseArgs(argv) {
	const options = {};
	for (let i = 0; i < argv.length; i += 1) {
		if (argv[i] === '--devices') options.devices = Number(argv[++i]);
		else if (argv[i] === '--samples') options.samples = Number(argv[++i]);
		else if (argv[i] === '--connections') options.connections = Number(argv[++i]);
		else if (argv[i] === '--build') options.build = resolve(argv[++i]);
		else if (argv[i] === '--rate') options.rate = argv[++i];
		else if (argv[i] === '--interval') options.interval = Number(argv[++i]);
	}
	return options;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const options = parseArgs(process.argv.slice(2));
	const dataDir = mkdtempSync(join(tmpdir(), 'letterday-flood-'));
	const env = (rate) => ({
		DATA_DIR: dataDir,
		DATABASE_URL: '',
		// The flood is the point here: let its devices in.
		MAX_DEVICES_PER_EVENT: String((options.devices ?? 1000) + 10),
		...(rate && { SYNCS_PER_EVENT_PER_SECOND: rate })
	});
	const build = options.build ? { buildDir: options.build } : {};
	// The devices go in with no sync rate (a patient attacker gets them in anyway, 20 a second);
	// the measure runs on a restarted server with the rate as configured (the default unless
	// --rate N).
	let server = await startBuiltServer(env('1000000'), build);
	try {
		const result = await benchFlood({
			baseUrl: server.url,
			...options,
			afterFill: async () => {
				await server.stop();
				server = await startBuiltServer(env(options.rate), build);
				return server.url;
			}
		});
		console.log(`build: ${options.build ?? join(root, 'build')} (SQLite)`);
		console.log(`quiet event, alone:            ${summary(result.quietAlone)}`);
		console.log(`quiet event, during the flood: ${summary(result.quietFlooded)}`);
		console.log(`flood, filling its devices:    ${summary(result.floodFill)}`);
		console.log(`flood, while measured:         ${summary(result.floodDuring)}`);
		const ratio = percentile(result.quietFlooded, 0.95) / percentile(result.quietAlone, 0.95);
		console.log(
			`quiet p95 flooded / alone: ${ratio.toFixed(2)}×; flood turned away (429): ${result.floodRefused}; flood errors: ${result.floodErrors + result.fillErrors}`
		);
		summarize([
			{
				part: 'One event flooded, another syncing',
				measure: 'quiet event p95, flooded / alone',
				value: `${ratio.toFixed(2)}× (${percentile(result.quietAlone, 0.95).toFixed(1)} → ${percentile(result.quietFlooded, 0.95).toFixed(1)} ms)`,
				goal: '≤ 2×',
				met: ratio <= 2
			}
		]);
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}
