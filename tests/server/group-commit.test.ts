/**
 * Group commit on SQLite (db/transaction.ts): syncs that arrive together share one transaction
 * and one COMMIT, each in its own savepoint. One refused sync undoes only itself; a commit that
 * fails answers none of the group with success, and stores nothing of it.
 */
import type { SqliteDatabase } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomEventKey, randomId } from '$lib/shared/ids';
import type { SyncAnswer } from '$lib/shared/sync-wire';
import type { AppDb } from '$lib/server/db';
import { MAX_GROUP, rawWriteTransaction } from '$lib/server/db/transaction';
import { backends, type TestDatabase } from './helpers/databases';
import { SyncHarness, snapshot, someCaseIds, storedState } from './helpers/sync-requests';

const [caseA] = someCaseIds() as [string];
const sqlite = backends[0]!;

/** Counts the statements run on the connection, and makes COMMIT fail while `failCommit`. */
function watch(db: AppDb) {
	const inner = db.sqlite!;
	const seen = { commits: 0, begins: 0, failCommit: false };
	const watched: SqliteDatabase = {
		close: () => inner.close(),
		prepare(sql: string) {
			const statement = inner.prepare(sql);
			if (sql === 'commit') {
				return {
					...statement,
					reader: statement.reader,
					all: (p: ReadonlyArray<unknown>) => statement.all(p),
					iterate: (p: ReadonlyArray<unknown>) => statement.iterate(p),
					run(parameters: ReadonlyArray<unknown>) {
						seen.commits += 1;
						if (seen.failCommit) throw new Error('disk I/O error (simulated)');
						return statement.run(parameters);
					}
				};
			}
			if (sql === 'begin immediate') seen.begins += 1;
			return statement;
		}
	};
	db.sqlite = watched;
	return seen;
}

describe('group commit on SQLite', () => {
	let testDb: TestDatabase;
	let harness: SyncHarness;
	beforeEach(async () => {
		testDb = await sqlite.create();
		harness = await SyncHarness.start(testDb);
	});
	afterEach(async () => {
		await harness.close();
		await testDb.destroy();
	});

	const events = (n: number) =>
		Array.from({ length: n }, () => ({
			id: randomId(),
			key: randomEventKey(),
			device: randomId()
		}));
	const counts = (device: string, plus: number) =>
		snapshot(device, [{ caseId: caseA, kind: 'letter', plus, minus: 0 }]);

	it('syncs sent together share one commit; a refused one undoes only itself', async () => {
		const group = events(4);
		for (const e of group) await harness.sync(e.id, e.key, counts(e.device, 1));
		const seen = watch(harness.db);
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const answers = await Promise.all(
			group.map((e, i) =>
				// The third presents another key: refused, inside the same transaction as the others.
				harness.post(e.id, i === 2 ? randomEventKey() : e.key, counts(e.device, 5))
			)
		);
		warn.mockRestore();
		expect(answers.map((a) => a.status)).toEqual([200, 200, 403, 200]);
		expect(seen).toMatchObject({ begins: 1, commits: 1 });
		for (const [i, answer] of answers.entries()) {
			if (i === 2) continue;
			expect(((await answer.json()) as SyncAnswer).totals).toEqual([
				{ caseId: caseA, kind: 'letter', total: 5 }
			]);
		}
		// The refused sync stamped nothing: its last_sync_at is the one of its first sync.
		const stored = await storedState(harness.db);
		const plus = (id: string) => stored.counters.find((c) => c.event_id === id)?.plus;
		expect(group.map((e) => plus(e.id))).toEqual([5, 5, 1, 5]);
	});

	it('a failed commit answers none of the group 200 and stores none of it', async () => {
		const group = events(3);
		await harness.sync(group[0]!.id, group[0]!.key, counts(group[0]!.device, 1));
		const before = await storedState(harness.db);
		const seen = watch(harness.db);
		seen.failCommit = true;
		const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const answers = await Promise.all(
			group.map((e) => harness.post(e.id, e.key, counts(e.device, 7)))
		);
		logged.mockRestore();
		expect(seen.commits).toBe(1);
		expect(answers.map((a) => a.status)).toEqual([500, 500, 500]);
		expect(await storedState(harness.db)).toEqual(before);

		// The connection is usable again: the same syncs go through once the disk is back.
		seen.failCommit = false;
		for (const e of group) await harness.sync(e.id, e.key, counts(e.device, 7));
	});

	it(`takes at most ${MAX_GROUP} transactions per commit, and runs them in order`, async () => {
		const seen = watch(harness.db);
		const order: number[] = [];
		const total = MAX_GROUP * 2 + 1;
		const results = await Promise.all(
			Array.from({ length: total }, (_, i) =>
				rawWriteTransaction(harness.db, async () => {
					order.push(i);
					return i;
				})
			)
		);
		expect(results).toEqual(order);
		expect(order).toEqual(Array.from({ length: total }, (_, i) => i));
		expect(seen.commits).toBe(3);
	});
});
