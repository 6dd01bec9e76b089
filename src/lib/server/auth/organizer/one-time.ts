/**
 * One-time links: the first organizer's setup link (printed on the console) and invitations.
 * The token travels in the link's #fragment, which browsers never send to a server, so it stays
 * out of access logs and Referer headers; the page moves it into its form (or the person pastes
 * it), and it is used up when the account is made.
 */
import type { AppDb } from '$lib/server/db/open';
import type { Database } from '$lib/server/db/schema';
import type { Kysely } from 'kysely';
import { TOKEN_PATTERN, hashToken, newToken } from './tokens';

export const SETUP_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type OneTimePurpose = 'setup' | 'invite';

export async function createOneTimeToken(
	db: AppDb,
	purpose: OneTimePurpose,
	options: { email?: string | null; createdBy?: string | null; now?: number } = {}
): Promise<string> {
	const now = options.now ?? Date.now();
	const token = newToken();
	await db.kysely
		.insertInto('organizer_tokens')
		.values({
			token_hash: hashToken(token),
			purpose,
			email: options.email ?? null,
			created_by: options.createdBy ?? null,
			created_at: now,
			expires_at: now + (purpose === 'setup' ? SETUP_LIFETIME_MS : INVITE_LIFETIME_MS),
			used_at: null
		})
		.execute();
	return token;
}

export interface OneTimeGrant {
	purpose: OneTimePurpose;
	/** The invited address; null for the setup link, where the person chooses. */
	email: string | null;
	createdBy: string | null;
}

/**
 * What a live, unused token of this purpose grants, without using it up. The purpose matters:
 * an invitation's code typed on the setup page must not let its holder choose another email.
 */
export async function peekOneTimeToken(
	db: AppDb,
	token: string,
	purpose: OneTimePurpose,
	now = Date.now()
): Promise<OneTimeGrant | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const row = await db.kysely
		.selectFrom('organizer_tokens')
		.select(['purpose', 'email', 'created_by'])
		.where('token_hash', '=', hashToken(token))
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return row ? { purpose: row.purpose, email: row.email, createdBy: row.created_by } : null;
}

/**
 * Uses the token up and says what it granted; null when it was already used, expired, of
 * another purpose or never existed. One conditional UPDATE, so two tabs racing with one link
 * make one account: on PostgreSQL the second waits for the first's row lock, then finds the
 * token used. Pass a transaction as `kysely` to undo the use if what follows fails.
 */
export async function useOneTimeToken(
	db: AppDb,
	token: string,
	purpose: OneTimePurpose,
	now = Date.now(),
	kysely: Kysely<Database> = db.kysely
): Promise<OneTimeGrant | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const row = await kysely
		.updateTable('organizer_tokens')
		.set({ used_at: now })
		.where('token_hash', '=', hashToken(token))
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.returning(['purpose', 'email', 'created_by'])
		.executeTakeFirst();
	return row ? { purpose: row.purpose, email: row.email, createdBy: row.created_by } : null;
}

/** Ends every setup link still open (once the first account exists they have no use). */
export async function endSetupTokens(db: AppDb, now = Date.now()): Promise<void> {
	await db.kysely
		.updateTable('organizer_tokens')
		.set({ used_at: now })
		.where('purpose', '=', 'setup')
		.where('used_at', 'is', null)
		.execute();
}

export interface PendingInvitation {
	email: string;
	createdBy: string | null;
	createdAt: number;
	expiresAt: number;
}

/** Invitations sent and not yet accepted, cancelled or expired, newest first. */
export async function listPendingInvitations(
	db: AppDb,
	now = Date.now()
): Promise<PendingInvitation[]> {
	const rows = await db.kysely
		.selectFrom('organizer_tokens')
		.select(['email', 'created_by', 'created_at', 'expires_at'])
		.where('purpose', '=', 'invite')
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map((row) => ({
		email: row.email ?? '',
		createdBy: row.created_by,
		createdAt: Number(row.created_at),
		expiresAt: Number(row.expires_at)
	}));
}

/**
 * Cancels the pending invitations to this address, or those one organizer sent (`createdBy`,
 * when they are revoked). Returns how many were cancelled.
 */
export async function cancelInvitations(
	db: AppDb,
	to: { email: string } | { createdBy: string },
	now = Date.now(),
	kysely: Kysely<Database> = db.kysely
): Promise<number> {
	let query = kysely
		.updateTable('organizer_tokens')
		.set({ used_at: now })
		.where('purpose', '=', 'invite')
		.where('used_at', 'is', null)
		.where('expires_at', '>', now);
	query =
		'email' in to
			? query.where('email', '=', to.email)
			: query.where('created_by', '=', to.createdBy);
	const result = await query.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** Forgets links that ended more than a month ago (the team page lists only live ones). */
export async function sweepTokens(db: AppDb, now = Date.now()): Promise<void> {
	await db.kysely
		.deleteFrom('organizer_tokens')
		.where('expires_at', '<=', now - 30 * 24 * 60 * 60 * 1000)
		.execute();
}
