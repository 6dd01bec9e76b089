/**
 * The organizers' contact at the sync endpoint, on SQLite and on PostgreSQL: stored by stamp,
 * kept when a sync brings no news, never in the answer, refused whole when bad; and the
 * migration that adds its columns to events registered before it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, sql } from 'kysely';
import { migrationProvider } from '$lib/server/db/migrations';
import { hashEventKey } from '$lib/server/auth/event-key';
import type { EventContact } from '$lib/shared/event-contact';
import { randomId } from '$lib/shared/ids';
import { backends, type TestDatabase } from './helpers/databases';
import {
	SyncHarness,
	details,
	newEvent,
	snapshot,
	someCaseIds,
	storedState
} from './helpers/sync-requests';

const contact = (updatedAt: number, email = 'w4r-halifax@example.org'): EventContact => ({
	groupName: 'Amnesty group 42, Halifax',
	email,
	updatedAt
});

for (const backend of backends) {
	describe.skipIf(backend.skip)(`the organizers' contact on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: SyncHarness;
		let clock = 1_700_000_000_000;
		const [caseA] = someCaseIds() as [string];

		beforeAll(async () => {
			testDb = await backend.create();
			server = await SyncHarness.start(testDb, () => (clock += 1000));
		});
		afterAll(async () => {
			await server?.close();
			await testDb?.destroy();
		});

		const storedContact = (eventId: string) =>
			server.db.kysely
				.selectFrom('events')
				.select(['group_name', 'contact_email', 'contact_updated_at', 'contact_device_id'])
				.where('id', '=', eventId)
				.executeTakeFirstOrThrow();

		it('stores a contact sent with a sync, and the answer never carries it', async () => {
			const event = newEvent();
			const host = randomId();
			const response = await server.post(event.id, event.key, {
				...snapshot(host, [{ caseId: caseA, kind: 'letter', plus: 2, minus: 0 }]),
				contact: contact(5_000)
			});
			expect(response.status).toBe(200);
			const text = await response.text();
			expect(text).not.toContain('w4r-halifax');
			expect(text).not.toContain('group 42');
			expect(JSON.parse(text).event).toEqual({ ...details(), updatedBy: host });
			expect(await storedContact(event.id)).toEqual({
				group_name: 'Amnesty group 42, Halifax',
				contact_email: 'w4r-halifax@example.org',
				contact_updated_at: 5_000,
				contact_device_id: host
			});
		});

		it('keeps the contact when a later sync brings none: a co-host editing the details', async () => {
			const event = newEvent();
			const [host, cohost] = [randomId(), randomId()];
			await server.sync(event.id, event.key, { ...snapshot(host, []), contact: contact(5_000) });
			const edited = await server.sync(
				event.id,
				event.key,
				snapshot(
					cohost,
					[{ caseId: caseA, kind: 'card', plus: 1, minus: 0 }],
					details({ name: 'Renamed by the co-host', updatedAt: 9_000 })
				)
			);
			expect(edited.event.name).toBe('Renamed by the co-host');
			expect(JSON.stringify(edited)).not.toContain('w4r-halifax');
			expect(await storedContact(event.id)).toMatchObject({
				contact_email: 'w4r-halifax@example.org',
				contact_device_id: host
			});
		});

		it('keeps the latest by its own stamp, apart from the details’ stamp', async () => {
			const event = newEvent();
			const host = randomId();
			const sync = (updatedAt: number, email: string, detailsAt = 1_000) =>
				server.sync(event.id, event.key, {
					...snapshot(host, [], details({ updatedAt: detailsAt })),
					contact: contact(updatedAt, email)
				});
			await sync(5_000, 'newer@example.org');
			// An older contact, even with newer details, changes the details only.
			const late = await sync(4_000, 'older@example.org', 2_000);
			expect(late.event.updatedAt).toBe(2_000);
			expect(await storedContact(event.id)).toMatchObject({
				contact_email: 'newer@example.org',
				contact_updated_at: 5_000
			});
			// A newer contact with older details changes the contact only.
			const cleared = await sync(6_000, '', 1_000);
			expect(cleared.event.updatedAt).toBe(2_000);
			expect(await storedContact(event.id)).toMatchObject({
				contact_email: '',
				contact_updated_at: 6_000
			});
			// A replay writes nothing.
			const before = await storedState(server.db);
			await sync(6_000, '', 1_000);
			const strip = (rows: typeof before.events) =>
				rows.map((row) => ({ ...row, last_sync_at: 0 }));
			expect(strip((await storedState(server.db)).events)).toEqual(strip(before.events));
		});

		it('refuses a bad contact with 400 bad_event naming the field, and changes nothing', async () => {
			const event = newEvent();
			const host = randomId();
			await server.sync(event.id, event.key, {
				...snapshot(host, [{ caseId: caseA, kind: 'letter', plus: 1, minus: 0 }]),
				contact: contact(5_000)
			});
			const before = await storedState(server.db);
			for (const [bad, field] of [
				[{ ...contact(6_000), email: 'not-an-address' }, 'email'],
				[{ ...contact(6_000), email: 'two@@example.org' }, 'email'],
				[{ ...contact(6_000), groupName: 'Group\u000742' }, 'groupName'],
				[{ ...contact(6_000), groupName: 'g'.repeat(201) }, 'groupName'],
				[{ ...contact(6_000), updatedAt: -5 }, 'contactUpdatedAt']
			] as const) {
				const response = await server.post(event.id, event.key, {
					// Counts and newer details ride along: none of them may be stored either.
					...snapshot(
						host,
						[{ caseId: caseA, kind: 'letter', plus: 9, minus: 0 }],
						details({ name: 'Should not land', updatedAt: 7_000 })
					),
					contact: bad
				});
				expect(response.status).toBe(400);
				expect(await response.json()).toEqual({
					error: { code: 'bad_event', message: expect.stringMatching(/^contact\./), field }
				});
			}
			expect(await storedState(server.db)).toEqual(before);
		});

		it('adds the columns to events registered before them, with "no contact" defaults', async () => {
			const migrator = new Migrator({
				db: server.db.kysely,
				provider: migrationProvider,
				migrationTableSchema:
					'schema' in testDb.options ? (testDb.options.schema ?? 'public') : undefined
			});
			// Back to the migration before this one (and undo any after it), as an older server left it.
			const names = Object.keys(await migrationProvider.getMigrations()).sort();
			const before = names[names.indexOf('0004_event_contact') - 1]!;
			const down = await migrator.migrateTo(before);
			expect(down.error).toBeUndefined();
			const event = newEvent();
			const host = randomId();
			await sql`insert into events (id, key_hash, name, venue, city, province, date,
					details_updated_at, details_device_id, created_at, last_sync_at)
				values (${event.id}, ${hashEventKey(event.key)}, 'Before', '', '', 'NS', '2026-12-10',
					1, ${host}, 1, 1)`.execute(server.db.kysely);
			const up = await migrator.migrateToLatest();
			expect(up.error).toBeUndefined();
			expect(up.results?.map((result) => result.migrationName)).toContain('0004_event_contact');
			expect(await storedContact(event.id)).toEqual({
				group_name: '',
				contact_email: '',
				contact_updated_at: 0,
				contact_device_id: ''
			});
			// Any contact beats "none yet", even one stamped at the epoch.
			await server.sync(event.id, event.key, { ...snapshot(host, []), contact: contact(0) });
			expect(await storedContact(event.id)).toMatchObject({
				contact_email: 'w4r-halifax@example.org',
				contact_device_id: host
			});
		});
	});
}
