// `npm run bench`: builds when needed, runs every benchmark (each prints its own figures), then
// prints one table of the headline figures (bench/summary.js) and writes it, with the date and
// the machine, between the bench markers of docs/performance.md. Each part also runs alone:
// node bench/sync.js, node bench/flood.js, node bench/parse.js, node bench/page-weight.js,
// node bench/host.js [--taps N], node bench/load.js [--devices N] [--seconds N],
// node bench/compression.js, node bench/wire.js [--taps N] [--seed N], node bench/lighthouse.js
// [--runs N], node bench/cold-start.js [--runs N]. `npm run bench -- --no-write` leaves
// docs/performance.md alone.
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { root } from './server.js';

const write = !process.argv.includes('--no-write');
const passed = process.argv.slice(2).filter((arg) => arg !== '--no-write');

if (!existsSync(join(root, 'build/index.js')))
	execSync('npx vite build', { cwd: root, stdio: 'inherit' });

const parts = [
	['Sync endpoint (3-counter requests)', ['bench/sync.js', '--calibrate']],
	['One event flooded with 1,000 devices, another syncing', ['bench/flood.js']],
	['Sync body parser (hand-written vs valibot)', ['bench/parse.js']],
	['Participant case sheets (bytes transferred, gzip)', ['bench/page-weight.js']],
	['Compressed answers (bytes as sent, CPU per compression)', ['bench/compression.js']],
	['Sync wire vs PouchDB (an event day, bytes and requests)', ['bench/wire.js']],
	['Host app (first load, tap to repaint)', ['bench/host.js', ...passed]],
	[
		'Lighthouse, mobile preset (case sheet, host start page, event screen)',
		['bench/lighthouse.js']
	],
	['Offline cold start of the event screen (CPU 4× slower)', ['bench/cold-start.js']],
	['A campaign day under load (2,000 devices, 60 s)', ['bench/load.js']]
];

const scratch = mkdtempSync(join(tmpdir(), 'letterday-bench-'));
const summaryFile = join(scratch, 'summary.jsonl');
writeFileSync(summaryFile, '');
const loadBefore = loadavg()[0];
try {
	for (const [title, args] of parts) {
		console.log(`\n## ${title}\n`);
		execSync(`node ${args.join(' ')}`, {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, BENCH_SUMMARY: summaryFile }
		});
	}
	const rows = readFileSync(summaryFile, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line));
	const table = summaryTable(rows, loadBefore);
	console.log(`\n## Summary\n\n${table}`);
	if (write) await writeSummary(table);
} finally {
	rmSync(scratch, { recursive: true, force: true });
}

function summaryTable(rows, load) {
	const cpu = cpus();
	const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
	const machine =
		`${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ` +
		`${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}`;
	const cell = (text) => String(text ?? '').replace(/\|/g, '\\|');
	const verdict = (row) => (row.met === undefined ? '' : row.met ? 'met' : '**missed**');
	return [
		`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; ` +
			`commit ${commit}; 1-minute load average ${load.toFixed(1)} before, ` +
			`${loadavg()[0].toFixed(1)} after.`,
		'',
		'| what | measure | figure | goal | |',
		'| --- | --- | --- | --- | --- |',
		...rows.map(
			(row) =>
				`| ${cell(row.part)} | ${cell(row.measure)} | ${cell(row.value)} | ${cell(row.goal)} | ${verdict(row)} |`
		)
	].join('\n');
}

/** Replaces what lies between the markers, so the rest of the page stays as people wrote it. */
async function writeSummary(table) {
	const file = join(root, 'docs/performance.md');
	const begin = '<!-- bench:begin (npm run bench writes this table) -->';
	const end = '<!-- bench:end -->';
	const doc = readFileSync(file, 'utf8');
	const from = doc.indexOf(begin);
	const to = doc.indexOf(end);
	if (from < 0 || to < from)
		throw new Error(`docs/performance.md lacks the markers ${begin} … ${end}`);
	const next = `${doc.slice(0, from + begin.length)}\n\n${table}\n\n${doc.slice(to)}`;
	// Laid out as Prettier would, so `npm run check` stays clean after a bench run.
	const options = (await prettier.resolveConfig(file)) ?? {};
	writeFileSync(file, await prettier.format(next, { ...options, filepath: file }));
	console.log('\nWritten to docs/performance.md.');
}
