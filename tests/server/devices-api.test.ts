/**
 * GET /api/events/{eventId}/devices on SQLite and PostgreSQL: the devices that counted for an
 * event, with their actions, first and last counts, and whether an organizer removed them.
 * Authenticated by the event key as a sync is; every refusal answers the error shape, and
 * reading changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CASE_ID } from '$lib/shared/domain';
import { parseDevicesAnswer } from '$lib/shared/devices-wire';
import { randomEventKey, randomId } from '$lib/shared/ids';
import { removeDevice, setDeviceCap } from '$lib/server/db/event-devices';
import { handleDevices, type DevicesDeps } from '$lib/server/sync/devices';
import { DEFAULT_LIMITS } from '$lib/server/sync/limits';
import { backends, type TestDatabase } from './helpers/databases';
import { SyncHarness, newEvent, snapshot, someCaseIds, storedState } from './helpers/sync-requests';

const errorOf = async (response: Response) =>
	((await response.json()) as { error: { code: string; message: string } }).error;

for (const backend of backends) {
	describe.skipIf(backend.skip)(`devices of an event on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: SyncHarness;
		let clock = 1_700_000_000_000;
		const [caseA, caseB] = someCaseIds() as [string, string];
		let deps: DevicesDeps;
		const get = (eventId: string, key: string | null) =>
			handleDevices(
				new Request(`http://test.local/api/events/${encodeURIComponent(eventId)}/devices`, {
					headers: key === null ? {} : { authorization: `Bearer ${key}` }
				}),
				eventId,
				deps
			);
		const counters = (letters: number, cards: number, people = 0) => [
			{ caseId: caseA, kind: 'letter' as const, plus: letters + 3, minus: 3 },
			{ caseId: caseB, kind: 'card' as const, plus: cards, minus: 0 },
			{ caseId: EVENT_CASE_ID, kind: 'participants' as const, plus: people, minus: 0 }
		];

		beforeAll(async () => {
			testDb = await backend.create();
			server = await SyncHarness.start(testDb, () => clock);
			deps = {
				database: server.deps.database,
				limits: { ...DEFAULT_LIMITS, maxDevicesPerEvent: 3 }
			};
		});
		afterAll(async () => {
			await server?.close();
			await testDb?.destroy();
		});

		it('lists each device first counted first, with its actions, times and removal', async () => {
			const event = newEvent();
			const [host, cohost, made] = [randomId(), randomId(), randomId()];
			const start = clock;
			await server.sync(event.id, event.key, snapshot(host, counters(4, 1, 12)));
			clock += 1_000;
			await server.sync(event.id, event.key, snapshot(cohost, counters(2, 0)));
			clock += 1_000;
			await server.sync(event.id, event.key, snapshot(made, counters(90, 50)));
			clock += 60_000;
			// The host counts more later; a pull with nothing new leaves the co-host's time.
			await server.sync(event.id, event.key, snapshot(host, counters(6, 1, 12)));
			clock += 60_000;
			await server.sync(event.id, event.key, snapshot(cohost, []));
			expect(await removeDevice(server.db, event.id, made, 'an-organizer', clock)).toBe('removed');

			const response = await get(event.id, event.key);
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toBe('no-store');
			const body: unknown = await response.json();
			expect(parseDevicesAnswer(body)).toEqual(body);
			expect(body).toEqual({
				devices: [
					// Head counts are not actions: the host's 12 participants are left out.
					{
						deviceId: host,
						firstCountedAt: start,
						lastCountAt: start + 62_000,
						actions: 7,
						removed: false
					},
					{
						deviceId: cohost,
						firstCountedAt: start + 1_000,
						lastCountAt: start + 1_000,
						actions: 2,
						removed: false
					},
					{
						deviceId: made,
						firstCountedAt: start + 2_000,
						lastCountAt: start + 2_000,
						actions: 140,
						removed: true
					}
				],
				more: false
			});
		});

		it('answers an event with no device yet with an empty list', async () => {
			const event = newEvent();
			await server.sync(event.id, event.key, snapshot(randomId(), []));
			expect(await (await get(event.id, event.key)).json()).toEqual({ devices: [], more: false });
		});

		it('stops at the event cap and says there are more', async () => {
			const event = newEvent();
			const devices = [randomId(), randomId(), randomId()];
			for (const device of devices) {
				clock += 1;
				await server.sync(event.id, event.key, snapshot(device, counters(1, 0)));
			}
			await removeDevice(server.db, event.id, devices[0]!, 'an-organizer', clock);
			clock += 1;
			await server.sync(event.id, event.key, snapshot(randomId(), counters(1, 0)));
			const capped = parseDevicesAnswer(await (await get(event.id, event.key)).json());
			expect(capped?.devices.map((d) => d.deviceId)).toEqual(devices);
			expect(capped?.more).toBe(true);
			// The organizer's own cap for the event is the bound.
			expect(await setDeviceCap(server.db, event.id, 10)).toBe(true);
			const raised = parseDevicesAnswer(await (await get(event.id, event.key)).json());
			expect(raised?.devices).toHaveLength(4);
			expect(raised?.more).toBe(false);
		});

		it('refuses a wrong key (403), an unknown event (404), a bad id (400), no key (401), and changes nothing', async () => {
			const event = newEvent();
			await server.sync(event.id, event.key, snapshot(randomId(), counters(1, 1)));
			const before = await storedState(server.db);
			const cases: [Promise<Response>, number, string][] = [
				[get(event.id, randomEventKey()), 403, 'wrong_key'],
				[get(randomId(), event.key), 404, 'unknown_event'],
				[get('short', event.key), 400, 'bad_event_id'],
				[get(event.id, null), 401, 'missing_key'],
				[get(event.id, 'not-a-key'), 401, 'malformed_key']
			];
			for (const [pending, status, code] of cases) {
				const response = await pending;
				expect(response.status).toBe(status);
				expect(response.headers.get('cache-control')).toBe('no-store');
				expect(await errorOf(response)).toMatchObject({ code, message: expect.any(String) });
			}
			// Reading, refused or answered, writes nothing (not even the event's last sync time).
			await get(event.id, event.key);
			expect(await storedState(server.db)).toEqual(before);
		});

		it('answers 503 when the database is down', async () => {
			const down: DevicesDeps = {
				database: () => Promise.reject(new Error('down'))
			};
			const event = newEvent();
			const response = await handleDevices(
				new Request('http://test.local/', { headers: { authorization: `Bearer ${event.key}` } }),
				event.id,
				down
			);
			expect(response.status).toBe(503);
			expect(await errorOf(response)).toMatchObject({ code: 'db_unavailable' });
		});
	});
}
