/**
 * The sync endpoint's body parser: is a schema library worth it on the hot path? Compares, on the
 * same sync bodies, the hand-written parseCounterSnapshot (src/lib/shared/sync-wire.ts) and the
 * same rules as a valibot schema (bench/parse-schema.js): parses per second, µs per parse, and
 * the minified, gzipped bytes each would add to a client bundle.
 *
 *   node bench/parse.js [--seconds N]     N: seconds of timing per parser and body (default 2)
 *
 * Bodies: every case of the bundled sample pack × every per-case kind, plus the event counters
 * (13 × 4 + 2 = 54 counters), and a small one with 3 counters; each already JSON-parsed, since
 * both parsers start from the same parsed value (JSON.parse is timed apart, for scale). Needs no
 * build: esbuild bundles both parsers from the TypeScript sources into a temp dir.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { root } from './server.js';
import { summarize } from './summary.js';

const alias = { $lib: join(root, 'src/lib') };
const HAND_WRITTEN = "export { parseCounterSnapshot } from '$lib/shared/sync-wire';";
const SCHEMA = "export { snapshotSchema, parseWithSchema } from './bench/parse-schema.js';";
// The bodies are made from the app's own vocabulary, so they follow any change of kinds.
const DOMAIN =
	"export { CASE_KINDS, EVENT_CASE_ID, EVENT_KINDS, SYNC_FORMAT_VERSION } from '$lib/shared/domain';";

/** Both parsers (and the domain's words) as one Node module, bundled from the sources now. */
async function loadParsers(dir) {
	const outfile = join(dir, 'parsers.mjs');
	await build({
		stdin: { contents: [HAND_WRITTEN, SCHEMA, DOMAIN].join('\n'), resolveDir: root, loader: 'js' },
		bundle: true,
		platform: 'node',
		format: 'esm',
		alias,
		outfile,
		logLevel: 'warning'
	});
	return import(pathToFileURL(outfile).href);
}

