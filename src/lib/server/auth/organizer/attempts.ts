/**
 * Login attempt limits, per account and per client address, kept in the database so that every
 * server process counts the same failures. A bucket that reaches its limit within the window is
 * locked until the lock ends; a success clears the account's bucket.
 */
import type { AppDb } from '$lib/server/db/open';

export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
/** A person mistyping gets five tries; one address (a shared office) gets more in all. */
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;

export const accountBucket = (email: string) => `account:${email}`;
export const addressBucket = (address: string) => `address:${address.slice(0, 100)}`;

/** When the latest lock among these buckets ends, or 0 when none is locked. */
export async function lockedUntil(db: AppDb, buckets: string[], now = Date.now()): Promise<number> {
	const rows = await db.kysely
		.selectFrom('login_attempts')
		.select('locked_until')
		.where('bucket', 'in', buckets)
		.where('locked_until', '>', now)
		.execute();
	return Math.max(0, ...rows.map((row) => row.locked_until));
}

/** Counts one failure in a bucket, locking it when it reaches `limit` inside the window. */
export async function recordFailure(
	db: AppDb,
	bucket: string,
	limit: number,
	now = Date.now()
): Promise<void> {
	await db.kysely.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('login_attempts')
			.selectAll()
			.where('bucket', '=', bucket)
			.executeTakeFirst();
		const fresh = !row || now - row.window_started_at >= ATTEMPT_WINDOW_MS;
		const failures = fresh ? 1 : row.failures + 1;
		const values = {
			failures,
			window_started_at: fresh ? now : row.window_started_at,
			locked_until: failures >= limit ? now + LOCK_MS : 0
		};
		await trx
			.insertInto('login_attempts')
			.values({ bucket, ...values })
			.onConflict((conflict) => conflict.column('bucket').doUpdateSet(values))
			.execute();
	});
}

export async function clearBucket(db: AppDb, bucket: string): Promise<void> {
	await db.kysely.deleteFrom('login_attempts').where('bucket', '=', bucket).execute();
}
