/**
 * Organizer accounts: created from ORGANIZER_EMAIL/ORGANIZER_PASSWORD at start, through the
 * one-time setup link, or by invitation; logged in with the attempt limits of attempts.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppDb } from '$lib/server/db/open';
import type { Database } from '$lib/server/db/schema';
import { isEmail, normalizeEmail } from '$lib/shared/email';
import {
	ACCOUNT_LIMIT,
	ADDRESS_LIMIT,
	accountBucket,
	addressBucket,
	claimAttempt,
	clearBucket,
	confirmFailure,
	releaseAttempt,
	sweepAttempts,
	type ClaimResult
} from './attempts';
import { hashPassword, spendVerifyTime, verifyPassword } from './password';
import { createSession, endSessionsOf, sweepSessions } from './sessions';

export interface Organizer {
	id: string;
	email: string;
	createdAt: number;
	invitedBy: string | null;
	revokedAt: number | null;
}

export async function countActiveOrganizers(
	db: AppDb,
	kysely: Kysely<Database> = db.kysely
): Promise<number> {
	const row = await kysely
		.selectFrom('organizers')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('revoked_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function listOrganizers(db: AppDb): Promise<Organizer[]> {
	const rows = await db.kysely.selectFrom('organizers').selectAll().orderBy('email').execute();
	return rows.map((row) => ({
		id: row.id,
		email: row.email,
		createdAt: Number(row.created_at),
		invitedBy: row.invited_by,
		revokedAt: row.revoked_at === null ? null : Number(row.revoked_at)
	}));
}

/**
 * Creates the account, or sets a new password on it (and lifts a revocation): how
 * ORGANIZER_EMAIL/ORGANIZER_PASSWORD work, and how an operator resets a lost password. Every
 * session of the account ends, since the password it was opened with is no longer the one.
 * One statement, so two processes starting at once on one PostgreSQL do not collide.
 */
export async function setOrganizerPassword(
	db: AppDb,
	email: string,
	password: string,
	options: { invitedBy?: string | null; now?: number } = {}
): Promise<string> {
	const address = normalizeEmail(email);
	if (!isEmail(address)) throw new Error('not an email address');
	const passwordHash = await hashPassword(password);
	const { id } = await db.kysely
		.insertInto('organizers')
		.values({
			id: randomUUID(),
			email: address,
			password_hash: passwordHash,
			created_at: options.now ?? Date.now(),
			invited_by: options.invitedBy ?? null,
			revoked_at: null
		})
		.onConflict((conflict) =>
			conflict.column('email').doUpdateSet({ password_hash: passwordHash, revoked_at: null })
		)
		.returning('id')
		.executeTakeFirstOrThrow();
	await endSessionsOf(db, id);
	return id;
}

/**
 * Makes a new account through a one-time link: a fresh row, or a revoked account of the same
 * address brought back with the new password. Never touches an active account ('exists'):
 * otherwise a link to an address that has meanwhile got an account would take it over.
 */
export async function createOrganizer(
	kysely: Kysely<Database>,
	email: string,
	passwordHash: string,
	invitedBy: string | null,
	now = Date.now()
): Promise<{ ok: true; id: string } | { ok: false; reason: 'exists' }> {
	const reinstated = await kysely
		.updateTable('organizers')
		.set({ password_hash: passwordHash, revoked_at: null, invited_by: invitedBy })
		.where('email', '=', email)
		.where('revoked_at', 'is not', null)
		.returning('id')
		.executeTakeFirst();
	if (reinstated) return { ok: true, id: reinstated.id };
	const created = await kysely
		.insertInto('organizers')
		.values({
			id: randomUUID(),
			email,
			password_hash: passwordHash,
			created_at: now,
			invited_by: invitedBy,
			revoked_at: null
		})
		.onConflict((conflict) => conflict.column('email').doNothing())
		.returning('id')
		.executeTakeFirst();
	return created ? { ok: true, id: created.id } : { ok: false, reason: 'exists' };
}

