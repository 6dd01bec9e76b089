/**
 * Organizer accounts: created from ORGANIZER_EMAIL/ORGANIZER_PASSWORD at start, through the
 * one-time setup link, or by invitation; logged in with the attempt limits of attempts.ts.
 */
import { randomUUID } from 'node:crypto';
import type { AppDb } from '$lib/server/db/open';
import { isEmail, normalizeEmail } from '$lib/shared/email';
import {
	ACCOUNT_LIMIT,
	ADDRESS_LIMIT,
	accountBucket,
	addressBucket,
	clearBucket,
	lockedUntil,
	recordFailure
} from './attempts';
import { hashPassword, spendVerifyTime, verifyPassword } from './password';
import { createSession, endSessionsOf } from './sessions';

export interface Organizer {
	id: string;
	email: string;
	createdAt: number;
	invitedBy: string | null;
	revokedAt: number | null;
}

export async function countActiveOrganizers(db: AppDb): Promise<number> {
	const row = await db.kysely
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
		createdAt: row.created_at,
		invitedBy: row.invited_by,
		revokedAt: row.revoked_at
	}));
}

/**
 * Creates the account, or sets a new password on it (and lifts a revocation): how
 * ORGANIZER_EMAIL/ORGANIZER_PASSWORD work, and how an operator resets a lost password. Every
 * session of the account ends, since the password it was opened with is no longer the one.
 */
export async function setOrganizerPassword(
	db: AppDb,
	email: string,
	password: string,
	options: { invitedBy?: string | null; now?: number } = {}
): Promise<string> {
	const address = normalizeEmail(email);
	if (!isEmail(address)) throw new Error(`not an email address: ${email}`);
	const passwordHash = await hashPassword(password);
	const now = options.now ?? Date.now();
	const existing = await db.kysely
		.selectFrom('organizers')
		.select('id')
		.where('email', '=', address)
		.executeTakeFirst();
	if (existing) {
		await db.kysely
			.updateTable('organizers')
			.set({ password_hash: passwordHash, revoked_at: null })
			.where('id', '=', existing.id)
			.execute();
		await endSessionsOf(db, existing.id);
		return existing.id;
	}
	const id = randomUUID();
	await db.kysely
		.insertInto('organizers')
		.values({
			id,
			email: address,
			password_hash: passwordHash,
			created_at: now,
			invited_by: options.invitedBy ?? null,
			revoked_at: null
		})
		.execute();
	return id;
}

export type LoginResult =
	| { ok: true; token: string; organizerId: string }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'limited'; until: number };

/**
 * Checks a login against the attempt limits first (a locked bucket does not even verify the
 * password), then the password. Unknown emails cost the same time as wrong passwords.
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
	const until = await lockedUntil(db, [account, client], now);
	if (until) return { ok: false, reason: 'limited', until };

	const row = await db.kysely
		.selectFrom('organizers')
		.select(['id', 'password_hash'])
		.where('email', '=', address)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	const good = row ? await verifyPassword(password, row.password_hash) : false;
	if (!row) await spendVerifyTime(password);
	if (!row || !good) {
		await recordFailure(db, account, ACCOUNT_LIMIT, now);
		await recordFailure(db, client, ADDRESS_LIMIT, now);
		return { ok: false, reason: 'wrong' };
	}
	await clearBucket(db, account);
	return { ok: true, token: await createSession(db, row.id, now), organizerId: row.id };
}
