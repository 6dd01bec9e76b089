/**
 * The device's sync against the real endpoint handler on a real SQLite file: only the HTTP hop
 * is replaced (the fetcher calls the handler directly), so client and server logic are both real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDatabase } from '$lib/client/db/database';
import { createEvent, updateEventDetails } from '$lib/client/repos/events';
import { tap, undo } from '$lib/client/repos/tally';
import { forgetSession, syncAll, syncEvent } from '$lib/client/sync/sync-event';
import { eventFigures } from '$lib/client/sync/event-figures';
import { counterKey, sumOfKind } from '$lib/shared/counters';
import { getSyncState } from '$lib/client/repos/sync-state';
import { eventCounters } from '$lib/client/repos/tally';
import { useDevices } from '../helpers/devices';
import { sampleEvent, startEndpoint, type TestEndpoint } from '../helpers/sync-endpoint';

let server: TestEndpoint;
const device = useDevices('device');

beforeAll(async () => {
	server = await startEndpoint();
});
afterAll(() => server.close());

const endpoint = (duringRequest?: () => Promise<void>) => server.fetcher(duringRequest);
const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

const details = sampleEvent;

async function figures(eventId: string) {
	return eventFigures(await eventCounters(eventId), await getSyncState(eventId));
}

describe('client sync', () => {
	it('brings two devices counting one event to the same totals, equal to the sum of their taps', async () => {
		const host = device();
		const event = await createEvent(details);
		await tap(event.id, 'case-one', 'letter', 3);
		await tap(event.id, 'case-two', 'card');
		expect(await syncEvent(event.id, endpoint())).toEqual({ ok: true });

		const cohost = device();
		await cohost.events.add({ ...event, detailsDirty: 0 });
		await tap(event.id, 'case-one', 'letter', 2);
		await undo(event.id, 'case-one', 'letter');
		expect(await syncEvent(event.id, endpoint())).toEqual({ ok: true });
		const cohostView = await figures(event.id);

		useDatabase(host);
		expect(await syncEvent(event.id, endpoint())).toEqual({ ok: true });
		const hostView = await figures(event.id);

		expect(hostView.all).toEqual(
			new Map([
				[counterKey('case-one', 'letter'), 4],
				[counterKey('case-two', 'card'), 1]
			])
		);
		expect(sumOfKind(cohostView.all!, 'letter')).toBe(4);
		expect(hostView.own).toEqual(
			new Map([
				[counterKey('case-one', 'letter'), 3],
				[counterKey('case-two', 'card'), 1]
			])
		);
		expect((await getSyncState(event.id))?.devices).toBe(2);
	});

	it('clears a dirty mark only for rows that did not change while the request was in flight', async () => {
		const database = device();
		const event = await createEvent(details);
		await tap(event.id, 'case-one', 'letter');
		await tap(event.id, 'case-two', 'letter');
		// A tap lands on case-one after the snapshot was read, before the answer comes back.
		const result = await syncEvent(
			event.id,
			endpoint(async () => {
				await tap(event.id, 'case-one', 'letter');
			})
		);
		expect(result).toEqual({ ok: true });
		expect((await database.counters.get([event.id, 'case-one', 'letter']))?.dirty).toBe(1);
		expect((await database.counters.get([event.id, 'case-two', 'letter']))?.dirty).toBe(0);
		// The event-wide figure already shows the tap the server has not seen.
		expect((await figures(event.id)).all?.get(counterKey('case-one', 'letter'))).toBe(2);

		await syncEvent(event.id, endpoint());
		expect((await database.counters.get([event.id, 'case-one', 'letter']))?.dirty).toBe(0);
		expect((await getSyncState(event.id))?.totals).toContainEqual({
			caseId: 'case-one',
			kind: 'letter',
			total: 2
		});
	});

	it('keeps every count and its dirty mark when the network is down, and says why', async () => {
		const database = device();
		const event = await createEvent(details);
		await tap(event.id, '_event', 'participants', 12);
		const result = await syncEvent(event.id, offline);
		expect(result).toEqual({ ok: false, failure: { kind: 'network' } });
		expect(await database.counters.get([event.id, '_event', 'participants'])).toMatchObject({
			plus: 12,
			dirty: 1
		});
		expect((await getSyncState(event.id))?.lastError).toBe('network');
		expect(await syncEvent(event.id, endpoint())).toEqual({ ok: true });
		expect((await getSyncState(event.id))?.lastError).toBeNull();
	});

	it('reports a wrong event key and leaves the counts dirty', async () => {
		const database = device();
		const event = await createEvent(details);
		await tap(event.id, 'case-one', 'petition');
		await syncEvent(event.id, endpoint());
		await database.events.update(event.id, { key: 'f'.repeat(64) });
		await tap(event.id, 'case-one', 'petition');
		const result = await syncEvent(event.id, endpoint());
		expect(result).toEqual({ ok: false, failure: { kind: 'wrong_key' } });
		expect((await database.counters.get([event.id, 'case-one', 'petition']))?.dirty).toBe(1);
	});

	it('adopts newer event details edited on another device (last writer wins)', async () => {
		const host = device();
		const event = await createEvent(details);
		await syncEvent(event.id, endpoint());
		const cohost = device();
		await cohost.events.add({
			...event,
			name: 'Renamed write-in',
			updatedAt: event.updatedAt + 1000,
			updatedBy: 'zz-other-device-0001',
			detailsDirty: 1
		});
		await syncEvent(event.id, endpoint());
		useDatabase(host);
		await syncEvent(event.id, endpoint());
		expect((await host.events.get(event.id))?.name).toBe('Renamed write-in');
		expect((await host.events.get(event.id))?.detailsDirty).toBe(0);
	});
});

describe('whole snapshot once per session', () => {
	it('restores counts a server lost, on the first sync after a reload', async () => {
		device();
		const event = await createEvent(details);
		await tap(event.id, 'case-two', 'online', 4);
		expect(await syncEvent(event.id, endpoint())).toEqual({ ok: true });
		// A later sync in the same session sends only what changed: nothing.
		let sentCounters = -1;
		const spy: typeof fetch = async (input, init) => {
			sentCounters = JSON.parse(String(init?.body)).counters.length;
			return endpoint()(input, init);
		};
		await syncEvent(event.id, spy);
		expect(sentCounters).toBe(0);

		// The server loses this event's rows (say, a restore from an older backup, which holds
		// the running totals of those same rows).
		await server.db.kysely.deleteFrom('counters').where('event_id', '=', event.id).execute();
		await server.db.kysely.deleteFrom('counter_totals').where('event_id', '=', event.id).execute();
		forgetSession(); // the host reloads the app
		await syncEvent(event.id, spy);
		expect(sentCounters).toBe(1);
		expect((await getSyncState(event.id))?.totals).toContainEqual({
			caseId: 'case-two',
			kind: 'online',
			total: 4
		});
	});
});

describe('a refused snapshot strands nothing', () => {
	it('says which detail to fix, keeps every count, never resends by itself in a loop, and sends once fixed', async () => {
		const database = device();
		forgetSession();
		const event = await createEvent(details);
		await tap(event.id, 'case-one', 'letter', 5);
		// Details an older version let through: a control character pasted into the city.
		await database.events.update(event.id, { city: 'Hali\u0007fax' });
		let requests = 0;
		const counting: typeof fetch = async (input, init) => {
			requests += 1;
			return endpoint()(input, init);
		};

		const refused = await syncEvent(event.id, counting);
		expect(refused).toMatchObject({
			ok: false,
			failure: { kind: 'rejected', code: 'bad_event', field: 'city' }
		});
		expect(await getSyncState(event.id)).toMatchObject({
			lastError: 'bad_event',
			lastErrorField: 'city',
			refusedStamp: event.updatedAt
		});
		expect((await database.counters.get([event.id, 'case-one', 'letter']))?.dirty).toBe(1);

		// Automatic syncs: one more try this session (an update may have fixed it), then none.
		await syncAll(counting);
		await syncAll(counting);
		await syncAll(counting);
		expect(requests).toBe(2);

		// The host fixes the city on the device: the next automatic sync sends it, counts exact.
		await updateEventDetails(event.id, { ...details, city: 'Halifax' });
		await syncAll(counting);
		expect(requests).toBe(3);
		expect(await getSyncState(event.id)).toMatchObject({ lastError: null, refusedStamp: null });
		expect((await getSyncState(event.id))?.totals).toEqual([
			{ caseId: 'case-one', kind: 'letter', total: 5 }
		]);
		expect(await database.counters.get([event.id, 'case-one', 'letter'])).toMatchObject({
			plus: 5,
			dirty: 0
		});
	});
});
