import { CompiledQuery } from 'kysely';
import type { SqliteDatabase } from 'kysely';
import type { AppDb } from './open';

/** Runs one compiled statement and gives its rows (none for a statement without RETURNING). */
export type RunQuery = <R>(query: CompiledQuery) => R[] | Promise<R[]>;

type Work<T> = (run: RunQuery) => Promise<T>;

const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');
const SAVEPOINT = CompiledQuery.raw('savepoint one_write');
const RELEASE = CompiledQuery.raw('release one_write');
const ROLLBACK_TO = CompiledQuery.raw('rollback to one_write');

/** Transactions joined in one commit at most: bounds how long the first of them waits. */
export const MAX_GROUP = 64;

/**
 * Runs precompiled statements in one write transaction, all or nothing.
 *
 * On SQLite the transactions that arrive together are GROUP COMMITTED: each runs in a SAVEPOINT
 * of one shared transaction, and the commit, with its WAL write, is paid once for the group. A
 * transaction that fails rolls back to its savepoint, undoing it alone; the others go on. None of
 * them is settled until the shared COMMIT succeeded, so nobody hears "stored" of what a failed
 * commit took back; if the commit (or anything that ends the shared transaction) fails, every
 * transaction of the group fails with that error, refusals included, as they read state that
 * is gone. "Together" means queued in the same turn of the event loop: the group starts on the
 * next setImmediate, after Node has handled every request whose bytes arrived meanwhile.
 *
 * The shared transaction starts with BEGIN IMMEDIATE: a deferred BEGIN that reads first and
 * writes later fails at once with SQLITE_BUSY when another process wrote meanwhile (busy_timeout
 * does not help there); IMMEDIATE waits for the write lock up front. The statements run
 * synchronously on the connection Kysely hands over, skipping its executor: the sync endpoint
 * runs five statements per request, and their promise chains cost more CPU than SQLite spends
 * running them. `work` must only await `run`, so a group holds the connection only while its
 * statements run.
 *
 * On PostgreSQL each call is its own transaction: there, several connections commit in parallel.
 */
export async function rawWriteTransaction<T>(db: AppDb, work: Work<T>): Promise<T> {
	const sqlite = db.sqlite;
	if (!sqlite) {
		return db.kysely
			.transaction()
			.execute((trx) =>
				work(async <R>(query: CompiledQuery) => (await trx.executeQuery<R>(query)).rows)
			);
	}
	return new Promise<T>((resolve, reject) => {
		let group = groups.get(db);
		if (!group) {
			group = { waiting: [], scheduled: false };
			groups.set(db, group);
		}
		group.waiting.push({ work: work as Work<unknown>, resolve: resolve as Settle, reject });
		if (!group.scheduled) {
			group.scheduled = true;
			setImmediate(() => void drain(db, sqlite, group));
		}
	});
}

type Settle = (value: unknown) => void;
interface Waiting {
	work: Work<unknown>;
	resolve: Settle;
	reject: (error: unknown) => void;
}
interface Group {
	waiting: Waiting[];
	scheduled: boolean;
}

const groups = new WeakMap<AppDb, Group>();

/** Commits what waits, MAX_GROUP at a time, until nothing does. */
async function drain(db: AppDb, sqlite: SqliteDatabase, group: Group): Promise<void> {
	try {
		while (group.waiting.length > 0) {
			await commitGroup(db, sqlite, group.waiting.splice(0, MAX_GROUP));
		}
	} finally {
		group.scheduled = false;
	}
}

async function commitGroup(db: AppDb, sqlite: SqliteDatabase, members: Waiting[]): Promise<void> {
	const run: RunQuery = <R>(query: CompiledQuery): R[] => {
		const statement = sqlite.prepare(query.sql);
		if (statement.reader) return statement.all(query.parameters) as R[];
		statement.run(query.parameters);
		return [];
	};
	const outcomes: { ok: boolean; value: unknown }[] = [];
	try {
		await db.kysely.connection().execute(async () => {
			run(BEGIN_IMMEDIATE);
			try {
				for (const member of members) {
					run(SAVEPOINT);
					let outcome: { ok: boolean; value: unknown };
					try {
						const value = await member.work(run);
						run(RELEASE);
						outcome = { ok: true, value };
					} catch (error) {
						// Throws in turn when the failure ended the whole transaction (SQLITE_FULL,
						// an I/O error): then the group fails below.
						run(ROLLBACK_TO);
						run(RELEASE);
						outcome = { ok: false, value: error };
					}
					outcomes.push(outcome);
				}
				run(COMMIT);
			} catch (error) {
				try {
					run(ROLLBACK);
				} catch {
					// No transaction left to roll back (a failed COMMIT may already have ended it).
				}
				throw error;
			}
		});
	} catch (error) {
		for (const member of members) member.reject(error);
		return;
	}
	members.forEach((member, i) => {
		const outcome = outcomes[i]!;
		if (outcome.ok) member.resolve(outcome.value);
		else member.reject(outcome.value);
	});
}
