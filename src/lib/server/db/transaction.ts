import { sql, type Kysely } from 'kysely';
import type { AppDb } from './open';
import type { Database } from './schema';

/**
 * Runs `work` in one write transaction. On SQLite it starts with BEGIN IMMEDIATE: a deferred
 * BEGIN that reads first and writes later fails at once with SQLITE_BUSY when another process
 * wrote meanwhile (busy_timeout does not help there); IMMEDIATE waits for the write lock up front.
 */
export async function writeTransaction<T>(
	db: AppDb,
	work: (trx: Kysely<Database>) => Promise<T>
): Promise<T> {
	if (db.dialect === 'postgres') return db.kysely.transaction().execute(work);
	return db.kysely.connection().execute(async (connection) => {
		await sql`begin immediate`.execute(connection);
		try {
			const result = await work(connection);
			await sql`commit`.execute(connection);
			return result;
		} catch (error) {
			// Also after a failed commit, which leaves the transaction open; the original error is
			// the one worth reporting, so a failing rollback stays quiet.
			await sql`rollback`.execute(connection).catch(() => undefined);
			throw error;
		}
	});
}