export type LoginResult =
	| { ok: true; token: string; organizerId: string }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'limited'; until: number };

/** Claims one attempt in each bucket; if either refuses, gives the other claim back (no password
 * was tried, so nothing counts) and says until when. */
async function claimBoth(
	db: AppDb,
	buckets: [string, number][],
	now: number
): Promise<{ ok: true; claims: Extract<ClaimResult, { allowed: true }>[] } | { until: number }> {
	const results: ClaimResult[] = [];
	for (const [bucket, limit] of buckets) results.push(await claimAttempt(db, bucket, limit, now));
	const refused = results.filter((r) => !r.allowed);
	const claims = results.filter((r) => r.allowed);
	if (refused.length === 0) return { ok: true, claims };
	for (const claim of claims) await releaseAttempt(db, claim.bucket);
	return { until: Math.max(...refused.map((r) => r.until)) };
}

/**
 * Counts the attempt against the account and the client address first (a locked bucket does not
 * even verify the password), then checks the password. Unknown emails cost the same time as
 * wrong passwords.
 */
export async function logIn(
	db: AppDb,
	email: string,
	password: string,
	clientAddress: string,
	now = Date.now()
): Promise<LoginResult> {
	const address = normalizeEmail(email);
	const account = accountBucket(address);
	const client = addressBucket(clientAddress);
	const claimed = await claimBoth(
		db,
		[
			[account, ACCOUNT_LIMIT],
			[client, ADDRESS_LIMIT]
		],
		now
	);
	if (!('ok' in claimed)) return { ok: false, reason: 'limited', until: claimed.until };

	const row = await db.kysely
		.selectFrom('organizers')
		.select(['id', 'password_hash'])
		.where('email', '=', address)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	const good = row ? await verifyPassword(password, row.password_hash) : false;
	if (!row) await spendVerifyTime(password);
	if (!row || !good) {
		for (const claim of claimed.claims) await confirmFailure(db, claim, now);
		return { ok: false, reason: 'wrong' };
	}
	await clearBucket(db, account);
	await releaseAttempt(db, client);
	// A login is rare and cheap to tidy after: old sessions and spent attempt windows go.
	await sweepSessions(db, now);
	await sweepAttempts(db, now);
	return { ok: true, token: await createSession(db, row.id, now), organizerId: row.id };
}

export type PasswordChange =
	{ ok: true } | { ok: false; reason: 'wrong' } | { ok: false; reason: 'limited'; until: number };

/**
 * A logged-in organizer sets a new password, proving the current one (so a browser left open
 * is not enough to take the account). The check counts against the same limits as a login.
 * Every other session of the account ends; the one that asked stays.
 */
export async function changePassword(
	db: AppDb,
	organizerId: string,
	currentPassword: string,
	newPassword: string,
	keepSession: string,
	clientAddress: string,
	now = Date.now()
): Promise<PasswordChange> {
	const row = await db.kysely
		.selectFrom('organizers')
		.select(['email', 'password_hash'])
		.where('id', '=', organizerId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	if (!row) return { ok: false, reason: 'wrong' };
	const account = accountBucket(row.email);
	const claimed = await claimBoth(
		db,
		[
			[account, ACCOUNT_LIMIT],
			[addressBucket(clientAddress), ADDRESS_LIMIT]
		],
		now
	);
	if (!('ok' in claimed)) return { ok: false, reason: 'limited', until: claimed.until };
	if (!(await verifyPassword(currentPassword, row.password_hash))) {
		for (const claim of claimed.claims) await confirmFailure(db, claim, now);
		return { ok: false, reason: 'wrong' };
	}
	await clearBucket(db, account);
	await releaseAttempt(db, addressBucket(clientAddress));
	await db.kysely
		.updateTable('organizers')
		.set({ password_hash: await hashPassword(newPassword) })
		.where('id', '=', organizerId)
		.execute();
	await endSessionsOf(db, organizerId, { except: keepSession });
	return { ok: true };
}
