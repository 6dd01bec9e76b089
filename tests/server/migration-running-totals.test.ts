/**
 * Migrations 0006 and 0007 on a database that already holds counts (an upgrade), on SQLite and
 * PostgreSQL: the running totals are backfilled as the sum over device rows, every device that
 * counted is listed for its event, and each event's device count is right; the next sync
 * answers from the backfilled totals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, sql } from 'kysely';
import { randomId } from '$lib/shared/ids';
import { hashEventKey } from '$lib/server/auth/event-key';
import type { AppDb } from '$lib/server/db';
import { migrationProvider } from '$lib/server/db/migrations';
import { backends, type TestDatabase } from './helpers/databases';
import { SyncHarness, newEvent, snapshot, someCaseIds } from './helpers/sync-requests';

for (const backend of backends) {
	describe.skipIf(backend.skip)(`upgrading to running totals on ${backend.dialect}`, () => {
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

		it('backfills totals, devices and device counts from the rows already there', async () => {
			const migrator = new Migrator({
				db: db.kysely,
				provider: migrationProvider,
				migrationTableSchema:
					'schema' in testDb.options ? (testDb.options.schema ?? 'public') : undefined
			});
			const down = await migrator.migrateTo('0005_case_packs');
			expect(down.error).toBeUndefined();

			const [caseA, caseB] = someCaseIds() as [string, string];
			const event = newEvent();
			const devices = [randomId(), randomId(), randomId()];
			await sql`insert into events (id, key_hash, name, venue, city, province, date,
				details_updated_at, details_device_id, created_at, last_sync_at)
				values (${event.id}, ${hashEventKey(event.key)}, 'Old event', '', 'Ottawa', 'ON',
				'2026-12-10', 1000, ${devices[0]}, 1, 1)`.execute(db.kysely);
			const rows: [string, string, string, number, number][] = [
				[devices[0]!, caseA, 'letter', 10, 2],
				[devices[1]!, caseA, 'letter', 5, 0],
				[devices[1]!, caseB, 'card', 3, 1],
				[devices[2]!, caseB, 'card', 0, 0]
			];
			for (const [device, caseId, kind, plus, minus] of rows) {
				await sql`insert into counters (event_id, device_id, case_id, kind, plus, minus, updated_at)
					values (${event.id}, ${device}, ${caseId}, ${kind}, ${plus}, ${minus}, 5)`.execute(db.kysely);
			}

			const up = await migrator.migrateToLatest();
			expect(up.error).toBeUndefined();
			const totals = await db.kysely
				.selectFrom('counter_totals')
				.select(['case_id', 'kind', 'total'])
				.where('event_id', '=', event.id)
				.orderBy('case_id')
				.orderBy('kind')
				.execute();
			expect(totals.map((t) => ({ ...t, total: Number(t.total) }))).toEqual(
				[
					{ case_id: caseA, kind: 'letter', total: 13 },
					{ case_id: caseB, kind: 'card', total: 2 }
				].sort((a, b) => (a.case_id < b.case_id ? -1 : 1))
			);
			const listed = await db.kysely
				.selectFrom('event_devices')
				.select('device_id')
				.where('event_id', '=', event.id)
				.execute();
			expect(listed.map((d) => d.device_id).sort()).toEqual([...devices].sort());
			const stored = await db.kysely
				.selectFrom('events')
				.select(['device_count', 'max_devices'])
				.where('id', '=', event.id)
				.executeTakeFirstOrThrow();
			expect(Number(stored.device_count)).toBe(3);
			expect(stored.max_devices).toBeNull();

			// The next sync of one of those devices raises the backfilled totals by its growth only.
			const server = await SyncHarness.start(testDb);
			try {
				const answer = await server.sync(
					event.id,
					event.key,
					snapshot(devices[1]!, [{ caseId: caseA, kind: 'letter', plus: 7, minus: 0 }])
				);
				expect(answer.devices).toBe(3);
				expect(answer.totals).toContainEqual({ caseId: caseA, kind: 'letter', total: 15 });
				expect(answer.totals).toContainEqual({ caseId: caseB, kind: 'card', total: 2 });
			} finally {
				await server.close();
			}
		});
	});
}
