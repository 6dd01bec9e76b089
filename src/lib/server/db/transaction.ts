import { CompiledQuery } from 'kysely';
import type { AppDb } from './open';

/** Runs one compiled statement and gives its rows (none for a statement without RETURNING). */
export type RunQuery = <R>(query: CompiledQuery) => R[] | Promise<R[]>;

const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

/**
 * Runs precompiled statements in one write transaction. On SQLite it starts with BEGIN IMMEDIATE:
 * a deferred BEGIN that reads first and writes later fails at once with SQLITE_BUSY when another
 * process wrote meanwhile (busy_timeout does not help there); IMMEDIATE waits for the write lock
 * up front. The statements run synchronously on the connection Kysely hands over, skipping its
 * executor: the sync endpoint runs five statements per request, and their promise chains cost
 * more CPU than SQLite spends running them.
 */
export async function rawWriteTransaction<T>(
	db: AppDb,
	work: (run: RunQuery) => Promise<T>
): Promise<T> {
	const sqlite = db.sqlite;
	if (!sqlite) {
		return db.kysely
			.transaction()
			.execute((trx) =>
				work(async <R>(query: CompiledQuery) => (await trx.executeQuery<R>(query)).rows)
			);
	}
	const run: RunQuery = <R>(query: CompiledQuery): R[] => {
		const statement = sqlite.prepare(query.sql);
		if (statement.reader) return statement.all(query.parameters) as R[];
		statement.run(query.parameters);
		return [];
	};
	return db.kysely.connection().execute(async () => {
		run(BEGIN_IMMEDIATE);
		try {
			const result = await work(run);
			run(COMMIT);
			return result;
		} catch (error) {
			try {
				run(ROLLBACK);
			} catch {
				// No transaction left to roll back (a failed COMMIT may already have ended it).
			}
			throw error;
		}
	});
}
