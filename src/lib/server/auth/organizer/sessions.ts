/**
 * Organizer sessions, in the database so every server process on one PostgreSQL honours them.
 * The browser holds a random token in an HttpOnly cookie; the table holds its SHA-256.
 */
import type { Cookies } from '@sveltejs/kit';
import type { AppDb } from '$lib/server/db/open';
import { TOKEN_PATTERN, hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'letterday_organizer';
/** A working day and then some; a lost laptop's session does not last the week. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface OrganizerSession {
	organizerId: string;
	email: string;
	tokenHash: string;
}

export async function createSession(db: AppDb, organizerId: string, now = Date.now()) {
	const token = newToken();
	await db.kysely
		.insertInto('organizer_sessions')
		.values({
			token_hash: hashToken(token),
			organizer_id: organizerId,
			created_at: now,
			expires_at: now + SESSION_LIFETIME_MS
		})
		.execute();
	return token;
}

/** The session a cookie token names, if it is live and its organizer not revoked. */
export async function findSession(
	db: AppDb,
	token: string | undefined,
	now = Date.now()
): Promise<OrganizerSession | null> {
	if (!token || !TOKEN_PATTERN.test(token)) return null;
	const tokenHash = hashToken(token);
	const row = await db.kysely
		.selectFrom('organizer_sessions as s')
		.innerJoin('organizers as o', 'o.id', 's.organizer_id')
		.select(['o.id', 'o.email'])
		.where('s.token_hash', '=', tokenHash)
		.where('s.expires_at', '>', now)
		.where('o.revoked_at', 'is', null)
		.executeTakeFirst();
	return row ? { organizerId: row.id, email: row.email, tokenHash } : null;
}

export async function endSession(db: AppDb, tokenHash: string): Promise<void> {
	await db.kysely.deleteFrom('organizer_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Logs an organizer out everywhere (revoked, password reset), or everywhere but the browser
 * that asked (`except`: its token hash, when they changed their own password). */
export async function endSessionsOf(
	db: AppDb,
	organizerId: string,
	options: { except?: string } = {}
): Promise<void> {
	let query = db.kysely.deleteFrom('organizer_sessions').where('organizer_id', '=', organizerId);
	if (options.except) query = query.where('token_hash', '<>', options.except);
	await query.execute();
}

/** Forgets sessions past their end (findSession ignores them already; this keeps the table
 * small). */
export async function sweepSessions(db: AppDb, now = Date.now()): Promise<void> {
	await db.kysely.deleteFrom('organizer_sessions').where('expires_at', '<=', now).execute();
}

/** Secure whenever the page is served over HTTPS (behind a proxy: set ORIGIN to https://…). */
export function setSessionCookie(cookies: Cookies, token: string, url: URL): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/organizer',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: SESSION_LIFETIME_MS / 1000
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, {
		path: '/organizer',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}
