/**
 * The running totals (counter_totals) are a cache of one sum: per (event, case, kind), the sum
 * over device rows of plus - minus. After any schedule of snapshots (replayed, reordered, stale,
 * zero rows, devices removed by an organizer in between), on both databases, the table holds
 * exactly that sum, the sync answer's totals are the table's, and the event's totals check
 * (totals-cursor.ts), kept as totals move, is the check of the table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EVENT_CASE_ID, type CounterKind, type CounterState } from '$lib/shared/domain';
import { randomId } from '$lib/shared/ids';
import type { AppDb } from '$lib/server/db';
import { removeDevice } from '$lib/server/db/event-devices';
import { totalsCheck } from '$lib/shared/totals-cursor';
import { backends, type TestDatabase } from './helpers/databases';
import { runningAndSummed, type KeyTotal } from './helpers/stored-totals';
import { SyncHarness, newEvent, snapshot, someCaseIds } from './helpers/sync-requests';

const [caseA, caseB] = someCaseIds() as [string, string];
const KEYS: { caseId: string; kind: CounterKind }[] = [
	{ caseId: caseA, kind: 'letter' },
	{ caseId: caseA, kind: 'online' },
	{ caseId: caseB, kind: 'card' },
	{ caseId: EVENT_CASE_ID, kind: 'participants' }
];

type Step =
	| { t: 'tap'; device: number; key: number; count: number; undo: boolean }
	/** Sends the device's snapshot as it was `age` sends ago (0: now): stale copies arrive late. */
	| { t: 'send'; device: number; age: number }
	| { t: 'remove'; device: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 5,
		arbitrary: fc.record({
			t: fc.constant('tap' as const),
			device: fc.nat(4),
			key: fc.nat(KEYS.length - 1),
			count: fc.integer({ min: 0, max: 4 }),
			undo: fc.boolean()
		})
	},
	{
		weight: 5,
		arbitrary: fc.record({ t: fc.constant('send' as const), device: fc.nat(4), age: fc.nat(3) })
	},
	{ weight: 1, arbitrary: fc.record({ t: fc.constant('remove' as const), device: fc.nat(4) }) }
);

/** counter_totals and the sum over counters, per key, for one event; both as sorted entries. */
async function bothSums(db: AppDb, eventId: string) {
	const { running, summed } = await runningAndSummed(db, eventId);
	const entries = (rows: KeyTotal[]) =>
		rows
			.map((row) => [`${row.case_id}/${row.kind}`, Number(row.total)] as const)
			// A key whose only device was removed keeps a row at 0: the same sum.
			.filter(([, total]) => total !== 0)
			.sort(([a], [b]) => (a < b ? -1 : 1));
	return { running: entries(running), summed: entries(summed) };
}

for (const backend of backends) {
	describe.skipIf(backend.skip)(`running totals on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: SyncHarness;

		beforeAll(async () => {
			testDb = await backend.create();
			server = await SyncHarness.start(testDb);
		});
		afterAll(async () => {
			await server?.close();
			await testDb?.destroy();
		});

		it('always equal the sum over device rows, whatever the schedule', async () => {
			await fc.assert(
				fc.asyncProperty(fc.array(stepArb, { minLength: 5, maxLength: 40 }), async (steps) => {
					const event = newEvent();
					const devices = Array.from({ length: 5 }, () => ({
						id: randomId(),
						own: new Map<number, CounterState>(),
						sent: [] as CounterState[][],
						removed: false,
						/** The server took counters from it: it is one of the event's devices. */
						known: false
					}));
					for (const step of steps) {
						const device = devices[step.device]!;
						if (step.t === 'tap') {
							const { caseId, kind } = KEYS[step.key]!;
							const state = device.own.get(step.key) ?? { caseId, kind, plus: 0, minus: 0 };
							const plus = state.plus + step.count;
							const minus = step.undo ? Math.min(plus, state.minus + 1) : state.minus;
							device.own.set(step.key, { caseId, kind, plus, minus });
						} else if (step.t === 'send') {
							device.sent.push([...device.own.values()].map((state) => ({ ...state })));
							const counters = device.sent[Math.max(0, device.sent.length - 1 - step.age)]!;
							const response = await server.post(
								event.id,
								event.key,
								snapshot(device.id, counters)
							);
							if (device.removed) {
								expect(response.status).toBe(409);
								expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
									'device_removed'
								);
							} else {
								expect(response.status).toBe(200);
								if (counters.length > 0) device.known = true;
								const answer = (await response.json()) as {
									totals: { caseId: string; kind: string; total: number }[];
								};
								const { running } = await bothSums(server.db, event.id);
								expect(
									answer.totals
										.filter((t) => t.total !== 0)
										.map((t) => [`${t.caseId}/${t.kind}`, t.total])
										.sort(([a], [b]) => (a! < b! ? -1 : 1))
								).toEqual(running);
							}
						} else if (!device.removed) {
							const result = await removeDevice(server.db, event.id, device.id, 'organizer-1', 1);
							expect(result).toBe(device.known ? 'removed' : 'unknown');
							device.removed = device.known;
						}
						const { running, summed } = await bothSums(server.db, event.id);
						expect(running).toEqual(summed);
						const stored = await server.db.kysely
							.selectFrom('events')
							.select('totals_check')
							.where('id', '=', event.id)
							.executeTakeFirst();
						const check = totalsCheck(
							running.map(([key, total]) => {
								const [caseId, kind] = key.split('/') as [string, string];
								return { caseId, kind: kind as CounterKind, total };
							})
						);
						expect(Number(stored?.totals_check ?? 0)).toBe(check);
					}
				}),
				{ numRuns: backend.dialect === 'sqlite' ? 60 : 25 }
			);
		});
	});
}
