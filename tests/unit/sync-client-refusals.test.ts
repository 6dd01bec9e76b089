/**
 * The device facing the refusals that bound abuse (docs/api.md, "Limits"), against the real
 * handler on a real SQLite file: a device an organizer removed, and details stamped far ahead
 * of the server's clock. Either way the counts stay on the device, dirty, the refusal is
 * recorded with its code, and automatic syncs do not resend it in a loop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '$lib/client/repos/events';
import { getSyncState } from '$lib/client/repos/sync-state';
import { tap } from '$lib/client/repos/tally';
import { forgetSession, syncAll, syncEvent } from '$lib/client/sync/sync-event';
import { removeDevice } from '$lib/server/db/event-devices';
import { useDevices } from '../helpers/devices';
import { sampleEvent, startEndpoint, type TestEndpoint } from '../helpers/sync-endpoint';

let server: TestEndpoint;
const device = useDevices('refusals');

beforeAll(async () => {
	server = await startEndpoint();
});
afterAll(() => server.close());

function countingFetch() {
	const counter = { requests: 0, fetch: undefined as unknown as typeof fetch };
	counter.fetch = async (input, init) => {
		counter.requests += 1;
		return server.fetcher()(input, init);
	};
	return counter;
}

describe('refusals that bound abuse', () => {
	it('a removed device keeps its counts, records device_removed and does not loop', async () => {
		const database = device();
		forgetSession();
		const event = await createEvent(sampleEvent);
		await tap(event.id, 'case-one', 'letter', 2);
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		const { device_id: deviceId } = await server.db.kysely
			.selectFrom('counters')
			.select('device_id')
			.where('event_id', '=', event.id)
			.executeTakeFirstOrThrow();
		expect(await removeDevice(server.db, event.id, deviceId, 'organizer', Date.now())).toBe(
			'removed'
		);

		await tap(event.id, 'case-one', 'letter', 1);
		const net = countingFetch();
		expect(await syncEvent(event.id, net.fetch)).toMatchObject({
			ok: false,
			failure: { kind: 'rejected', code: 'device_removed' }
		});
		expect(await getSyncState(event.id)).toMatchObject({ lastError: 'device_removed' });
		expect(await database.counters.get([event.id, 'case-one', 'letter'])).toMatchObject({
			plus: 3,
			dirty: 1
		});
		for (let i = 0; i < 3; i += 1) await syncAll(net.fetch);
		expect(net.requests).toBe(2);
	});

	it('details stamped an hour ahead are refused as bad_event on updatedAt, without a loop', async () => {
		const database = device();
		forgetSession();
		const event = await createEvent(sampleEvent);
		await tap(event.id, 'case-two', 'card', 4);
		// A device whose clock runs an hour fast edited the details.
		const ahead = Date.now() + 60 * 60 * 1000;
		await database.events.update(event.id, { updatedAt: ahead });
		const net = countingFetch();
		expect(await syncEvent(event.id, net.fetch)).toMatchObject({
			ok: false,
			failure: { kind: 'rejected', code: 'bad_event', field: 'updatedAt' }
		});
		expect(await getSyncState(event.id)).toMatchObject({
			lastError: 'bad_event',
			refusedStamp: ahead
		});
		expect((await database.counters.get([event.id, 'case-two', 'card']))?.dirty).toBe(1);
		for (let i = 0; i < 3; i += 1) await syncAll(net.fetch);
		expect(net.requests).toBe(2);
		expect(
			await server.db.kysely.selectFrom('events').selectAll().where('id', '=', event.id).execute()
		).toEqual([]);
	});

	it('too_many_registrations (429) is retried later like a server error, not held as a refusal', async () => {
		const database = device();
		forgetSession();
		const event = await createEvent(sampleEvent);
		await tap(event.id, 'case-one', 'online', 1);
		const limited: typeof fetch = async () =>
			new Response(
				JSON.stringify({ error: { code: 'too_many_registrations', message: 'later' } }),
				{ status: 429, headers: { 'content-type': 'application/json', 'retry-after': '60' } }
			);
		expect(await syncEvent(event.id, limited)).toMatchObject({
			ok: false,
			failure: { kind: 'server', status: 429 }
		});
		expect(await getSyncState(event.id)).toMatchObject({ lastError: 'server', refusedStamp: null });
		expect((await database.counters.get([event.id, 'case-one', 'online']))?.dirty).toBe(1);
		// Once the window has passed, the next sync goes through.
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
	});
});
