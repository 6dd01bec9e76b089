/**
 * The organizers as a team: the first account through the setup link, invitations sent and
 * accepted, and revocation. Each change that two people could race is one conditional statement
 * or one transaction, so the rules hold with several server processes on one PostgreSQL.
 */
import type { AppDb } from '$lib/server/db/open';
import { normalizeEmail } from '$lib/shared/email';
import { countActiveOrganizers, createOrganizer } from './accounts';
import {
	cancelInvitations,
	createOneTimeToken,
	endSetupTokens,
	INVITE_LIFETIME_MS,
	peekOneTimeToken,
	useOneTimeToken,
	type OneTimePurpose
} from './one-time';
import { hashPassword } from './password';
import { createSession } from './sessions';

export type InviteResult =
	{ ok: true; token: string; expiresAt: number } | { ok: false; reason: 'member' };

/**
 * A one-time invitation to this address (7 days). A new invitation to the same address cancels
 * the earlier one, so one person has one working link. Refused for an active organizer.
 */
export async function inviteOrganizer(
	db: AppDb,
	email: string,
	invitedBy: string,
	now = Date.now()
): Promise<InviteResult> {
	const address = normalizeEmail(email);
	const member = await db.kysely
		.selectFrom('organizers')
		.select('id')
		.where('email', '=', address)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	if (member) return { ok: false, reason: 'member' };
	await cancelInvitations(db, { email: address }, now);
	const token = await createOneTimeToken(db, 'invite', {
		email: address,
		createdBy: invitedBy,
		now
	});
	return { ok: true, token, expiresAt: now + INVITE_LIFETIME_MS };
}

export type JoinResult =
	| { ok: true; organizerId: string; email: string; sessionToken: string }
	| { ok: false; reason: 'code' | 'exists' };

/**
 * Uses a setup or invitation code and makes the account it grants, in one transaction: a
 * failure to make the account (the address got one meanwhile) leaves the code unused. Logs the
 * new organizer in. The setup link works only while there is no organizer, and the first
 * account ends every other setup link printed (several processes or restarts may print one).
 */
export async function joinWithCode(
	db: AppDb,
	purpose: OneTimePurpose,
	code: string,
	password: string,
	/** The setup page's chosen address; an invitation fixes its own. */
	chosenEmail: string | null,
	now = Date.now()
): Promise<JoinResult> {
	// A code that cannot work costs no hashing (these pages are open to anyone). The hash is
	// made before the transaction: 100 ms of scrypt should not hold a connection or a lock.
	if (!(await peekOneTimeToken(db, code, purpose, now))) return { ok: false, reason: 'code' };
	const passwordHash = await hashPassword(password);
	const result = await db.kysely
		.transaction()
		.execute(
			async (trx): Promise<JoinResult | { ok: true; organizerId: string; email: string }> => {
				const grant = await useOneTimeToken(db, code, purpose, now, trx);
				if (!grant) return { ok: false, reason: 'code' };
				if (purpose === 'setup' && (await countActiveOrganizers(db, trx)) > 0) {
					return { ok: false, reason: 'code' };
				}
				const email = purpose === 'invite' ? grant.email : chosenEmail;
				if (!email) return { ok: false, reason: 'code' };
				const made = await createOrganizer(
					trx,
					normalizeEmail(email),
					passwordHash,
					grant.createdBy,
					now
				);
				if (!made.ok) throw new Rollback('exists');
				return { ok: true, organizerId: made.id, email: normalizeEmail(email) };
			}
		)
		.catch((error: unknown) => {
			if (error instanceof Rollback) return { ok: false as const, reason: error.reason };
			throw error;
		});
	if (!result.ok) return result;
	if (purpose === 'setup') await endSetupTokens(db, now);
	const sessionToken = await createSession(db, result.organizerId, now);
	return { ...result, sessionToken };
}

class Rollback extends Error {
	constructor(readonly reason: 'exists') {
		super(reason);
	}
}

export type RevokeResult = { ok: true } | { ok: false; reason: 'self' | 'gone' };

/**
 * Revokes an organizer: they cannot log in, every session of theirs ends at once, and the
 * invitations they sent and that are still pending are cancelled. Only an active organizer
 * revokes, never themselves: so the last active organizer always stays (the revoker is still
 * there afterwards). On PostgreSQL both rows are locked first, so two organizers revoking each
 * other at the same moment cannot both succeed and leave nobody.
 */
export async function revokeOrganizer(
	db: AppDb,
	targetId: string,
	byId: string,
	now = Date.now()
): Promise<RevokeResult> {
	if (targetId === byId) return { ok: false, reason: 'self' };
	return db.kysely.transaction().execute(async (trx): Promise<RevokeResult> => {
		if (db.dialect === 'postgres') {
			await trx
				.selectFrom('organizers')
				.select('id')
				.where('id', 'in', [byId, targetId])
				.orderBy('id')
				.forUpdate()
				.execute();
		}
		// On SQLite this UPDATE is the transaction's first statement, so it takes the write lock
		// before it reads: nothing can change between the checks and the write.
		const revoked = await trx
			.updateTable('organizers')
			.set({ revoked_at: now })
			.where('id', '=', targetId)
			.where('revoked_at', 'is', null)
			.where(({ exists, selectFrom }) =>
				exists(
					selectFrom('organizers as me')
						.select('me.id')
						.where('me.id', '=', byId)
						.where('me.revoked_at', 'is', null)
				)
			)
			.executeTakeFirst();
		if (Number(revoked.numUpdatedRows) !== 1) return { ok: false, reason: 'gone' };
		await trx.deleteFrom('organizer_sessions').where('organizer_id', '=', targetId).execute();
		await cancelInvitations(db, { createdBy: targetId }, now, trx);
		return { ok: true };
	});
}
