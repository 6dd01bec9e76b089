/**
 * PostgreSQL's one-trip sync (sync-one-trip.ts, pg-sync-function.ts): the common sync is ONE
 * query on the wire, anything uncommon falls back to the full transaction having changed
 * nothing, and racing syncs of one device (the same body, growing bodies, replays) still raise
 * the running totals by exactly what the device's rows grew, the check and version included.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import type { CounterKind, CounterState } from '$lib/shared/domain';
import { compareCounterKeys } from '$lib/shared/counters';
import { randomId } from '$lib/shared/ids';
import { totalsCheck } from '$lib/shared/totals-cursor';
import { hashEventKey } from '$lib/server/auth/event-key';
import type { AppDb } from '$lib/server/db';
import { applySnapshot } from '$lib/server/db/sync-repo';
import { removeDevice } from '$lib/server/db/event-devices';
import { DEFAULT_LIMITS } from '$lib/server/sync/limits';
import type { CounterSnapshot, SyncAnswer } from '$lib/shared/sync-wire';
import { backends, type TestDatabase } from './helpers/databases';
import { runningAndSummed, type KeyTotal } from './helpers/stored-totals';
import { details, newEvent, snapshot, someCaseIds } from './helpers/sync-requests';

const postgres = backends.find((backend) => backend.dialect === 'postgres')!;
const [caseA, caseB] = someCaseIds() as [string, string];

const counter = (caseId: string, kind: CounterKind, plus: number, minus = 0): CounterState => ({
	caseId,
	kind,
	plus,
	minus
});

describe.skipIf(postgres.skip)('one-trip sync on postgres', () => {
	let testDb: TestDatabase;
	let db: AppDb;
	let now = 1_700_000_000_000;

	beforeAll(async () => {
		testDb = await postgres.create();
		db = await testDb.open();
	});
	afterEach(() => vi.restoreAllMocks());
	afterAll(async () => {
		await db?.close();
		await testDb?.destroy();
	});

	async function sync(event: { id: string; key: string }, body: CounterSnapshot) {
		now += 1;
		const result = await applySnapshot(db, {
			eventId: event.id,
			auth: { by: 'key', keyHash: hashEventKey(event.key) },
			snapshot: body,
			now,
			limits: DEFAULT_LIMITS,
			mayRegister: true
		});
		if (!result.ok) throw new Error(`refused: ${result.reason}`);
		return result.answer;
	}

	/** Queries sent to PostgreSQL while `work` runs: each is one round trip. */
	async function queriesDuring<T>(work: () => Promise<T>): Promise<{ value: T; sent: string[] }> {
		const sent: string[] = [];
		const original = pg.Client.prototype.query;
		vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
			this: pg.Client,
			...args: unknown[]
		) {
			const first = args[0];
			sent.push(typeof first === 'string' ? first : String((first as { text?: string }).text));
			return (original as (...a: unknown[]) => unknown).apply(this, args);
		} as typeof original);
		const value = await work();
		vi.restoreAllMocks();
		return { value, sent };
	}

	async function stored(eventId: string) {
		const { running: totals, summed } = await runningAndSummed(db, eventId);
		const event = await db.kysely
			.selectFrom('events')
			.select(['totals_version', 'totals_check'])
			.where('id', '=', eventId)
			.executeTakeFirstOrThrow();
		const byKey = (rows: KeyTotal[]) =>
			Object.fromEntries(rows.map((row) => [`${row.case_id}/${row.kind}`, Number(row.total)]));
		const asTotals = totals.map((row) => ({
			caseId: row.case_id,
			kind: row.kind as CounterKind,
			total: Number(row.total)
		}));
		return {
			running: byKey(totals),
			summed: byKey(summed),
			version: Number(event.totals_version),
			check: Number(event.totals_check),
			checkOfTable: totalsCheck(asTotals)
		};
	}

	it('takes one round trip for a device of a known event, answering as the full path', async () => {
		const event = newEvent();
		const device = randomId();
		// The first sync registers the event and the device: the full transaction.
		const first = await queriesDuring(() =>
			sync(event, snapshot(device, [counter(caseA, 'letter', 2)]))
		);
		expect(first.sent.length).toBeGreaterThan(1);
		expect(first.sent.some((text) => text.includes('letterday_sync_v1'))).toBe(true);

		const grown = [counter(caseA, 'letter', 5, 1), counter(caseB, 'card', 3)];
		const second = await queriesDuring(() => sync(event, snapshot(device, grown)));
		expect(second.sent).toHaveLength(1);
		expect(second.sent[0]).toContain('letterday_sync_v1');
		const answer: SyncAnswer = second.value;
		expect(answer.totals).toEqual(
			[
				{ caseId: caseA, kind: 'letter' as CounterKind, total: 4 },
				{ caseId: caseB, kind: 'card' as CounterKind, total: 3 }
			].sort(compareCounterKeys)
		);
		expect(answer.full).toBe(true);
		expect(answer.devices).toBe(1);
		expect(answer.event).toEqual({ ...details(), updatedBy: device });
		expect(answer.syncedAt).toBe(now);
		const state = await stored(event.id);
		expect(answer.check).toBe(state.check);
		expect(state.check).toBe(state.checkOfTable);
		expect(answer.cursor?.endsWith(`.${state.version}`)).toBe(true);

		// With the cursor: only what moved since, still one trip; a replay moves nothing.
		const later = [counter(caseA, 'letter', 5, 1), counter(caseB, 'card', 4)];
		const third = await queriesDuring(() =>
			sync(event, { ...snapshot(device, later), cursor: answer.cursor })
		);
		expect(third.sent).toHaveLength(1);
		expect(third.value.full).toBe(false);
		expect(third.value.totals).toEqual([{ caseId: caseB, kind: 'card', total: 4 }]);
		const replay = await sync(event, { ...snapshot(device, later), cursor: third.value.cursor });
		expect(replay.totals).toEqual([]);
		expect(replay.cursor).toBe(third.value.cursor);
		expect(replay.check).toBe(third.value.check);
		// A cursor of another epoch gets the full set.
		const [, version] = third.value.cursor!.split('.');
		const foreign = await sync(event, { ...snapshot(device, later), cursor: `1.${version}` });
		expect(foreign.full).toBe(true);
		expect(foreign.totals).toHaveLength(2);
	});

	it('falls back to the full transaction, having changed nothing, for anything uncommon', async () => {
		const event = newEvent();
		const host = randomId();
		await sync(event, snapshot(host, [counter(caseA, 'letter', 1)]));
		// Newer details: the full path stores them (the function declined first).
		const renamed = details({ name: 'Renamed', updatedAt: 2_000 });
		const edit = await queriesDuring(() =>
			sync(event, snapshot(host, [counter(caseA, 'letter', 2)], renamed))
		);
		expect(edit.sent.length).toBeGreaterThan(1);
		expect(edit.value.event.name).toBe('Renamed');
		expect(edit.value.totals).toEqual([{ caseId: caseA, kind: 'letter', total: 2 }]);
		// A device sending the stored details back, or older ones, stays on one trip.
		const other = randomId();
		await sync(event, snapshot(other, [counter(caseB, 'card', 1)], renamed));
		const stale = await queriesDuring(() =>
			sync(event, snapshot(other, [counter(caseB, 'card', 2)], details()))
		);
		expect(stale.sent).toHaveLength(1);
		expect(stale.value.event.name).toBe('Renamed');
		// A contact to store: the full path.
		const contact = { groupName: 'Group 12', email: 'a@example.org', updatedAt: 5 };
		const withContact = await queriesDuring(() =>
			sync(event, { ...snapshot(other, [counter(caseB, 'card', 2)], renamed), contact })
		);
		expect(withContact.sent.length).toBeGreaterThan(1);
		const row = await db.kysely
			.selectFrom('events')
			.select(['group_name', 'contact_email'])
			.where('id', '=', event.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ group_name: 'Group 12', contact_email: 'a@example.org' });
		// The same contact again: one trip.
		const again = await queriesDuring(() =>
			sync(event, { ...snapshot(other, [counter(caseB, 'card', 2)], renamed), contact })
		);
		expect(again.sent).toHaveLength(1);
		// A wrong key and a removed device are refused by the full path, nothing written.
		const before = await stored(event.id);
		const wrong = await applySnapshot(db, {
			eventId: event.id,
			auth: { by: 'key', keyHash: hashEventKey(newEvent().key) },
			snapshot: snapshot(host, [counter(caseA, 'letter', 9)], renamed),
			now: (now += 1),
			limits: DEFAULT_LIMITS,
			mayRegister: true
		});
		expect(wrong).toEqual({ ok: false, reason: 'wrong_key' });
		expect(await removeDevice(db, event.id, other, 'organizer-1', now)).toBe('removed');
		const removed = await applySnapshot(db, {
			eventId: event.id,
			auth: { by: 'key', keyHash: hashEventKey(event.key) },
			snapshot: snapshot(other, [counter(caseB, 'card', 7)], renamed),
			now: (now += 1),
			limits: DEFAULT_LIMITS,
			mayRegister: true
		});
		expect(removed).toEqual({ ok: false, reason: 'device_removed' });
		const after = await stored(event.id);
		expect(after.running).toEqual({ ...before.running, [`${caseB}/card`]: 0 });
		expect(after.check).toBe(after.checkOfTable);
	});

	it('adds a new device in the same trip, under the cap; the full path refuses past it', async () => {
		const event = newEvent();
		const host = randomId();
		await sync(event, snapshot(host, [counter(caseA, 'letter', 1)]));
		// Other devices send back the details as their answers gave them: the host's stamp.
		const echoed = { ...details(), updatedBy: host };
		// Nothing counted yet: answered, not one of the event's devices.
		const idle = await queriesDuring(() => sync(event, snapshot(randomId(), [], echoed)));
		expect(idle.sent).toHaveLength(1);
		expect(idle.value.devices).toBe(1);
		const second = await queriesDuring(() =>
			sync(event, snapshot(randomId(), [counter(caseA, 'letter', 2)], echoed))
		);
		expect(second.sent).toHaveLength(1);
		expect(second.value.devices).toBe(2);
		expect(second.value.totals).toEqual([{ caseId: caseA, kind: 'letter', total: 3 }]);
		const limits = { ...DEFAULT_LIMITS, maxDevicesPerEvent: 2 };
		const third = await applySnapshot(db, {
			eventId: event.id,
			auth: { by: 'key', keyHash: hashEventKey(event.key) },
			snapshot: snapshot(randomId(), [counter(caseA, 'letter', 5)], echoed),
			now: (now += 1),
			limits,
			mayRegister: true
		});
		expect(third).toEqual({ ok: false, reason: 'too_many_devices', limit: 2 });
		const row = await db.kysely
			.selectFrom('events')
			.select('device_count')
			.where('id', '=', event.id)
			.executeTakeFirstOrThrow();
		expect(Number(row.device_count)).toBe(2);
		const listed = await db.kysely
			.selectFrom('event_devices')
			.select('device_id')
			.where('event_id', '=', event.id)
			.execute();
		expect(listed).toHaveLength(2);
		const state = await stored(event.id);
		expect(state.running).toEqual({ [`${caseA}/letter`]: 3 });
	});

	it('keeps one trip for details stamped at the same time by a lesser device id', async () => {
		const event = newEvent();
		// Code-unit order: '-' < 'Z' < '_' < 'a' (a linguistic collation would put 'a' before 'Z').
		const [dash, upper, lower] = ['-'.repeat(16), 'Z'.repeat(16), 'a'.repeat(16)];
		await sync(event, snapshot(upper, [counter(caseA, 'letter', 1)]));
		await sync(event, snapshot(dash, [counter(caseA, 'letter', 1)]));
		const lesser = await queriesDuring(() =>
			sync(event, snapshot(dash, [counter(caseA, 'letter', 2)]))
		);
		expect(lesser.sent).toHaveLength(1);
		expect(lesser.value.event.updatedBy).toBe(upper);
		// A greater id at the same time wins: the full path stores its stamp, then `upper` loses.
		const greater = await queriesDuring(() =>
			sync(event, snapshot(lower, [counter(caseA, 'letter', 1)]))
		);
		expect(greater.sent.length).toBeGreaterThan(1);
		expect(greater.value.event.updatedBy).toBe(lower);
		const loser = await queriesDuring(() =>
			sync(event, snapshot(upper, [counter(caseA, 'letter', 3)]))
		);
		expect(loser.sent).toHaveLength(1);
		expect(loser.value.event.updatedBy).toBe(lower);
		expect(loser.value.totals).toEqual([{ caseId: caseA, kind: 'letter', total: 6 }]);
	});

	it('racing syncs of one device count each growth exactly once', async () => {
		const event = newEvent();
		const devices = [randomId(), randomId()];
		for (const device of devices)
			await sync(event, snapshot(device, [counter(caseA, 'letter', 0)]));
		for (let round = 1; round <= 6; round += 1) {
			const bodies: CounterSnapshot[] = [];
			for (const device of devices) {
				// The same body several times (retries), and growing bodies, all at once.
				const same = snapshot(device, [counter(caseA, 'letter', round * 10, round)]);
				bodies.push(same, same, same);
				for (let step = 1; step <= 3; step += 1) {
					bodies.push(
						snapshot(device, [
							counter(caseA, 'letter', round * 10 + step, round),
							counter(caseB, 'online', round * 3 + step, Math.min(step, 2))
						])
					);
				}
			}
			const answers = await Promise.all(bodies.map((body) => sync(event, body)));
			const state = await stored(event.id);
			expect(state.running).toEqual(state.summed);
			expect(state.check).toBe(state.checkOfTable);
			// Every answer's check is the check of the totals it saw (full answers here).
			for (const answer of answers) expect(answer.check).toBe(totalsCheck(answer.totals));
			// Each device's rows hold the max of what it sent: growth counted once.
			expect(state.running[`${caseA}/letter`]).toBe(2 * (round * 10 + 3 - round));
			expect(state.running[`${caseB}/online`]).toBe(2 * (round * 3 + 3 - 2));
		}
	});
});
