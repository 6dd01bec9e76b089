/**
 * The organizers as a team, on SQLite and PostgreSQL: one-time codes (used once, even by two
 * requests at the same moment; expired or of another purpose refused), the first account
 * through the setup link, invitations, and revocation (sessions end at once; nobody revokes
 * themselves; two organizers revoking each other at once leave one).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	countActiveOrganizers,
	logIn,
	setOrganizerPassword
} from '$lib/server/auth/organizer/accounts';
import {
	INVITE_LIFETIME_MS,
	SETUP_LIFETIME_MS,
	createOneTimeToken,
	listPendingInvitations,
	peekOneTimeToken,
	useOneTimeToken
} from '$lib/server/auth/organizer/one-time';
import { findSession } from '$lib/server/auth/organizer/sessions';
import { inviteOrganizer, joinWithCode, revokeOrganizer } from '$lib/server/auth/organizer/team';
import type { AppDb } from '$lib/server/db';
import { backends, type TestDatabase } from './helpers/databases';

const T0 = Date.UTC(2026, 11, 10, 15, 0, 0);
const PASSWORD = 'a long enough password';

for (const backend of backends) {
	describe.skipIf(backend.skip)(`organizer team on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let db: AppDb;

		beforeAll(async () => {
			testDb = await backend.create();
			db = await testDb.open();
		});
		afterAll(async () => {
			await db?.close();
			await testDb?.destroy();
		});
		afterEach(async () => {
			for (const table of [
				'organizer_sessions',
				'organizer_tokens',
				'login_attempts',
				'organizers'
			] as const) {
				await db.kysely.deleteFrom(table).execute();
			}
		});

		const member = async (email: string) => {
			const id = await setOrganizerPassword(db, email, PASSWORD, { now: T0 });
			const login = await logIn(db, email, PASSWORD, '10.0.0.1');
			if (!login.ok) throw new Error(`could not log in ${email}`);
			return { id, token: login.token };
		};

		describe('one-time codes', () => {
			it('are used once only', async () => {
				const token = await createOneTimeToken(db, 'setup', { now: T0 });
				expect(await useOneTimeToken(db, token, 'setup', T0 + 1)).toMatchObject({
					purpose: 'setup'
				});
				expect(await useOneTimeToken(db, token, 'setup', T0 + 2)).toBeNull();
				expect(await peekOneTimeToken(db, token, 'setup', T0 + 2)).toBeNull();
			});

			it('are used once when two requests use one at the same moment', async () => {
				const token = await createOneTimeToken(db, 'invite', { email: 'x@example.org', now: T0 });
				const other = await testDb.open(); // a second process's pool
				try {
					const uses = await Promise.all([
						...Array.from({ length: 4 }, () => useOneTimeToken(db, token, 'invite', T0 + 1)),
						...Array.from({ length: 4 }, () => useOneTimeToken(other, token, 'invite', T0 + 1))
					]);
					expect(uses.filter(Boolean)).toHaveLength(1);
				} finally {
					await other.close();
				}
			});

			it('make one account when two tabs send the same setup code at once', async () => {
				const token = await createOneTimeToken(db, 'setup', { now: T0 });
				const results = await Promise.all([
					joinWithCode(db, 'setup', token, PASSWORD, 'one@example.org', T0 + 1),
					joinWithCode(db, 'setup', token, PASSWORD, 'two@example.org', T0 + 1)
				]);
				expect(results.filter((r) => r.ok)).toHaveLength(1);
				expect(results.filter((r) => !r.ok && r.reason === 'code')).toHaveLength(1);
				expect(await countActiveOrganizers(db)).toBe(1);
			});

			it('are refused once expired', async () => {
				const setup = await createOneTimeToken(db, 'setup', { now: T0 });
				const invite = await createOneTimeToken(db, 'invite', { email: 'x@example.org', now: T0 });
				expect(
					await peekOneTimeToken(db, setup, 'setup', T0 + SETUP_LIFETIME_MS - 1)
				).not.toBeNull();
				expect(await useOneTimeToken(db, setup, 'setup', T0 + SETUP_LIFETIME_MS)).toBeNull();
				expect(await useOneTimeToken(db, invite, 'invite', T0 + INVITE_LIFETIME_MS)).toBeNull();
				const late = await joinWithCode(
					db,
					'setup',
					setup,
					PASSWORD,
					'x@example.org',
					T0 + SETUP_LIFETIME_MS
				);
				expect(late).toEqual({ ok: false, reason: 'code' });
			});

			it('work only for their purpose: an invitation code cannot choose its email on the setup page', async () => {
				const invite = await createOneTimeToken(db, 'invite', { email: 'x@example.org', now: T0 });
				expect(await peekOneTimeToken(db, invite, 'setup', T0)).toBeNull();
				expect(await joinWithCode(db, 'setup', invite, PASSWORD, 'evil@example.org', T0)).toEqual({
					ok: false,
					reason: 'code'
				});
				expect(await useOneTimeToken(db, invite, 'invite', T0)).toMatchObject({
					email: 'x@example.org'
				});
			});

			it('refuse things that are not codes without asking the database', async () => {
				for (const junk of ['', 'short', `${'a'.repeat(42)}!`, 'a'.repeat(44)]) {
					expect(await useOneTimeToken(db, junk, 'setup', T0)).toBeNull();
				}
			});
		});

		describe('the setup link', () => {
			it('makes the first account, logs it in, and ends every other setup link', async () => {
				const first = await createOneTimeToken(db, 'setup', { now: T0 });
				const second = await createOneTimeToken(db, 'setup', { now: T0 }); // a second process
				const joined = await joinWithCode(db, 'setup', first, PASSWORD, ' Fay@Example.org ', T0);
				expect(joined).toMatchObject({ ok: true, email: 'fay@example.org' });
				if (!joined.ok) return;
				expect(await findSession(db, joined.sessionToken, T0)).toMatchObject({
					email: 'fay@example.org'
				});
				expect(await peekOneTimeToken(db, second, 'setup', T0)).toBeNull();
				expect(await joinWithCode(db, 'setup', second, PASSWORD, 'gus@example.org', T0)).toEqual({
					ok: false,
					reason: 'code'
				});
			});

			it('does not work once an organizer exists', async () => {
				const token = await createOneTimeToken(db, 'setup', { now: T0 });
				await member('ana@example.org');
				expect(await joinWithCode(db, 'setup', token, PASSWORD, 'gus@example.org', T0)).toEqual({
					ok: false,
					reason: 'code'
				});
				expect(await countActiveOrganizers(db)).toBe(1);
			});
		});

		describe('invitations', () => {
			it('make an account for the invited address only, which can then log in', async () => {
				const ana = await member('ana@example.org');
				const invited = await inviteOrganizer(db, 'Bo@Example.org', ana.id, T0);
				if (!invited.ok) throw new Error('not invited');
				expect(invited.expiresAt).toBe(T0 + INVITE_LIFETIME_MS);
				expect(await listPendingInvitations(db, T0)).toEqual([
					{
						email: 'bo@example.org',
						createdBy: ana.id,
						createdAt: T0,
						expiresAt: invited.expiresAt
					}
				]);
				const joined = await joinWithCode(
					db,
					'invite',
					invited.token,
					PASSWORD,
					'other@example.org',
					T0 + 1
				);
				expect(joined).toMatchObject({ ok: true, email: 'bo@example.org' });
				expect((await logIn(db, 'bo@example.org', PASSWORD, '10.0.0.2')).ok).toBe(true);
				const row = await db.kysely
					.selectFrom('organizers')
					.select('invited_by')
					.where('email', '=', 'bo@example.org')
					.executeTakeFirstOrThrow();
				expect(row.invited_by).toBe(ana.id);
				expect(await listPendingInvitations(db, T0 + 2)).toEqual([]);
			});

			it('are refused for an active organizer, and a new one replaces the old link', async () => {
				const ana = await member('ana@example.org');
				expect(await inviteOrganizer(db, 'ANA@example.org', ana.id, T0)).toEqual({
					ok: false,
					reason: 'member'
				});
				const old = await inviteOrganizer(db, 'bo@example.org', ana.id, T0);
				const fresh = await inviteOrganizer(db, 'bo@example.org', ana.id, T0 + 1);
				if (!old.ok || !fresh.ok) throw new Error('not invited');
				expect(await peekOneTimeToken(db, old.token, 'invite', T0 + 2)).toBeNull();
				expect(await peekOneTimeToken(db, fresh.token, 'invite', T0 + 2)).not.toBeNull();
				expect(await listPendingInvitations(db, T0 + 2)).toHaveLength(1);
			});

			it('never take over an account made meanwhile, and stay unused then', async () => {
				const ana = await member('ana@example.org');
				const invited = await inviteOrganizer(db, 'bo@example.org', ana.id, T0);
				if (!invited.ok) throw new Error('not invited');
				await setOrganizerPassword(db, 'bo@example.org', 'bo chose this one', { now: T0 });
				expect(await joinWithCode(db, 'invite', invited.token, PASSWORD, null, T0 + 1)).toEqual({
					ok: false,
					reason: 'exists'
				});
				expect((await logIn(db, 'bo@example.org', 'bo chose this one', '10.0.0.2')).ok).toBe(true);
				expect(await peekOneTimeToken(db, invited.token, 'invite', T0 + 1)).not.toBeNull();
			});

			it('bring a revoked organizer back with the new password', async () => {
				const ana = await member('ana@example.org');
				const bo = await member('bo@example.org');
				expect(await revokeOrganizer(db, bo.id, ana.id, T0)).toEqual({ ok: true });
				const invited = await inviteOrganizer(db, 'bo@example.org', ana.id, T0);
				if (!invited.ok) throw new Error('not invited');
				const joined = await joinWithCode(
					db,
					'invite',
					invited.token,
					'bo is back again',
					null,
					T0
				);
				expect(joined).toMatchObject({ ok: true, organizerId: bo.id });
				expect((await logIn(db, 'bo@example.org', PASSWORD, '10.0.0.2')).ok).toBe(false);
				expect((await logIn(db, 'bo@example.org', 'bo is back again', '10.0.0.2')).ok).toBe(true);
			});
		});

		describe('revocation', () => {
			it('ends the revoked organizer’s sessions at once and stops their logins', async () => {
				const ana = await member('ana@example.org');
				const bo = await member('bo@example.org');
				expect(await findSession(db, bo.token)).not.toBeNull();
				expect(await revokeOrganizer(db, bo.id, ana.id)).toEqual({ ok: true });
				expect(await findSession(db, bo.token)).toBeNull();
				expect((await logIn(db, 'bo@example.org', PASSWORD, '10.0.0.2')).ok).toBe(false);
				expect(await findSession(db, ana.token)).not.toBeNull();
				expect(await revokeOrganizer(db, bo.id, ana.id)).toEqual({ ok: false, reason: 'gone' });
			});

			it('cancels the invitations the revoked organizer sent', async () => {
				const ana = await member('ana@example.org');
				const bo = await member('bo@example.org');
				const fromBo = await inviteOrganizer(db, 'pal@example.org', bo.id, T0);
				const fromAna = await inviteOrganizer(db, 'cy@example.org', ana.id, T0);
				if (!fromBo.ok || !fromAna.ok) throw new Error('not invited');
				await revokeOrganizer(db, bo.id, ana.id, T0 + 1);
				expect(await peekOneTimeToken(db, fromBo.token, 'invite', T0 + 2)).toBeNull();
				expect(await peekOneTimeToken(db, fromAna.token, 'invite', T0 + 2)).not.toBeNull();
			});

			it('refuses revoking yourself, which also keeps the last active organizer', async () => {
				const ana = await member('ana@example.org');
				expect(await revokeOrganizer(db, ana.id, ana.id)).toEqual({ ok: false, reason: 'self' });
				expect(await countActiveOrganizers(db)).toBe(1);
				expect(await findSession(db, ana.token)).not.toBeNull();
			});

			it('refuses a revoked organizer revoking anyone', async () => {
				const ana = await member('ana@example.org');
				const bo = await member('bo@example.org');
				const cy = await member('cy@example.org');
				await revokeOrganizer(db, bo.id, ana.id);
				expect(await revokeOrganizer(db, cy.id, bo.id)).toEqual({ ok: false, reason: 'gone' });
				expect(await findSession(db, cy.token)).not.toBeNull();
			});

			it('leaves one active organizer when two revoke each other at the same moment', async () => {
				const ana = await member('ana@example.org');
				const bo = await member('bo@example.org');
				// Bo's request reaches another process: on PostgreSQL another pool. On SQLite a second
				// handle in this process would wait for the file lock synchronously (better-sqlite3),
				// blocking the very event loop that would release it; one handle serializes instead.
				const other = backend.dialect === 'postgres' ? await testDb.open() : db;
				try {
					for (let round = 0; round < 5; round++) {
						const results = await Promise.all([
							revokeOrganizer(db, bo.id, ana.id),
							revokeOrganizer(other, ana.id, bo.id)
						]);
						expect(results.filter((r) => r.ok)).toHaveLength(1);
						expect(await countActiveOrganizers(db)).toBe(1);
						// Both back for the next round.
						await db.kysely.updateTable('organizers').set({ revoked_at: null }).execute();
					}
				} finally {
					if (other !== db) await other.close();
				}
			});
		});
	});
}
