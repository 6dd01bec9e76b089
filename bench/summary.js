// One table for `npm run bench`: each benchmark hands its headline figures to summarize(), and
// bench/run.js gathers them, prints them as one table and writes that table, with the date and
// the machine, into docs/performance.md. Run alone (no BENCH_SUMMARY set), a bench only prints
// its own figures and this does nothing.
import { appendFileSync } from 'node:fs';

/**
 * @typedef {object} SummaryRow
 * @property {string} part     what was measured, e.g. "Sync endpoint, SQLite"
 * @property {string} measure  which figure, e.g. "requests/s (p50 / p99)"
 * @property {string} value    the figure as people read it, e.g. "2,067 (2.8 / 15.3 ms)"
 * @property {string} [goal]   the budget, e.g. "≥ 3,000"; absent when there is none
 * @property {boolean} [met]   whether the value meets the goal; absent when there is none
 */

/** @param {SummaryRow[]} rows */
export function summarize(rows) {
	const file = process.env.BENCH_SUMMARY;
	if (!file) return;
	for (const row of rows) appendFileSync(file, `${JSON.stringify(row)}\n`);
}
