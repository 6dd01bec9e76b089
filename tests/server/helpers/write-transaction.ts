import { sql, type Kysely } from 'kysely';
import type { AppDb } from '$lib/server/db/open';
import type { Database } from '$lib/server/db/schema';

/**
 * A query-builder write transaction beside the sync's, to show the two share the database. On
 * SQLite it begins IMMEDIATE, as the sync's own does.
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
