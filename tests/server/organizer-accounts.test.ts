/**
 * Organizer accounts on SQLite and PostgreSQL: logging in, the attempt limits per account and
 * per address (with the clock injected), attempts racing each other, the start-up bootstrap,
 * changing a password, and a session made through one database handle honoured by another (as
 * two server processes on one PostgreSQL would).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	changePassword,
	countActiveOrganizers,
	logIn,
	setOrganizerPassword
} from '$lib/server/auth/organizer/accounts';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, LOCK_MS } from '$lib/server/auth/organizer/attempts';
import { bootstrapOrganizers } from '$lib/server/auth/organizer/bootstrap';
import { peekOneTimeToken } from '$lib/server/auth/organizer/one-time';
import { createSession, findSession } from '$lib/server/auth/organizer/sessions';
import { joinWithCode } from '$lib/server/auth/organizer/team';
import { hashToken } from '$lib/server/auth/organizer/tokens';
import type { AppDb } from '$lib/server/db';
import { backends, type TestDatabase } from './helpers/databases';

const ANA = 'ana@example.org';
const ANA_PASSWORD = 'correct horse battery';
const T0 = Date.UTC(2026, 11, 10, 15, 0, 0);

for (const backend of backends) {
	describe.skipIf(backend.skip)(`organizer accounts on ${backend.dialect}`, () => {
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
		beforeEach(async () => {
			await setOrganizerPassword(db, ANA, ANA_PASSWORD, { now: T0 });
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

		describe('logging in', () => {
			it('opens a session with the right password, found by its cookie token', async () => {
				const result = await logIn(db, ' Ana@Example.org ', ANA_PASSWORD, '10.0.0.1', T0);
				expect(result.ok).toBe(true);
				if (!result.ok) return;
				const session = await findSession(db, result.token, T0 + 1000);
				expect(session).toMatchObject({ email: ANA, organizerId: result.organizerId });
				// Only the token's hash is stored.
				const rows = await db.kysely.selectFrom('organizer_sessions').selectAll().execute();
				expect(rows.map((row) => row.token_hash)).toEqual([hashToken(result.token)]);
			});

			it('refuses a wrong password and an unknown email alike', async () => {
				expect(await logIn(db, ANA, 'wrong password!', '10.0.0.1', T0)).toEqual({
					ok: false,
					reason: 'wrong'
				});
				expect(await logIn(db, 'nobody@example.org', ANA_PASSWORD, '10.0.0.1', T0)).toEqual({
					ok: false,
					reason: 'wrong'
				});
			});

			it('ends a session after its lifetime', async () => {
				const token = await createSession(db, (await organizerId(db, ANA))!, T0);
				expect(await findSession(db, token, T0 + 11 * 3600_000)).not.toBeNull();
				expect(await findSession(db, token, T0 + 12 * 3600_000)).toBeNull();
			});
		});

		describe('the account limit', () => {
			it(`locks after ${ACCOUNT_LIMIT} failures, even for the right password, and lets go after the lock`, async () => {
				for (let i = 0; i < ACCOUNT_LIMIT; i++) {
					// A different address each time: only the account's bucket fills.
					const wrong = await logIn(db, ANA, `wrong ${i} password`, `10.0.1.${i}`, T0 + i);
					expect(wrong).toEqual({ ok: false, reason: 'wrong' });
				}
				const lockedAt = T0 + ACCOUNT_LIMIT - 1;
				expect(await logIn(db, ANA, ANA_PASSWORD, '10.0.2.1', T0 + 60_000)).toEqual({
					ok: false,
					reason: 'limited',
					until: lockedAt + LOCK_MS
				});
				// Another account is not locked by Ana's failures.
				await setOrganizerPassword(db, 'bea@example.org', 'bea has a password', { now: T0 });
				const bea = await logIn(db, 'bea@example.org', 'bea has a password', '10.0.2.1', T0);
				expect(bea.ok).toBe(true);

				expect((await logIn(db, ANA, ANA_PASSWORD, '10.0.2.1', lockedAt + LOCK_MS - 1)).ok).toBe(
					false
				);
				expect((await logIn(db, ANA, ANA_PASSWORD, '10.0.2.1', lockedAt + LOCK_MS)).ok).toBe(true);
			});

			it('counts failures in a 15-minute window: old ones are forgotten', async () => {
				for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) {
					await logIn(db, ANA, 'wrong password!', '10.0.1.1', T0 + i);
				}
				// The fifth failure comes after the window: it starts a new count instead of locking.
				const later = T0 + 15 * 60_000;
				expect(await logIn(db, ANA, 'wrong password!', '10.0.1.1', later)).toEqual({
					ok: false,
					reason: 'wrong'
				});
				expect((await logIn(db, ANA, ANA_PASSWORD, '10.0.1.1', later + 1)).ok).toBe(true);
			});

			it('starts afresh after a success', async () => {
				for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) {
					await logIn(db, ANA, 'wrong password!', '10.0.1.1', T0 + i);
				}
				expect((await logIn(db, ANA, ANA_PASSWORD, '10.0.1.1', T0 + 10)).ok).toBe(true);
				const bucket = await db.kysely
					.selectFrom('login_attempts')
					.selectAll()
					.where('bucket', '=', `account:${ANA}`)
					.executeTakeFirst();
				expect(bucket).toBeUndefined();
				for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) {
					await logIn(db, ANA, 'wrong password!', '10.0.1.1', T0 + 20 + i);
				}
				expect((await logIn(db, ANA, ANA_PASSWORD, '10.0.1.1', T0 + 30)).ok).toBe(true);
			});

			it('holds when many wrong attempts arrive at once (counted before the password is checked)', async () => {
				const results = await Promise.all(
					Array.from({ length: 12 }, (_, i) =>
						logIn(db, ANA, `wrong guess ${i}!`, `10.0.3.${i}`, T0)
					)
				);
				const checked = results.filter((r) => !r.ok && r.reason === 'wrong').length;
				expect(checked).toBeLessThanOrEqual(ACCOUNT_LIMIT);
				expect(results.filter((r) => !r.ok && r.reason === 'limited').length).toBe(12 - checked);
				expect((await logIn(db, ANA, ANA_PASSWORD, '10.0.4.1', T0 + 1)).ok).toBe(false);
			});
		});

		describe('the address limit', () => {
			it(`locks one address after ${ADDRESS_LIMIT} failures on any accounts, not others, and lets go after the lock`, async () => {
				const address = '203.0.113.7';
				for (let i = 0; i < ADDRESS_LIMIT; i++) {
					// Four tries per made-up account: no account bucket reaches its limit.
					const email = `guess${Math.floor(i / 4)}@example.org`;
					expect(await logIn(db, email, 'wrong password!', address, T0 + i)).toEqual({
						ok: false,
						reason: 'wrong'
					});
				}
				const lockedAt = T0 + ADDRESS_LIMIT - 1;
				expect(await logIn(db, ANA, ANA_PASSWORD, address, T0 + 100)).toEqual({
					ok: false,
					reason: 'limited',
					until: lockedAt + LOCK_MS
				});
				// The refusal did not count against Ana's account: no password was tried.
				expect((await logIn(db, ANA, ANA_PASSWORD, '198.51.100.1', T0 + 101)).ok).toBe(true);
				expect((await logIn(db, ANA, ANA_PASSWORD, address, lockedAt + LOCK_MS)).ok).toBe(true);
			});

			it('does not count successful logins (a shared office logs in all day)', async () => {
				for (let i = 0; i < ADDRESS_LIMIT + 2; i++) {
					const result = await logIn(db, ANA, ANA_PASSWORD, '192.0.2.1', T0 + i);
					expect(result.ok, `login ${i + 1}`).toBe(true);
				}
			});
		});

		describe('the start-up bootstrap', () => {
			const start = async (env: Record<string, string>) => {
				const lines: string[] = [];
				await bootstrapOrganizers(db, env, (line) => lines.push(line));
				return lines.join('\n');
			};

			it('creates the ORGANIZER_EMAIL account, and a restart with another password resets it and ends its sessions', async () => {
				const env = {
					ORGANIZER_EMAIL: 'Cy@Example.org',
					ORGANIZER_PASSWORD: 'first password here'
				};
				const log = await start(env);
				expect(log).toContain('cy@example.org');
				expect(log).not.toContain('first password here');
				const first = await logIn(db, 'cy@example.org', 'first password here', '10.0.0.1');
				expect(first.ok).toBe(true);
				if (!first.ok) return;
				expect(await findSession(db, first.token)).not.toBeNull();

				await start({ ...env, ORGANIZER_PASSWORD: 'second password here' });
				expect(await findSession(db, first.token)).toBeNull();
				expect((await logIn(db, 'cy@example.org', 'first password here', '10.0.0.1')).ok).toBe(
					false
				);
				expect((await logIn(db, 'cy@example.org', 'second password here', '10.0.0.1')).ok).toBe(
					true
				);
			});

			it('survives two processes starting at once with the same account', async () => {
				const other = await testDb.open();
				try {
					const env = { ORGANIZER_EMAIL: 'dee@example.org', ORGANIZER_PASSWORD: 'dee password 1' };
					await Promise.all([
						bootstrapOrganizers(db, env, () => {}),
						bootstrapOrganizers(other, env, () => {})
					]);
					const rows = await db.kysely
						.selectFrom('organizers')
						.select('id')
						.where('email', '=', 'dee@example.org')
						.execute();
					expect(rows).toHaveLength(1);
				} finally {
					await other.close();
				}
			});

			it('refuses a half-set or too short environment and changes nothing', async () => {
				expect(await start({ ORGANIZER_EMAIL: ANA })).toContain('go together');
				expect(await start({ ORGANIZER_EMAIL: ANA, ORGANIZER_PASSWORD: 'short' })).toContain(
					'must be 12'
				);
				expect((await logIn(db, ANA, ANA_PASSWORD, '10.0.0.1')).ok).toBe(true);
			});

			it('prints a one-time setup link while there is no organizer, and not once there is one', async () => {
				expect(await start({})).toBe(''); // Ana exists
				await db.kysely.deleteFrom('organizers').execute();
				const log = await start({ ORIGIN: 'https://letterday.example/' });
				expect(log.match(/\/organizer\/setup#/g), log).toHaveLength(1);
				const match = log.match(/https:\/\/letterday\.example\/organizer\/setup#([\w-]{43})\s/);
				expect(match, log).not.toBeNull();
				const token = match![1]!;
				// Only the token's hash is stored.
				const stored = await db.kysely.selectFrom('organizer_tokens').selectAll().execute();
				expect(stored.map((row) => row.token_hash)).toEqual([hashToken(token)]);
				expect(await peekOneTimeToken(db, token, 'setup')).toMatchObject({ purpose: 'setup' });

				const joined = await joinWithCode(
					db,
					'setup',
					token,
					'eve has a password',
					'eve@example.org'
				);
				expect(joined.ok).toBe(true);
				expect(await countActiveOrganizers(db)).toBe(1);
				expect(await start({})).toBe('');
			});
		});

		describe('changing a password', () => {
			it('needs the current password, and ends the other sessions but not this one', async () => {
				const here = await logIn(db, ANA, ANA_PASSWORD, '10.0.0.1', T0);
				const there = await logIn(db, ANA, ANA_PASSWORD, '10.0.0.2', T0);
				if (!here.ok || !there.ok) throw new Error('login failed');
				const id = here.organizerId;
				const keep = hashToken(here.token);

				expect(
					await changePassword(
						db,
						id,
						'not my password',
						'brand new password',
						keep,
						'10.0.0.1',
						T0
					)
				).toEqual({ ok: false, reason: 'wrong' });
				expect(await findSession(db, there.token, T0)).not.toBeNull();

				expect(
					await changePassword(db, id, ANA_PASSWORD, 'brand new password', keep, '10.0.0.1', T0)
				).toEqual({ ok: true });
				expect(await findSession(db, here.token, T0)).not.toBeNull();
				expect(await findSession(db, there.token, T0)).toBeNull();
				expect((await logIn(db, ANA, ANA_PASSWORD, '10.0.0.1', T0)).ok).toBe(false);
				expect((await logIn(db, ANA, 'brand new password', '10.0.0.1', T0)).ok).toBe(true);
			});

			it('counts wrong current passwords against the account limit', async () => {
				const here = await logIn(db, ANA, ANA_PASSWORD, '10.0.0.1', T0);
				if (!here.ok) throw new Error('login failed');
				const keep = hashToken(here.token);
				for (let i = 0; i < ACCOUNT_LIMIT; i++) {
					await changePassword(
						db,
						here.organizerId,
						`guess ${i}`,
						'brand new password',
						keep,
						'10.0.0.1',
						T0
					);
				}
				const result = await changePassword(
					db,
					here.organizerId,
					ANA_PASSWORD,
					'brand new password',
					keep,
					'10.0.0.1',
					T0
				);
				expect(result).toMatchObject({ ok: false, reason: 'limited' });
			});
		});

		it('honours a session opened through one database handle in another (another process)', async () => {
			const other = await testDb.open();
			try {
				const result = await logIn(db, ANA, ANA_PASSWORD, '10.0.0.1');
				if (!result.ok) throw new Error('login failed');
				expect(await findSession(other, result.token)).toMatchObject({ email: ANA });
				// And logging out there ends it here.
				await other.kysely.deleteFrom('organizer_sessions').execute();
				expect(await findSession(db, result.token)).toBeNull();
			} finally {
				await other.close();
			}
		});
	});
}

async function organizerId(db: AppDb, email: string): Promise<string | undefined> {
	const row = await db.kysely
		.selectFrom('organizers')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirst();
	return row?.id;
}
