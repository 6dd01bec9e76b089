/**
 * One-time links: the first organizer's setup link (printed on the console) and invitations.
 * The token travels in the link's #fragment, which browsers never send to a server, so it stays
 * out of access logs and Referer headers; the page moves it into its form (or the person pastes
 * it), and it is used up when the account is made.
 */
import type { AppDb } from '$lib/server/db/open';
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

/** What a live, unused token grants, without using it up. */
export async function peekOneTimeToken(
	db: AppDb,
	token: string,
	now = Date.now()
): Promise<OneTimeGrant | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const row = await db.kysely
		.selectFrom('organizer_tokens')
		.select(['purpose', 'email', 'created_by'])
		.where('token_hash', '=', hashToken(token))
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return row ? { purpose: row.purpose, email: row.email, createdBy: row.created_by } : null;
}

/** Marks the token used; false when it was already used, expired or never existed, so two
 * tabs racing with one link make one account. */
export async function useOneTimeToken(
	db: AppDb,
	token: string,
	now = Date.now()
): Promise<boolean> {
	if (!TOKEN_PATTERN.test(token)) return false;
	const result = await db.kysely
		.updateTable('organizer_tokens')
		.set({ used_at: now })
		.where('token_hash', '=', hashToken(token))
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
