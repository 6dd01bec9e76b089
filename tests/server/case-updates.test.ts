/**
 * Case updates (issue 14, part 4) on SQLite and PostgreSQL: refusals that change nothing,
 * publish and withdraw, the served pack carrying each case's visible updates per language, and
 * the stamp devices follow (the pack's ETag and the sync answer's `pack`) changing with every
 * publish and withdrawal, in this process at once and in another within RECHECK_MS.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncAnswer } from '$lib/shared/sync-wire';
import { RECHECK_MS, activePack, localizedPack, samplePack } from '$lib/server/case-pack';
import {
	allCaseUpdates,
	publishCaseUpdate,
	visibleCaseUpdates,
	withdrawCaseUpdate
} from '$lib/server/case-updates';
import type { AppDb } from '$lib/server/db';
import { handleSync } from '$lib/server/sync/handler';
import { backends, type TestDatabase } from './helpers/databases';
import { newEvent, snapshot, syncRequest } from './helpers/sync-requests';

const [first, second] = samplePack().cases.map((sheet) => sheet.id) as [string, string];
const today = '2026-11-26';
const noteEn = 'Test update: the suite checks this note.';
const noteFr = 'Mise à jour de test\u00a0: la suite vérifie cette note.';
const good = { caseId: first, date: '2026-11-20', status: 'released', noteEn, noteFr };

for (const backend of backends) {
	describe.skipIf(backend.skip)(`case updates on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		const handles: AppDb[] = [];
		/** A new handle on the same database: to this code, another server process. */
		const open = async () => {
			const db = await testDb.open();
			handles.push(db);
			return db;
		};
		const publish = (db: AppDb, input: Record<string, unknown> = good) =>
			publishCaseUpdate(db, input, 'organizer-1', { today });
		/** The sync answer's announced pack, through the route's own handler (on PostgreSQL, the
		 * one-trip function's path). */
		async function announced(db: AppDb) {
			const event = newEvent();
			const response = await handleSync(
				syncRequest(
					'http://x',
					event.id,
					event.key,
					snapshot('device-of-the-host-0001', [
						{ caseId: first, kind: 'letter', plus: 1, minus: 0 }
					])
				),
				event.id,
				{ database: async () => db, cases: activePack }
			);
			expect(response.status).toBe(200);
			return ((await response.json()) as SyncAnswer).pack;
		}

		beforeEach(async () => {
			testDb = await backend.create();
		});
		afterEach(async () => {
			await Promise.all(handles.splice(0).map((db) => db.close()));
			await testDb.destroy();
		});

		it('refuses a bad update whole and changes nothing: not the table, not the served pack', async () => {
			const db = await open();
			const before = await localizedPack(db, 'en');
			const stamp = (await activePack(db)).stamp;
			const refusals: [Record<string, unknown>, string, string][] = [
				[{ ...good, caseId: 'never-published' }, 'caseId', 'unknown_case'],
				[{ ...good, date: '2026-11-27' }, 'date', 'future_date'],
				[{ ...good, date: '2026-13-01' }, 'date', 'bad_date'],
				[{ ...good, status: 'freed' }, 'status', 'bad_status'],
				[{ ...good, noteFr: '' }, 'noteFr', 'required'],
				[{ ...good, noteEn: 'x'.repeat(1001) }, 'noteEn', 'too_long'],
				[{ ...good, noteEn: 'nul\u0000' }, 'noteEn', 'control_character']
			];
			for (const [input, field, problem] of refusals) {
				const result = await publish(db, input);
				expect(result.ok ? null : result.problems).toEqual({ [field]: problem });
			}
			expect(await allCaseUpdates(db)).toEqual([]);
			expect(await localizedPack(db, 'en')).toBe(before);
			expect((await activePack(db)).stamp).toEqual(stamp);
			expect(await announced(db)).toEqual(stamp);
		});

		it('publishes, serves each language its note, and withdraws (kept, never shown)', async () => {
			const db = await open();
			const plain = await localizedPack(db, 'en');
			const seedStamp = (await activePack(db)).stamp;
			expect(plain.pack.cases.every((sheet) => sheet.updates === undefined)).toBe(true);

			const older = await publish(db, { ...good, date: '2026-11-01', status: '' });
			const newer = await publish(db);
			expect(older.ok && newer.ok).toBe(true);
			if (!older.ok || !newer.ok) return;
			expect(newer.update).toMatchObject({
				...good,
				publishedBy: 'organizer-1',
				withdrawnAt: null
			});

			const en = await localizedPack(db, 'en');
			const fr = await localizedPack(db, 'fr');
			const sheetEn = en.pack.cases.find((sheet) => sheet.id === first)!;
			const sheetFr = fr.pack.cases.find((sheet) => sheet.id === first)!;
			// Latest news first.
			expect(sheetEn.updates).toEqual([
				{ id: newer.update.id, date: '2026-11-20', status: 'released', note: noteEn },
				{ id: older.update.id, date: '2026-11-01', status: null, note: noteEn }
			]);
			expect(sheetFr.updates?.map((u) => u.note)).toEqual([noteFr, noteFr]);
			expect(en.pack.cases.find((sheet) => sheet.id === second)!.updates).toBeUndefined();
			// Devices follow the stamp: it moved, and the body and ETag with it.
			const published = (await activePack(db)).stamp;
			expect(published.version).toBe(seedStamp.version);
			expect(published.hash).not.toBe(seedStamp.hash);
			expect(en.pack.hash).toBe(published.hash);
			expect(en.etag).not.toBe(plain.etag);
			expect(await announced(db)).toEqual(published);

			expect(await withdrawCaseUpdate(db, newer.update.id)).toBe(true);
			expect(await withdrawCaseUpdate(db, newer.update.id)).toBe(false);
			expect(await withdrawCaseUpdate(db, 'no-such-update-id-000')).toBe(false);
			const after = await localizedPack(db, 'en');
			expect(after.pack.cases.find((sheet) => sheet.id === first)!.updates).toEqual([
				{ id: older.update.id, date: '2026-11-01', status: null, note: noteEn }
			]);
			const withdrawn = (await activePack(db)).stamp;
			expect(withdrawn.hash).not.toBe(published.hash);
			expect(withdrawn.hash).not.toBe(seedStamp.hash);
			expect(after.etag).not.toBe(en.etag);
			expect(await announced(db)).toEqual(withdrawn);
			const all = await allCaseUpdates(db);
			expect(all.map((u) => [u.id, u.withdrawnAt === null])).toEqual([
				[newer.update.id, false],
				[older.update.id, true]
			]);
			expect((await visibleCaseUpdates(db)).map((u) => u.id)).toEqual([older.update.id]);

			// With nothing visible, the stamp is the pack's own again: same content, same hash.
			await withdrawCaseUpdate(db, older.update.id);
			expect((await activePack(db)).stamp).toEqual(seedStamp);
		});

		it('another process learns of a publish and of a withdrawal within RECHECK_MS', async () => {
			const [a, b] = [await open(), await open()];
			const seed = await localizedPack(b, 'fr');
			const seedStamp = await announced(b);
			const result = await publish(a);
			if (!result.ok) throw new Error('refused');
			const stampA = (await activePack(a)).stamp;
			await new Promise((resolve) => setTimeout(resolve, RECHECK_MS + 100));
			const seen = await localizedPack(b, 'fr');
			expect(seen.etag).not.toBe(seed.etag);
			expect(seen.pack.cases.find((sheet) => sheet.id === first)!.updates?.[0]?.note).toBe(noteFr);
			expect(await announced(b)).toEqual(stampA);
			expect(stampA).not.toEqual(seedStamp);

			await withdrawCaseUpdate(a, result.update.id);
			await new Promise((resolve) => setTimeout(resolve, RECHECK_MS + 100));
			expect((await localizedPack(b, 'fr')).etag).toBe(seed.etag);
			expect(await announced(b)).toEqual(seedStamp);
		});
	});
}
