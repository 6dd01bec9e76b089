/**
 * Two real server processes on one database take concurrent syncs for one event: the first
 * syncs race to register it, devices post overlapping snapshots to either process, and the
 * final totals are exact. On PostgreSQL this is how Letterday scales out; on SQLite it checks
 * that two processes on one file wait for each other instead of failing with SQLITE_BUSY.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_KINDS, EVENT_CASE_ID, type CounterState } from '$lib/shared/domain';
import { randomEventKey, randomId } from '$lib/shared/ids';
import type { SyncAnswer } from '$lib/shared/sync-wire';
import { hashEventKey } from '$lib/server/auth/event-key';
import type { AppDb } from '$lib/server/db';
import { backends, type TestDatabase } from './helpers/databases';
import { spawnSyncServer, type SyncServerProcess } from './helpers/spawn-sync-server';
import { newEvent, snapshot, someCaseIds, syncRequest } from './helpers/sync-requests';

/** Small deterministic PRNG (mulberry32), so a failure replays. */
function prng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

for (const backend of backends) {
	describe.skipIf(backend.skip)(`two server processes on one ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let db: AppDb;
		let servers: SyncServerProcess[] = [];

		beforeAll(async () => {
			testDb = await backend.create();
			db = await testDb.open(); // creates the schema and tables before the processes race
			servers = await Promise.all([spawnSyncServer(testDb.env), spawnSyncServer(testDb.env)]);
			expect(servers[0]!.pid).not.toBe(servers[1]!.pid);
		});
		afterAll(async () => {
			await Promise.all(servers.map((server) => server.stop()));
			await db?.close();
			await testDb?.destroy();
		});

		const post = (server: SyncServerProcess, eventId: string, key: string, body: unknown) =>
			fetch(syncRequest(server.url, eventId, key, body));

		it('first syncs racing with one key all succeed and register the event once', async () => {
			const event = newEvent();
			const caseId = someCaseIds()[0]!;
			const responses = await Promise.all(
				Array.from({ length: 16 }, (_, i) =>
					post(
						servers[i % 2]!,
						event.id,
						event.key,
						snapshot(randomId(), [{ caseId, kind: 'letter', plus: 1, minus: 0 }])
					)
				)
			);
			expect(responses.map((r) => r.status)).toEqual(Array(16).fill(200));
			const events = await db.kysely
				.selectFrom('events')
				.selectAll()
				.where('id', '=', event.id)
				.execute();
			expect(events).toHaveLength(1);
			const pull = (await (
				await post(servers[0]!, event.id, event.key, snapshot(randomId(), []))
			).json()) as SyncAnswer;
			expect(pull.totals).toEqual([{ caseId, kind: 'letter', total: 16 }]);
			expect(pull.devices).toBe(16);
		});

		it('first syncs racing with two keys: one key wins, the other gets 403 and stores nothing', async () => {
			const eventId = randomId();
			const keys = [randomEventKey(), randomEventKey()];
			const caseId = someCaseIds()[0]!;
			const attempts = Array.from({ length: 16 }, (_, i) => ({
				key: keys[i % 2]!,
				server: servers[Math.floor(i / 2) % 2]!,
				device: randomId()
			}));
			const statuses = await Promise.all(
				attempts.map(async ({ key, server, device }) => {
					const body = snapshot(device, [{ caseId, kind: 'card', plus: 1, minus: 0 }]);
					return (await post(server, eventId, key, body)).status;
				})
			);
			const row = await db.kysely
				.selectFrom('events')
				.select('key_hash')
				.where('id', '=', eventId)
				.executeTakeFirstOrThrow();
			const winner = keys.find((key) => hashEventKey(key) === row.key_hash)!;
			expect(winner).toBeDefined();
			attempts.forEach(({ key }, i) => expect(statuses[i]).toBe(key === winner ? 200 : 403));
			const counters = await db.kysely
				.selectFrom('counters')
				.select('device_id')
				.where('event_id', '=', eventId)
				.execute();
			expect(counters.map((c) => c.device_id).sort()).toEqual(
				attempts
					.filter(({ key }) => key === winner)
					.map(({ device }) => device)
					.sort()
			);
		});

		it('devices posting overlapping snapshots to both processes end with exact totals', async () => {
			const event = newEvent();
			const keys = someCaseIds()
				.slice(0, 3)
				.flatMap((caseId) => CASE_KINDS.map((kind) => ({ caseId, kind })))
				.concat([{ caseId: EVENT_CASE_ID, kind: 'participants' as never }]);
			const devices = Array.from({ length: 6 }, () => ({
				id: randomId(),
				state: new Map<string, CounterState>()
			}));

			async function run(device: (typeof devices)[number], index: number) {
				// One generator per device: the interleaving of devices must not change the draws.
				const random = prng(1000 + index);
				const inFlight: Promise<Response>[] = [];
				for (let step = 0; step < 25; step += 1) {
					for (let taps = 1 + Math.floor(random() * 3); taps > 0; taps -= 1) {
						const { caseId, kind } = keys[Math.floor(random() * keys.length)]!;
						const id = `${caseId}/${kind}`;
						const current = device.state.get(id) ?? { caseId, kind, plus: 0, minus: 0 };
						const undo = random() < 0.2 && current.plus > current.minus;
						device.state.set(id, {
							...current,
							plus: current.plus + (undo ? 0 : 1),
							minus: current.minus + (undo ? 1 : 0)
						});
					}
					const body = snapshot(device.id, [...device.state.values()]);
					const server = servers[Math.floor(random() * 2)]!;
					// Up to three requests of one device in flight: they may land in any order.
					inFlight.push(post(server, event.id, event.key, body));
					if (inFlight.length >= 3) expect((await inFlight.shift()!).status).toBe(200);
				}
				for (const response of await Promise.all(inFlight)) expect(response.status).toBe(200);
				const final = snapshot(device.id, [...device.state.values()]);
				expect((await post(servers[0]!, event.id, event.key, final)).status).toBe(200);
			}
			await Promise.all(devices.map((device, index) => run(device, index)));

			const expected = new Map<string, number>();
			for (const device of devices) {
				for (const { caseId, kind, plus, minus } of device.state.values()) {
					const id = `${caseId}/${kind}`;
					expected.set(id, (expected.get(id) ?? 0) + plus - minus);
				}
			}
			for (const server of servers) {
				const answer = (await (
					await post(server, event.id, event.key, snapshot(devices[0]!.id, []))
				).json()) as SyncAnswer;
				expect(new Map(answer.totals.map((t) => [`${t.caseId}/${t.kind}`, t.total]))).toEqual(
					expected
				);
				expect(answer.devices).toBe(devices.length);
			}
			// The running totals, raised by concurrent transactions in two processes, equal the
			// sum over the device rows.
			const summed = await db.kysely
				.selectFrom('counters')
				.select([
					'case_id',
					'kind',
					(eb) => eb.fn.sum<number>(eb('plus', '-', eb.ref('minus'))).as('total')
				])
				.where('event_id', '=', event.id)
				.groupBy(['case_id', 'kind'])
				.execute();
			const running = await db.kysely
				.selectFrom('counter_totals')
				.select(['case_id', 'kind', 'total'])
				.where('event_id', '=', event.id)
				.execute();
			const byKey = (rows: { case_id: string; kind: string; total: unknown }[]) =>
				new Map(rows.map((row) => [`${row.case_id}/${row.kind}`, Number(row.total)]));
			expect(byKey(running)).toEqual(byKey(summed));
			expect(byKey(running)).toEqual(expected);
		});
	});
}
