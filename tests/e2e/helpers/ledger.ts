/**
 * The fault tests' bookkeeping: what the person tapped (the ledger), what the server holds, and
 * what a device still has to send. Keys are `caseId/kind`.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';

export type Ledger = Map<string, number>;

export function addToLedger(ledger: Ledger, caseId: string, kind: string, n: number): void {
	const key = `${caseId}/${kind}`;
	ledger.set(key, (ledger.get(key) ?? 0) + n);
}

/** The event's totals as the server's SQLite file holds them: the sum over every device's row. */
export function serverTotals(dataDir: string, eventId: string): Record<string, number> {
	const db = new Database(join(dataDir, 'letterday.sqlite'), { readonly: true });
	try {
		const rows = db
			.prepare(
				`select case_id, kind, sum(plus - minus) as n from counters
				 where event_id = ? group by case_id, kind having sum(plus - minus) <> 0`
			)
			.all(eventId) as { case_id: string; kind: string; n: number }[];
		return Object.fromEntries(rows.map((row) => [`${row.case_id}/${row.kind}`, row.n]));
	} catch (error) {
		// Before the first sync the event has no table rows, or the file is mid-creation.
		if (String(error).includes('no such table')) return {};
		throw error;
	} finally {
		db.close();
	}
}

/** The device's own counter rows, as raw IndexedDB holds them. */
export function deviceCounters(
	page: Page
): Promise<{ caseId: string; kind: string; plus: number; minus: number; dirty: number }[]> {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('letterday');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const all = open.result.transaction('counters').objectStore('counters').getAll();
					all.onsuccess = () => {
						open.result.close();
						resolve(all.result);
					};
					all.onerror = () => reject(all.error);
				};
			})
	);
}

/** How many of the device's counter rows still wait for the server's acknowledgement. */
export async function dirtyCounters(page: Page): Promise<number> {
	return (await deviceCounters(page)).filter((row) => row.dirty === 1).length;
}
