/**
 * What one client can make the server store is bounded (docs/api.md, "Limits"), on SQLite and
 * PostgreSQL: devices per event (and an organizer's own cap), new events per client address,
 * stamps far ahead of the server's clock, and devices an organizer removed. Every refusal
 * answers the error shape and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '$lib/shared/ids';
import { readRemovedDevices, removeDevice, setDeviceCap } from '$lib/server/db/event-devices';
import { handleSync, type SyncDeps } from '$lib/server/sync/handler';
import { DEFAULT_LIMITS, limitsFromEnv, type SyncLimits } from '$lib/server/sync/limits';
import { backends, type TestDatabase } from './helpers/databases';
import {
	SyncHarness,
	details,
	newEvent,
	snapshot,
	someCaseIds,
	storedState,
	syncRequest
} from './helpers/sync-requests';

const limits: SyncLimits = {
	...DEFAULT_LIMITS,
	maxDevicesPerEvent: 3,
	registrationsPerWindow: 2,
	registrationWindowMs: 60_000
};

const errorOf = async (response: Response) =>
	((await response.json()) as { error: { code: string; message: string; field?: string } }).error;

describe('limits from the environment', () => {
	it('reads MAX_DEVICES_PER_EVENT and REGISTRATIONS_PER_HOUR, defaulting to 50 and 20', () => {
		expect(limitsFromEnv({})).toMatchObject({ maxDevicesPerEvent: 50, registrationsPerWindow: 20 });
		expect(
			limitsFromEnv({ MAX_DEVICES_PER_EVENT: '7', REGISTRATIONS_PER_HOUR: '3' })
		).toMatchObject({ maxDevicesPerEvent: 7, registrationsPerWindow: 3 });
		expect(() => limitsFromEnv({ MAX_DEVICES_PER_EVENT: 'lots' })).toThrow(/whole number/);
		expect(() => limitsFromEnv({ REGISTRATIONS_PER_HOUR: '0' })).toThrow(/at least 1/);
	});
});

for (const backend of backends) {
	describe.skipIf(backend.skip)(`sync limits on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: SyncHarness;
		let clock = 1_700_000_000_000;
		const [caseA, caseB] = someCaseIds() as [string, string];
		let deps: SyncDeps;
		const post = (eventId: string, key: string, body: unknown, address?: string) =>
			handleSync(syncRequest('http://test.local', eventId, key, body), eventId, deps, address);
		const letters = (plus: number, minus = 0) => [
			{ caseId: caseA, kind: 'letter' as const, plus, minus }
		];

		beforeAll(async () => {
			testDb = await backend.create();
			server = await SyncHarness.start(testDb, () => clock);
			deps = { ...server.deps, limits };
		});
		afterAll(async () => {
			await server?.close();
			await testDb?.destroy();
		});

		it('refuses a device past the cap with too_many_devices and stores nothing', async () => {
			const event = newEvent();
			for (let i = 0; i < 3; i += 1) {
				expect((await post(event.id, event.key, snapshot(randomId(), letters(1)))).status).toBe(
					200
				);
			}
			const before = await storedState(server.db);
			const extra = randomId();
			const refused = await post(event.id, event.key, snapshot(extra, letters(5)));
			expect(refused.status).toBe(409);
			expect(await errorOf(refused)).toMatchObject({ code: 'too_many_devices' });
			expect(
				(await errorOf(await post(event.id, event.key, snapshot(extra, letters(5))))).message
			).toMatch(/3 devices/);
			expect(await storedState(server.db)).toEqual(before);
			// The devices already counting go on syncing, and a device may pull without counting.
			const answer = await post(event.id, event.key, snapshot(randomId(), []));
			expect(answer.status).toBe(200);
			expect(await answer.json()).toMatchObject({
				devices: 3,
				totals: [{ caseId: caseA, kind: 'letter', total: 3 }]
			});

			// An organizer raises this event's cap: the fourth device counts.
			expect(await setDeviceCap(server.db, event.id, 4)).toBe(true);
			const raised = await post(event.id, event.key, snapshot(extra, letters(5)));
			expect(raised.status).toBe(200);
			expect(await raised.json()).toMatchObject({
				devices: 4,
				totals: [{ caseId: caseA, kind: 'letter', total: 8 }]
			});
			expect(await setDeviceCap(server.db, event.id, 0)).toBe(false);
			expect(await setDeviceCap(server.db, randomId(), 10)).toBe(false);
		});

		it('limits new events per address, answers 429 with Retry-After, never limits syncs of known events', async () => {
			const address = `192.0.2.${Math.floor(Math.random() * 250)}`;
			const events = [newEvent(), newEvent(), newEvent()];
			for (const event of events.slice(0, 2)) {
				expect(
					(await post(event.id, event.key, snapshot(randomId(), letters(1)), address)).status
				).toBe(200);
			}
			const before = await storedState(server.db);
			const third = events[2]!;
			const refused = await post(third.id, third.key, snapshot(randomId(), letters(1)), address);
			expect(refused.status).toBe(429);
			expect(await errorOf(refused)).toMatchObject({ code: 'too_many_registrations' });
			expect(refused.headers.get('retry-after')).toBe('60');
			expect(refused.headers.get('cache-control')).toBe('no-store');
			expect(await storedState(server.db)).toEqual(before);

			// Known events sync as often as they like from the same address.
			for (let i = 2; i < 6; i += 1) {
				const known = await post(events[0]!.id, events[0]!.key, snapshot(randomId(), []), address);
				expect(known.status).toBe(200);
			}
			// Another address is counted apart.
			expect(
				(await post(third.id, third.key, snapshot(randomId(), letters(1)), '198.51.100.7')).status
			).toBe(200);
			// Half a minute later, the wait is shorter; after the window, the address may register again.
			clock += 30_000;
			const later = newEvent();
			const waiting = await post(later.id, later.key, snapshot(randomId(), letters(1)), address);
			expect(waiting.headers.get('retry-after')).toBe('30');
			clock += 30_000;
			expect(
				(await post(later.id, later.key, snapshot(randomId(), letters(1)), address)).status
			).toBe(200);
		});

		it('counts racing registrations from one address one by one', async () => {
			const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
			const statuses = await Promise.all(
				Array.from({ length: 6 }, () => {
					const event = newEvent();
					return post(event.id, event.key, snapshot(randomId(), letters(1)), address).then(
						(r) => r.status
					);
				})
			);
			expect(statuses.filter((s) => s === 200)).toHaveLength(2);
			expect(statuses.filter((s) => s === 429)).toHaveLength(4);
		});

		it('refuses event and contact stamps more than five minutes ahead of the server clock', async () => {
			const event = newEvent();
			const device = randomId();
			await server.sync(event.id, event.key, snapshot(device, letters(1)));
			const before = await storedState(server.db);
			const ahead = clock + 5 * 60_000 + 1;
			const pinned = await post(
				event.id,
				event.key,
				snapshot(device, letters(9), details({ name: 'Pinned forever', updatedAt: ahead }))
			);
			expect(pinned.status).toBe(400);
			expect(await errorOf(pinned)).toMatchObject({ code: 'bad_event', field: 'updatedAt' });
			const contact = await post(event.id, event.key, {
				...snapshot(device, letters(9)),
				contact: { groupName: 'Group', email: 'a@example.org', updatedAt: ahead }
			});
			expect(contact.status).toBe(400);
			expect(await errorOf(contact)).toMatchObject({
				code: 'bad_event',
				field: 'contact.updatedAt'
			});
			expect(await storedState(server.db)).toEqual(before);
			// A clock a little fast (drift) is fine.
			const drift = await post(
				event.id,
				event.key,
				snapshot(device, letters(2), details({ name: 'Renamed', updatedAt: clock + 4 * 60_000 }))
			);
			expect(drift.status).toBe(200);
			expect(await drift.json()).toMatchObject({ event: { name: 'Renamed' } });
		});

		it('an organizer removes one device: its counts stop counting, the others stay, its syncs are refused', async () => {
			const event = newEvent();
			const [keep, made, other] = [randomId(), randomId(), randomId()];
			const counters = (letter: number, card: number) => [
				{ caseId: caseA, kind: 'letter' as const, plus: letter + 2, minus: 2 },
				{ caseId: caseB, kind: 'card' as const, plus: card, minus: 0 }
			];
			await server.sync(event.id, event.key, snapshot(keep, counters(4, 1)));
			await server.sync(event.id, event.key, snapshot(made, counters(900, 500)));
			await server.sync(event.id, event.key, snapshot(other, counters(2, 0)));
			const otherEvent = newEvent();
			await server.sync(otherEvent.id, otherEvent.key, snapshot(made, counters(7, 7)));
			const otherBefore = await server.db.kysely
				.selectFrom('counter_totals')
				.selectAll()
				.where('event_id', '=', otherEvent.id)
				.orderBy('case_id')
				.execute();

			const organizer = randomId();
			await server.db.kysely
				.insertInto('organizers')
				.values({
					id: organizer,
					email: `o-${organizer}@example.org`,
					password_hash: 'x',
					created_at: 1
				})
				.execute();
			expect(await removeDevice(server.db, event.id, made, organizer, clock)).toBe('removed');
			expect(await removeDevice(server.db, event.id, made, organizer, clock)).toBe(
				'already_removed'
			);
			expect(await removeDevice(server.db, event.id, randomId(), organizer, clock)).toBe('unknown');

			const pull = await server.sync(event.id, event.key, snapshot(keep, counters(4, 1)));
			expect(pull.totals).toEqual(
				[
					{ caseId: caseA, kind: 'letter', total: 6 },
					{ caseId: caseB, kind: 'card', total: 1 }
				].sort((a, b) => (a.caseId < b.caseId ? -1 : 1))
			);
			expect(pull.devices).toBe(2);
			const remaining = await server.db.kysely
				.selectFrom('counters')
				.select('device_id')
				.distinct()
				.where('event_id', '=', event.id)
				.execute();
			expect(remaining.map((r) => r.device_id).sort()).toEqual([keep, other].sort());

			// Its max-merge would add everything back: refused, with or without counters.
			const before = await storedState(server.db);
			for (const body of [snapshot(made, counters(901, 500)), snapshot(made, [])]) {
				const refused = await post(event.id, event.key, body);
				expect(refused.status).toBe(409);
				expect(await errorOf(refused)).toMatchObject({ code: 'device_removed' });
			}
			expect(await storedState(server.db)).toEqual(before);

			// Who removed it and when, and what it had counted.
			expect(await readRemovedDevices(server.db.kysely, event.id)).toEqual([
				{ deviceId: made, removedAt: clock, removedBy: `o-${organizer}@example.org`, total: 1400 }
			]);
			// The same device in another event is untouched.
			expect(
				await server.db.kysely
					.selectFrom('counter_totals')
					.selectAll()
					.where('event_id', '=', otherEvent.id)
					.orderBy('case_id')
					.execute()
			).toEqual(otherBefore);
			expect((await post(otherEvent.id, otherEvent.key, snapshot(made, []))).status).toBe(200);
		});

		it('a removed device frees its place under the cap', async () => {
			const event = newEvent();
			const devices = [randomId(), randomId(), randomId()];
			for (const device of devices)
				await server.sync(event.id, event.key, snapshot(device, letters(1)));
			expect((await post(event.id, event.key, snapshot(randomId(), letters(1)))).status).toBe(409);
			await removeDevice(server.db, event.id, devices[0]!, 'someone', clock);
			expect((await post(event.id, event.key, snapshot(randomId(), letters(1)))).status).toBe(200);
		});
	});
}
