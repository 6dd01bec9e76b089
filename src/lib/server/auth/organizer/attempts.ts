/**
 * Login attempt limits, per account and per client address, kept in the database so that every
 * server process counts the same failures. A bucket that reaches its limit within the window is
 * locked until the lock ends; a success clears the account's bucket.
 *
 * An attempt is counted BEFORE its password is checked (claimAttempt), in one atomic statement:
 * checking the lock first and counting after the ~100 ms hash would let fifty requests sent at
 * once all pass the check and get fifty guesses. A success gives its claim back.
 */
import { sql } from 'kysely';
import type { AppDb } from '$lib/server/db/open';

export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;
/** Not shorter than the window: when a lock ends, its window has ended too. */
export const LOCK_MS = 15 * 60 * 1000;
/** A person mistyping gets five tries; one address (a shared office) gets more in all. */
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;

export const accountBucket = (email: string) => `account:${email.slice(0, 300)}`;
export const addressBucket = (address: string) => `address:${address.slice(0, 100)}`;

export interface Claim {
	bucket: string;
	limit: number;
	/** Attempts counted in this bucket's window, this one included. */
	failures: number;
}

export type ClaimResult = ({ allowed: true } & Claim) | { allowed: false; until: number };

/**
 * Counts one attempt in a bucket, unless the bucket is locked (then nothing changes). Refused
 * when locked, or when attempts already in flight have used the bucket's allowance.
 */
export async function claimAttempt(
	db: AppDb,
	bucket: string,
	limit: number,
	now = Date.now()
): Promise<ClaimResult> {
	const cutoff = now - ATTEMPT_WINDOW_MS;
	// In ON CONFLICT DO UPDATE, login_attempts.* is the stored row and every SET expression reads
	// its values from before the update, on SQLite and on PostgreSQL alike.
	const row = await db.kysely
		.insertInto('login_attempts')
		.values({ bucket, failures: 1, window_started_at: now, locked_until: 0 })
		.onConflict((conflict) =>
			conflict.column('bucket').doUpdateSet({
				failures: sql<number>`case
					when login_attempts.locked_until > ${now} then login_attempts.failures
					when login_attempts.window_started_at <= ${cutoff} then 1
					else login_attempts.failures + 1 end`,
				window_started_at: sql<number>`case
					when login_attempts.locked_until <= ${now}
						and login_attempts.window_started_at <= ${cutoff} then ${now}
					else login_attempts.window_started_at end`
			})
		)
		.returning(['failures', 'locked_until'])
		.executeTakeFirstOrThrow();
	const lockedUntil = Number(row.locked_until);
	if (lockedUntil > now) return { allowed: false, until: lockedUntil };
	const failures = Number(row.failures);
	if (failures > limit) {
		// Only attempts racing each other get here: the limit-th failure locks the bucket.
		return { allowed: false, until: await lock(db, bucket, now) };
	}
	return { allowed: true, bucket, limit, failures };
}

/** The claimed attempt failed: the limit-th failure in the window locks the bucket. */
export async function confirmFailure(db: AppDb, claim: Claim, now = Date.now()): Promise<void> {
	if (claim.failures >= claim.limit) await lock(db, claim.bucket, now);
}

/** The claimed attempt succeeded: it does not count against the bucket (a shared address). */
export async function releaseAttempt(db: AppDb, bucket: string): Promise<void> {
	await db.kysely
		.updateTable('login_attempts')
		.set({ failures: sql<number>`failures - 1` })
		.where('bucket', '=', bucket)
		.where('failures', '>', 0)
		.execute();
}

async function lock(db: AppDb, bucket: string, now: number): Promise<number> {
	const until = now + LOCK_MS;
	await db.kysely
		.updateTable('login_attempts')
		.set({ locked_until: until })
		.where('bucket', '=', bucket)
		.where('locked_until', '<=', now)
		.execute();
	return until;
}

export async function clearBucket(db: AppDb, bucket: string): Promise<void> {
	await db.kysely.deleteFrom('login_attempts').where('bucket', '=', bucket).execute();
}

/** Forgets buckets whose window and lock have both ended (they would start afresh anyway). */
export async function sweepAttempts(db: AppDb, now = Date.now()): Promise<void> {
	await db.kysely
		.deleteFrom('login_attempts')
		.where('locked_until', '<=', now)
		.where('window_started_at', '<=', now - ATTEMPT_WINDOW_MS)
		.execute();
}
