/**
 * The databases the server suites run against: always an SQLite file in a temp dir; PostgreSQL
 * too when TEST_DATABASE_URL is set, each test database in a fresh schema dropped afterwards, so
 * runs never see each other's rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type AppDb, type DbDialect, type OpenOptions } from '$lib/server/db';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

if (!TEST_DATABASE_URL) console.warn('PostgreSQL part skipped: TEST_DATABASE_URL not set');

export interface TestDatabase {
	dialect: DbDialect;
	/** How to open this same database again (another pool, another process). */
	options: OpenOptions;
	/** Environment for a child process that should use this database. */
	env: Record<string, string>;
	open(): Promise<AppDb>;
	/** Drops everything this test database made. */
	destroy(): Promise<void>;
}

export interface Backend {
	dialect: DbDialect;
	/** True when this backend cannot run here (describe.skipIf). */
	skip: boolean;
	create(): Promise<TestDatabase>;
}

function sqliteBackend(): Backend {
	return {
		dialect: 'sqlite',
		skip: false,
		async create() {
			const dir = mkdtempSync(join(tmpdir(), 'letterday-sync-'));
			const options: OpenOptions = { sqliteFile: join(dir, 'letterday.sqlite') };
			return {
				dialect: 'sqlite',
				options,
				env: { DATA_DIR: dir, DATABASE_URL: '' },
				open: () => openDatabase(options),
				async destroy() {
					rmSync(dir, { recursive: true, force: true });
				}
			};
		}
	};
}

function postgresBackend(): Backend {
	return {
		dialect: 'postgres',
		skip: !TEST_DATABASE_URL,
		async create() {
			const url = TEST_DATABASE_URL!;
			const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
			const options: OpenOptions = { postgresUrl: url, schema, poolSize: 4 };
			return {
				dialect: 'postgres',
				options,
				env: { DATABASE_URL: url, DATABASE_SCHEMA: schema },
				open: () => openDatabase(options),
				async destroy() {
					const client = new pg.Client({ connectionString: url });
					await client.connect();
					try {
						await client.query(`drop schema if exists "${schema}" cascade`);
					} finally {
						await client.end();
					}
				}
			};
		}
	};
}

export const backends: Backend[] = [sqliteBackend(), postgresBackend()];
