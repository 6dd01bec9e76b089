/**
 * Publishing case packs into the database, the same cases on SQLite and on PostgreSQL: the seed,
 * refusals that change nothing, activation, a second server process (another handle on the same
 * database) following a publish, and counts on a case a newer pack dropped.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasePack, CaseSheet } from '$lib/shared/case-pack';
import type { SyncAnswer } from '$lib/shared/sync-wire';
import {
	RECHECK_MS,
	activePack,
	listPublishedPacks,
	localizedPack,
	publishCasePack,
	samplePack
} from '$lib/server/case-pack';
import type { AppDb } from '$lib/server/db';
import { handleSync, type SyncDeps } from '$lib/server/sync/handler';
import { backends, type TestDatabase } from './helpers/databases';
import { newEvent, snapshot, syncRequest } from './helpers/sync-requests';

const sample = (): CasePack => structuredClone(samplePack());
const [first, second] = samplePack().cases as [CaseSheet, CaseSheet];

/** The sample as next year's pack: `first` dropped, a new case added at the end. */
function nextYear(version = '2027.1'): CasePack {
	const pack = sample();
	const added: CaseSheet = { ...structuredClone(second), id: 'new-case-2027', name: 'Ada Newcase' };
	pack.version = version;
	pack.cases = [...pack.cases.filter((sheet) => sheet.id !== first.id), added];
	return pack;
}

const json = (pack: unknown) => JSON.stringify(pack);

