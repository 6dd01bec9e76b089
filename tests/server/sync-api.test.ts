/**
 * The sync endpoint's behaviour, the same cases on SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CASE_KINDS, EVENT_CASE_ID, type CounterState } from '$lib/shared/domain';
import { randomEventKey, randomId } from '$lib/shared/ids';
import { hashEventKey } from '$lib/server/auth/event-key';
import { activePack } from '$lib/server/case-pack';
import { totalsCheck } from '$lib/shared/totals-cursor';
import { writeTransaction } from './helpers/write-transaction';
import { backends, type TestDatabase } from './helpers/databases';
import {
	SyncHarness,
	details,
	newEvent,
	snapshot,
	someCaseIds,
	storedState
} from './helpers/sync-requests';

for (const backend of backends) {
	describe.skipIf(backend.skip)(`sync endpoint on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: SyncHarness;
		let clock = 1_700_000_000_000;
		const [caseA, caseB] = someCaseIds() as [string, string];

		beforeAll(async () => {
			testDb = await backend.create();
			server = await SyncHarness.start(testDb, () => (clock += 1000));
		});
		afterAll(async () => {
			await server?.close();
			await testDb?.destroy();
		});

		it('registers an unknown event on its first sync and keeps only a hash of the key', async () => {
			const event = newEvent();
			const device = randomId();
			const answer = await server.sync(
				event.id,
				event.key,
				snapshot(device, [
					{ caseId: caseA, kind: 'letter', plus: 5, minus: 1 },
					{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 12, minus: 0 }
				])
			);
			expect(answer).toEqual({
				format: 1,
				event: { ...details(), updatedBy: device },
				totals: [
					{ caseId: EVENT_CASE_ID, kind: 'participants', total: 12 },
					{ caseId: caseA, kind: 'letter', total: 4 }
				],
				// No cursor sent: the full set, and where the totals stand (epoch = created_at).
				full: true,
				cursor: `${clock.toString(36)}.1`,
				check: totalsCheck(answer.totals),
				devices: 1,
				syncedAt: clock,
				// The active case pack, so the device can tell whether it holds it.
				pack: (await activePack(server.db)).stamp
			});
			const row = await server.db.kysely
				.selectFrom('events')
				.selectAll()
				.where('id', '=', event.id)
				.executeTakeFirstOrThrow();
			expect(row.key_hash).toBe(hashEventKey(event.key));
			expect(JSON.stringify(row)).not.toContain(event.key);
			expect(row.created_at).toBe(clock);
		});

		it('a replay of the same request changes nothing', async () => {
			const event = newEvent();
			const body = snapshot(randomId(), [{ caseId: caseA, kind: 'card', plus: 3, minus: 0 }]);
			const first = await server.sync(event.id, event.key, body);
			const before = await storedState(server.db);
			const again = await server.sync(event.id, event.key, body);
			const third = await server.sync(event.id, event.key, body);
			const after = await storedState(server.db);
			expect(again.totals).toEqual(first.totals);
			expect(third.totals).toEqual(first.totals);
			expect(after.counters).toEqual(before.counters);
			// Only the bookkeeping of when the event last synced moves.
			const strip = (rows: typeof before.events) =>
				rows.map((row) => ({ ...row, last_sync_at: 0 }));
			expect(strip(after.events)).toEqual(strip(before.events));
		});

		it('an older snapshot arriving late changes nothing', async () => {
			const event = newEvent();
			const device = randomId();
			const newer = snapshot(
				device,
				[
					{ caseId: caseA, kind: 'letter', plus: 9, minus: 2 },
					{ caseId: caseB, kind: 'petition', plus: 4, minus: 0 }
				],
				details({ name: 'Newer name', updatedAt: 2_000 })
			);
			const older = snapshot(
				device,
				[
					{ caseId: caseA, kind: 'letter', plus: 7, minus: 2 },
					{ caseId: caseB, kind: 'petition', plus: 1, minus: 0 }
				],
				details({ name: 'Older name', updatedAt: 1_000 })
			);
			const fresh = await server.sync(event.id, event.key, newer);
			const counters = (await storedState(server.db)).counters;
			const late = await server.sync(event.id, event.key, older);
			expect(late.totals).toEqual(fresh.totals);
			expect(late.event).toEqual(fresh.event);
			expect(late.event.name).toBe('Newer name');
			expect((await storedState(server.db)).counters).toEqual(counters);
		});

		it('merges each half by max: a newer undo and an older tap', async () => {
			const event = newEvent();
			const device = randomId();
			await server.sync(
				event.id,
				event.key,
				snapshot(device, [{ caseId: caseA, kind: 'letter', plus: 10, minus: 0 }])
			);
			// A snapshot that saw fewer taps but one more undo (reordered delivery of two states).
			const answer = await server.sync(
				event.id,
				event.key,
				snapshot(device, [{ caseId: caseA, kind: 'letter', plus: 8, minus: 1 }])
			);
			expect(answer.totals).toEqual([{ caseId: caseA, kind: 'letter', total: 9 }]);
		});

		it('a wrong key gets 403 and nothing is stored', async () => {
			const event = newEvent();
			const device = randomId();
			await server.sync(
				event.id,
				event.key,
				snapshot(device, [{ caseId: caseA, kind: 'letter', plus: 2, minus: 0 }])
			);
			const before = await storedState(server.db);
			const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
			const forgedKey = randomEventKey();
			const response = await server.post(
				event.id,
				forgedKey,
				snapshot(
					randomId(),
					[{ caseId: caseA, kind: 'letter', plus: 50, minus: 0 }],
					details({ name: 'Hijacked', updatedAt: 9_999_999 })
				)
			);
			expect(response.status).toBe(403);
			expect(await response.json()).toEqual({
				error: { code: 'wrong_key', message: expect.any(String) }
			});
			expect(await storedState(server.db)).toEqual(before);
			// One short line names the event, never the key.
			expect(warn.mock.calls).toEqual([[`sync refused for event ${event.id}: wrong_key`]]);
			expect(JSON.stringify(warn.mock.calls)).not.toContain(forgedKey);
			warn.mockRestore();
		});

		it('event details are last-writer-wins by (updatedAt, deviceId)', async () => {
			const event = newEvent();
			const [early, late] = [randomId(), randomId()].sort() as [string, string];
			const sync = (device: string, name: string, updatedAt: number, updatedBy?: string) =>
				server.sync(
					event.id,
					event.key,
					snapshot(device, [], details({ name, updatedAt, updatedBy }))
				);

			expect((await sync(early, 'First', 1_000)).event.name).toBe('First');
			// A leap day is a date like any other.
			const leap = await server.sync(
				event.id,
				event.key,
				snapshot(early, [], details({ name: 'First', date: '2028-02-29', updatedAt: 1_100 }))
			);
			expect(leap.event.date).toBe('2028-02-29');
			expect((await sync(late, 'Second', 2_000)).event).toMatchObject({
				name: 'Second',
				updatedAt: 2_000,
				updatedBy: late
			});
			// Older edit: ignored.
			expect((await sync(early, 'Stale', 1_500)).event.name).toBe('Second');
			// Same instant: the larger device id wins, whichever arrives last.
			expect((await sync(early, 'Tie from early', 3_000)).event.name).toBe('Tie from early');
			expect((await sync(late, 'Tie from late', 3_000)).event.name).toBe('Tie from late');
			expect((await sync(early, 'Tie from early', 3_000)).event.name).toBe('Tie from late');
			// A device relaying another device's edit keeps that device's stamp.
			const relayed = await sync(early, 'Relayed', 4_000, late);
			expect(relayed.event).toMatchObject({ name: 'Relayed', updatedBy: late });
			const row = await server.db.kysely
				.selectFrom('events')
				.select(['name', 'province', 'details_updated_at', 'details_device_id'])
				.where('id', '=', event.id)
				.executeTakeFirstOrThrow();
			expect(row).toEqual({
				name: 'Relayed',
				province: 'ON',
				details_updated_at: 4_000,
				details_device_id: late
			});
		});

		it('totals add up across several devices', async () => {
			const event = newEvent();
			const devices = [randomId(), randomId(), randomId(), randomId()];
			let last;
			for (const [index, device] of devices.entries()) {
				last = await server.sync(
					event.id,
					event.key,
					snapshot(device, [
						{ caseId: caseA, kind: 'letter', plus: 10 + index, minus: index },
						{ caseId: caseB, kind: 'online', plus: index, minus: 0 },
						{ caseId: EVENT_CASE_ID, kind: 'firstTimers', plus: 1, minus: 0 }
					])
				);
			}
			expect(last!.devices).toBe(4);
			expect(last!.totals).toEqual(
				[
					{ caseId: EVENT_CASE_ID, kind: 'firstTimers', total: 4 },
					{ caseId: caseA, kind: 'letter', total: 40 },
					{ caseId: caseB, kind: 'online', total: 6 }
				].sort((x, y) => (x.caseId < y.caseId ? -1 : x.caseId > y.caseId ? 1 : 0))
			);
			// A device with nothing new still learns the event-wide totals.
			const pull = await server.sync(event.id, event.key, snapshot(devices[0]!, []));
			expect(pull.totals).toEqual(last!.totals);
			expect(pull.devices).toBe(4);
		});

		it('keeps events apart', async () => {
			const one = newEvent();
			const two = newEvent();
			const device = randomId();
			await server.sync(
				one.id,
				one.key,
				snapshot(device, [{ caseId: caseA, kind: 'letter', plus: 3, minus: 0 }])
			);
			const answer = await server.sync(
				two.id,
				two.key,
				snapshot(device, [{ caseId: caseA, kind: 'letter', plus: 1, minus: 0 }])
			);
			expect(answer.totals).toEqual([{ caseId: caseA, kind: 'letter', total: 1 }]);
			// One event's key does not open another.
			expect((await server.post(two.id, one.key, snapshot(device, []))).status).toBe(403);
		});

		it('shares the database with other transactions: a sync waits for one in progress', async () => {
			let release!: () => void;
			const gate = new Promise<void>((resolve) => (release = resolve));
			const order: string[] = [];
			const other = writeTransaction(server.db, async (trx) => {
				await trx
					.insertInto('events')
					.values({
						id: randomId(),
						key_hash: hashEventKey(randomEventKey()),
						name: 'Other',
						venue: '',
						city: '',
						province: 'QC',
						date: '2026-12-11',
						details_updated_at: 1,
						details_device_id: randomId(),
						created_at: 1,
						last_sync_at: 1
					})
					.execute();
				await gate;
				order.push('other');
			});
			const event = newEvent();
			const syncing = server
				.sync(
					event.id,
					event.key,
					snapshot(randomId(), [{ caseId: caseA, kind: 'letter', plus: 1, minus: 0 }])
				)
				.then((answer) => {
					order.push('sync');
					return answer;
				});
			await new Promise((resolve) => setTimeout(resolve, 50));
			release();
			await other;
			expect((await syncing).totals).toEqual([{ caseId: caseA, kind: 'letter', total: 1 }]);
			// SQLite has one connection, so the sync waited; PostgreSQL ran both at once.
			if (backend.dialect === 'sqlite') expect(order).toEqual(['other', 'sync']);
		});

		it('accepts the largest snapshot the pack allows, with values at the limit', async () => {
			const event = newEvent();
			const counters: CounterState[] = someCaseIds().flatMap((caseId) =>
				CASE_KINDS.map((kind) => ({
					caseId,
					kind,
					plus: 100_000,
					minus: 100_000
				}))
			);
			counters.push(
				{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 100_000, minus: 0 },
				{ caseId: EVENT_CASE_ID, kind: 'firstTimers', plus: 0, minus: 0 }
			);
			const answer = await server.sync(event.id, event.key, snapshot(randomId(), counters));
			expect(answer.totals).toHaveLength(counters.length);
			expect(answer.totals.find((t) => t.kind === 'participants')?.total).toBe(100_000);
		});
	});
}
