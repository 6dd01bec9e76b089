/**
 * Opens the database: an embedded SQLite file by default, PostgreSQL when a URL is given (several
 * stateless server processes can share one PostgreSQL). Either way the migrations run before the
 * handle is returned.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
	Kysely,
	Migrator,
	PostgresDialect,
	SqliteDialect,
	sql,
	type SqliteDatabase,
	type SqliteStatement
} from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type DbDialect = 'sqlite' | 'postgres';

export interface AppDb {
	kysely: Kysely<Database>;
	dialect: DbDialect;
	/** SQLite only: the same connection Kysely uses, with cached prepared statements, for hot
	 * paths that run statements synchronously. Touch it only while holding the connection
	 * (inside `kysely.connection().execute`), as rawWriteTransaction does. */
	sqlite?: SqliteDatabase;
	close(): Promise<void>;
}

export type OpenOptions =
	| { sqliteFile: string }
	| {
			postgresUrl: string;
			/** Tables live in this schema (created when missing); tests use one per file. */
			schema?: string;
			/** Connections per process. */
			poolSize?: number;
	  };

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(options: OpenOptions): Promise<AppDb> {
	const db = 'sqliteFile' in options ? openSqlite(options.sqliteFile) : openPostgres(options);
	try {
		if ('schema' in options && options.schema && options.schema !== 'public') {
			await ensureSchema(db.kysely, options.schema);
		}
		const migrator = new Migrator({
			db: db.kysely,
			provider: migrationProvider,
			// Pin Kysely's bookkeeping tables to our schema: otherwise its existence check matches
			// a kysely_migration table in any schema of the database.
			migrationTableSchema: 'schema' in options ? (options.schema ?? 'public') : undefined
		});
		const { error } = await migrator.migrateToLatest();
		if (error) throw error;
	} catch (error) {
		await db.close();
		throw error;
	}
	return db;
}

function openSqlite(file: string): AppDb {
	mkdirSync(dirname(file), { recursive: true });
	const raw = new BetterSqlite3(file);
	// WAL lets readers run beside the writer; NORMAL syncs at checkpoints rather than at every
	// commit: a process crash loses nothing, a power cut may lose the last commits (see
	// docs/performance.md for the trade-off and its cost).
	raw.pragma('journal_mode = WAL');
	raw.pragma('synchronous = NORMAL');
	raw.pragma('busy_timeout = 5000');
	raw.pragma('foreign_keys = ON');
	const sqlite = withStatementCache(raw);
	const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
	return { kysely, dialect: 'sqlite', sqlite, close: () => kysely.destroy() };
}

/**
 * Kysely prepares every query afresh; preparing costs about as much as running one of our small
 * statements, so keep the prepared ones (the set of distinct SQL strings is small and fixed).
 */
function withStatementCache(raw: BetterSqlite3.Database, limit = 200): SqliteDatabase {
	const cache = new Map<string, SqliteStatement>();
	return {
		close: () => raw.close(),
		prepare(query: string) {
			let statement = cache.get(query);
			if (!statement) {
				statement = raw.prepare(query);
				if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
				cache.set(query, statement);
			}
			return statement;
		}
	};
}

const INT8_OID = 20;

function openPostgres(options: { postgresUrl: string; schema?: string; poolSize?: number }): AppDb {
	const schema = options.schema ?? 'public';
	if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
	const pool = new pg.Pool({
		connectionString: options.postgresUrl,
		max: options.poolSize ?? 10,
		connectionTimeoutMillis: 5_000,
		options: `-c search_path=${schema}`,
		// Our bigints are millisecond times and sums of counters, far below 2^53: numbers, not the
		// strings pg returns by default. Per pool, so nothing global changes.
		types: {
			getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
				oid === INT8_OID && format !== 'binary'
					? (value: string) => Number(value)
					: pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
		}
	});
	const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
}

async function ensureSchema(kysely: Kysely<Database>, schema: string): Promise<void> {
	try {
		await sql`create schema if not exists ${sql.id(schema)}`.execute(kysely);
	} catch (error) {
		// Two processes creating it at once: one wins, the other may see a unique violation.
		const found = await sql<{ n: number }>`select count(*) as n from pg_namespace
			where nspname = ${schema}`.execute(kysely);
		if (found.rows[0]?.n !== 1) throw error;
	}
}