for (const backend of backends) {
	describe.skipIf(backend.skip)(`publishing case packs on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		const handles: AppDb[] = [];
		/** A new handle on the same database: to this code, another server process. */
		const open = async () => {
			const db = await testDb.open();
			handles.push(db);
			return db;
		};

		beforeEach(async () => {
			testDb = await backend.create();
		});
		afterEach(async () => {
			await Promise.all(handles.splice(0).map((db) => db.close()));
			await testDb.destroy();
		});

		it('seeds the bundled sample once, even when two processes start together', async () => {
			const [a, b] = [await open(), await open()];
			// At once on PostgreSQL. Two SQLite handles in ONE process cannot overlap write
			// transactions (each waits synchronously for the other's lock); one per process can.
			const [fromA, fromB] =
				backend.dialect === 'postgres'
					? await Promise.all([activePack(a), activePack(b)])
					: [await activePack(a), await activePack(b)];
			expect(fromA.stamp).toEqual(fromB.stamp);
			expect(fromA.stamp.version).toBe('2026.1');
			const third = await open();
			await activePack(third);
			const packs = await listPublishedPacks(third);
			expect(packs).toHaveLength(1);
			expect(packs[0]).toMatchObject({
				version: '2026.1',
				publishedBy: 'seed',
				caseCount: samplePack().cases.length,
				active: true
			});
		});

		it('refuses a bad pack whole, naming each case and field, and changes nothing', async () => {
			const db = await open();
			const before = await localizedPack(db, 'en');
			const bad = nextYear();
			bad.cases[0]!.story.fr = '';
			(bad.cases[1] as { onlineAction: unknown }).onlineAction = {
				url: 'http://example.org/act',
				label: { en: 'Act', fr: 'Agir' }
			};
			const result = await publishCasePack(db, json(bad), 'organizer-1');
			expect(result.ok).toBe(false);
			if (result.ok) return;
			expect(result.errors).toEqual([
				`case "${bad.cases[0]!.id}" (cases[0]): story.fr: must not be empty`,
				`case "${bad.cases[1]!.id}" (cases[1]): onlineAction.url: must use https, got "http://example.org/act"`
			]);
			expect(result.issues[0]).toMatchObject({
				caseIndex: 0,
				caseId: bad.cases[0]!.id,
				path: 'story.fr'
			});

			const broken = await publishCasePack(db, '{ "format": 1, ', 'organizer-1');
			expect(broken.ok ? [] : broken.errors).toEqual([expect.stringMatching(/^not valid JSON: /)]);

			expect(await listPublishedPacks(db)).toHaveLength(1);
			expect(await localizedPack(db, 'en')).toBe(before);
		});

		it('makes a good pack active: GET /api/cases and the sync answer carry it', async () => {
			const db = await open();
			const seed = await activePack(db);
			const result = await publishCasePack(db, json(nextYear()), 'organizer-7');
			expect(result).toMatchObject({ ok: true, status: 'published', version: '2027.1' });

			const served = await localizedPack(db, 'fr');
			expect(served.pack.version).toBe('2027.1');
			expect(served.pack.lang).toBe('fr');
			expect(served.pack.cases.map((sheet) => sheet.id)).toContain('new-case-2027');
			expect(served.pack.cases.map((sheet) => sheet.id)).not.toContain(first.id);
			const active = await activePack(db);
			expect(served.pack.hash).toBe(active.stamp.hash);
			expect(active.stamp.hash).not.toBe(seed.stamp.hash);

			const packs = await listPublishedPacks(db);
			expect(packs.map((p) => [p.version, p.publishedBy, p.active])).toEqual([
				['2027.1', 'organizer-7', true],
				['2026.1', 'seed', false]
			]);
			expect(packs[0]!.publishedAt).toBeGreaterThanOrEqual(packs[1]!.publishedAt);
		});

		it('publishes nothing for the active content, and refuses a version used by other content', async () => {
			const db = await open();
			await activePack(db);
			const again = await publishCasePack(db, JSON.stringify(sample(), null, 2), 'organizer-1');
			expect(again).toMatchObject({ ok: true, status: 'unchanged' });

			const edited = sample();
			edited.cases[0]!.summary.en = 'A quietly edited summary.';
			const clash = await publishCasePack(db, json(edited), 'organizer-1');
			expect(clash.ok ? [] : clash.errors).toEqual([
				expect.stringMatching(/^version: "2026\.1" was published on \d{4}-\d\d-\d\d with other/)
			]);
			expect(await listPublishedPacks(db)).toHaveLength(1);

			// Going back to an earlier pack is a publish like any other.
			await publishCasePack(db, json(nextYear()), 'organizer-1');
			const back = await publishCasePack(db, json(sample()), 'organizer-2');
			expect(back).toMatchObject({ ok: true, status: 'published', version: '2026.1' });
			expect((await activePack(db)).stamp.version).toBe('2026.1');
			expect(await listPublishedPacks(db)).toHaveLength(3);
		});

		it('a pack published through one process is served by another within a few seconds', async () => {
			const [a, b] = [await open(), await open()];
			const seed = await localizedPack(b, 'en');
			expect(seed.pack.version).toBe('2026.1');
			await publishCasePack(a, json(nextYear()), 'organizer-1');
			// The publishing process serves it at once; the other from its next re-check.
			expect((await localizedPack(a, 'en')).pack.version).toBe('2027.1');
			await new Promise((resolve) => setTimeout(resolve, RECHECK_MS + 100));
			const seen = await localizedPack(b, 'en');
			expect(seen.pack.version).toBe('2027.1');
			expect((await activePack(b)).ids.has('new-case-2027')).toBe(true);
		});

		it('keeps a dropped case countable: a device that counted it still syncs', async () => {
			const db = await open();
			const deps: SyncDeps = { database: async () => db, cases: activePack };
			const event = newEvent();
			const device = 'device-of-the-host-0001';
			const sync = (counters: Parameters<typeof snapshot>[1]) =>
				handleSync(
					syncRequest('http://x', event.id, event.key, snapshot(device, counters)),
					event.id,
					deps
				);

			const before = await sync([{ caseId: first.id, kind: 'letter', plus: 3, minus: 0 }]);
			expect(before.status).toBe(200);
			const seedStamp = (await activePack(db)).stamp;
			expect(((await before.json()) as SyncAnswer).pack).toEqual(seedStamp);

			await publishCasePack(db, json(nextYear()), 'organizer-1');
			const after = await sync([
				{ caseId: first.id, kind: 'letter', plus: 5, minus: 0 },
				{ caseId: 'new-case-2027', kind: 'card', plus: 2, minus: 0 }
			]);
			expect(after.status).toBe(200);
			const answer = (await after.json()) as SyncAnswer;
			expect(answer.totals).toHaveLength(2);
			expect(answer.totals).toEqual(
				expect.arrayContaining([
					{ caseId: first.id, kind: 'letter', total: 5 },
					{ caseId: 'new-case-2027', kind: 'card', total: 2 }
				])
			);
			expect(answer.pack).toEqual((await activePack(db)).stamp);
			expect(answer.pack?.version).toBe('2027.1');

			const never = await sync([{ caseId: 'never-published', kind: 'letter', plus: 1, minus: 0 }]);
			expect(never.status).toBe(400);
			expect(((await never.json()) as { error: { code: string } }).error.code).toBe('unknown_case');
		});
	});
}