/** What one parser would add to a browser bundle: minified, then gzipped (level 9). */
async function clientBytes(contents) {
	const { outputFiles } = await build({
		stdin: { contents, resolveDir: root, loader: 'js' },
		bundle: true,
		platform: 'browser',
		format: 'esm',
		minify: true,
		write: false,
		alias,
		logLevel: 'warning'
	});
	const code = outputFiles[0].contents;
	return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

function bodies(caseIds, domain) {
	const { CASE_KINDS, EVENT_CASE_ID, EVENT_KINDS, SYNC_FORMAT_VERSION } = domain;
	const deviceId = 'bench-device-0123456789';
	const event = {
		name: 'Write for Rights at the library',
		venue: 'Main branch, room 2',
		city: 'Ottawa',
		province: 'ON',
		date: '2026-12-10',
		updatedAt: 1_796_000_000_000
	};
	let n = 0;
	const counter = (caseId, kind) => ({ caseId, kind, plus: 10 + n, minus: n++ % 3 });
	const all = [
		...caseIds.flatMap((id) => CASE_KINDS.map((kind) => counter(id, kind))),
		...EVENT_KINDS.map((kind) => counter(EVENT_CASE_ID, kind))
	];
	const snapshot = (counters) => ({ format: SYNC_FORMAT_VERSION, deviceId, event, counters });
	return [
		{ name: `${all.length} counters`, body: snapshot(all) },
		{ name: '3 counters', body: snapshot(all.slice(0, 3)) }
	];
}

/** Broken copies of a body, one rule each, to check that both parsers give the same code. */
function brokenBodies(body, { CASE_KINDS, EVENT_KINDS }) {
	const edits = [
		(b) => (b.format += 1),
		(b) => delete b.format,
		(b) => (b.deviceId = 'short'),
		(b) => delete b.event,
		(b) => (b.event.province = 'XX'),
		(b) => (b.event.date = '2025-02-29'),
		(b) => (b.event.name = 'x'.repeat(201)),
		(b) => (b.event.city = 7),
		(b) => (b.event.updatedAt = -1),
		(b) => (b.event.updatedBy = 'not a device id'),
		(b) => (b.counters = {}),
		(b) => b.counters.push({ ...b.counters[0] }),
		(b) => (b.counters[1] = { ...b.counters[0] }),
		(b) => (b.counters[0].caseId = 'nobody'),
		(b) => (b.counters[0].kind = EVENT_KINDS[0]),
		(b) => (b.counters.at(-1).kind = CASE_KINDS[0]),
		(b) => (b.counters[0].plus = 1.5),
		(b) => (b.counters[0].plus = 1e9),
		(b) => delete b.counters[0].minus,
		(b) => (b.counters[0].minus = b.counters[0].plus + 1)
	];
	return edits.map((edit) => {
		const copy = structuredClone(body);
		edit(copy);
		return copy;
	});
}

/** Parses per second over `seconds`, in batches so the clock is read rarely. */
function opsPerSecond(parse, body, seconds) {
	let done = 0;
	let accepted = 0;
	const start = performance.now();
	const end = start + seconds * 1000;
	while (performance.now() < end) {
		for (let i = 0; i < 200; i += 1) accepted += parse(body).ok ? 1 : 0;
		done += 200;
	}
	if (accepted !== done) throw new Error('a parser refused a valid body');
	return (done * 1000) / (performance.now() - start);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchParse({ seconds = 2, log = console.log } = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'letterday-bench-parse-'));
	try {
		const bundle = await loadParsers(dir);
		const { parseCounterSnapshot, snapshotSchema, parseWithSchema } = bundle;
		const pack = readFileSync(join(root, 'src/lib/server/case-pack/sample-pack.json'), 'utf8');
		const caseIds = new Set(JSON.parse(pack).cases.map((sheet) => sheet.id));
		const schema = snapshotSchema(caseIds);
		const parsers = [
			['hand-written', (body) => parseCounterSnapshot(body, caseIds)],
			['valibot', (body) => parseWithSchema(schema, body)]
		];

		const cases = bodies([...caseIds], bundle);
		const mismatches = [];
		for (const { body } of cases) {
			const [a, b] = parsers.map(([, parse]) => parse(body));
			if (!a.ok || !b.ok || !isDeepStrictEqual(a.value, b.value)) mismatches.push('valid body');
		}
		const broken = brokenBodies(cases[0].body, bundle);
		broken.forEach((body, i) => {
			const [a, b] = parsers.map(([, parse]) => parse(body));
			if (a.ok || b.ok || a.code !== b.code) mismatches.push(`broken #${i}: ${a.code} / ${b.code}`);
		});

		const results = [];
		for (const { name, body } of cases) {
			const bytes = JSON.stringify(body).length;
			const rounds = Object.fromEntries(parsers.map(([parser]) => [parser, []]));
			// Alternate the parsers over five rounds so that a busy neighbour hurts both alike.
			for (let round = 0; round < 5; round += 1) {
				for (const [parser, parse] of parsers) {
					rounds[parser].push(opsPerSecond(parse, body, seconds / 5));
				}
			}
			const text = JSON.stringify(body);
			const jsonOps = opsPerSecond(() => ({ ok: JSON.parse(text) !== null }), body, seconds / 5);
			for (const [parser] of parsers) {
				const ops = median(rounds[parser]);
				results.push({ body: name, bytes, parser, ops, us: 1e6 / ops, jsonUs: 1e6 / jsonOps });
			}
		}
		const sizes = {
			'hand-written': await clientBytes(HAND_WRITTEN),
			valibot: await clientBytes(SCHEMA)
		};

		log('Sync body parser, same parsed bodies, median of 5 alternating rounds');
		log(`${'body'.padEnd(24)}${'parser'.padEnd(14)}${'parses/s'.padStart(12)}${'µs'.padStart(9)}`);
		for (const r of results) {
			const base = results.find((x) => x.body === r.body && x.parser === 'hand-written');
			const times = r === base ? '' : `   ${(r.us / base.us).toFixed(1)}× the time`;
			log(
				`${`${r.body} (${r.bytes} B)`.padEnd(24)}${r.parser.padEnd(14)}${Math.round(r.ops).toLocaleString('en').padStart(12)}${r.us.toFixed(2).padStart(9)}${times}`
			);
		}
		for (const r of results.filter((x) => x.parser === 'hand-written')) {
			log(`JSON.parse of the ${r.body} body, for scale: ${r.jsonUs.toFixed(2)} µs`);
		}
		for (const [parser, size] of Object.entries(sizes)) {
			log(`client bundle, ${parser}: ${size.minified} B minified, ${size.gzip} B gzipped`);
		}
		log(
			mismatches.length === 0
				? `same verdicts: both accept the bodies alike and give the same code for ${broken.length} broken ones`
				: `PARSERS DISAGREE: ${mismatches.join('; ')}`
		);
		const big = results.filter((r) => r.bytes === Math.max(...results.map((x) => x.bytes)));
		const [hand, viaSchema] = ['hand-written', 'valibot'].map((p) =>
			big.find((r) => r.parser === p)
		);
		summarize([
			{
				part: 'Sync body parser',
				measure: `µs per ${hand.body} body, hand-written / valibot`,
				value: `${hand.us.toFixed(1)} / ${viaSchema.us.toFixed(1)} µs${mismatches.length ? ' (PARSERS DISAGREE)' : ''}`
			}
		]);
		return { results, sizes, mismatches };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const at = process.argv.indexOf('--seconds');
	await benchParse({ seconds: at === -1 ? 2 : Number(process.argv[at + 1]) });
}
