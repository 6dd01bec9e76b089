/**
 * One consistent read for everything one organizer page or export shows. A sync may commit
 * between two queries of a page: outside a transaction the national total could then disagree
 * with the per-province table beside it. Inside one, every query sees the same snapshot:
 * - PostgreSQL: REPEATABLE READ, read only (the snapshot is taken at the first query);
 * - SQLite: one deferred transaction; in WAL mode a reader keeps the snapshot of its first read
 *   until it ends, while syncs in other processes go on writing.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AppDb, Database } from '$lib/server/db';

/** What the read model's queries run on: a transaction of one consistent read. */
export type Reader = Kysely<Database> | Transaction<Database>;

export function readConsistently<T>(db: AppDb, work: (trx: Reader) => Promise<T>): Promise<T> {
	const builder = db.kysely.transaction();
	return db.dialect === 'postgres'
		? builder.setIsolationLevel('repeatable read').setAccessMode('read only').execute(work)
		: builder.execute(work);
}
