/** The database half of GET /api/health: does the process-wide database answer, and quickly? */
import { sql } from 'kysely';
import { getDb, type DbDialect } from './index';

/**
 * Opens the shared database if needed and runs `select 1`. Resolves with its dialect; rejects
 * when opening or the query fails, or when both together take longer than `timeoutMs`.
 */
export async function checkDatabase(timeoutMs: number): Promise<DbDialect> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		const db = await Promise.race([
			getDb().then(async (db) => {
				await sql`select 1`.execute(db.kysely);
				return db;
			}),
			new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
			})
		]);
		return db.dialect;
	} finally {
		clearTimeout(timer);
	}
}
