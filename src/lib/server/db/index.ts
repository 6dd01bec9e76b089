/**
 * The process-wide database, opened (and migrated) once on first use. `DATABASE_URL` selects
 * PostgreSQL (tables in `DATABASE_SCHEMA`, default public); otherwise an SQLite file in
 * `DATA_DIR` (default ./data).
 */
import { join } from 'node:path';
import { openDatabase, type AppDb, type OpenOptions } from './open';

export { openDatabase, type AppDb, type DbDialect, type OpenOptions } from './open';
export type { Database } from './schema';

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenOptions {
	if (env.DATABASE_URL) {
		return { postgresUrl: env.DATABASE_URL, schema: env.DATABASE_SCHEMA || undefined };
	}
	return { sqliteFile: join(env.DATA_DIR || './data', 'letterday.sqlite') };
}

let opening: Promise<AppDb> | undefined;

/** The shared handle. A failed open is forgotten, so the next call tries again. */
export function getDb(): Promise<AppDb> {
	opening ??= openDatabase(databaseOptionsFromEnv()).catch((error: unknown) => {
		opening = undefined;
		throw error;
	});
	return opening;
}

/** Closes the shared handle (tests, graceful shutdown). */
export async function closeDb(): Promise<void> {
	const current = opening;
	opening = undefined;
	if (current) await (await current.catch(() => undefined))?.close();
}
