/**
 * Archiving and deleting an event on the device. Deleting is refused while anything the device
 * holds for the event has not reached the server, unless the last saved backup holds it exactly
 * as it is now; an allowed delete removes every row of the event in one transaction.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readBackup, recordBackupSaved } from '$lib/client/repos/backup';
import { createEvent, getEvent } from '$lib/client/repos/events';
import { archiveEvent, unarchiveEvent } from '$lib/client/repos/event-archive';
import { deleteCheck, deleteEvent, deleteVerdict } from '$lib/client/repos/event-removal';
import { eventCounters, tap } from '$lib/client/repos/tally';
import { forgetSession, syncEvent } from '$lib/client/sync/sync-event';
import { useDevices } from '../helpers/devices';
import { sampleEvent, startEndpoint, type TestEndpoint } from '../helpers/sync-endpoint';

let server: TestEndpoint;
const device = useDevices('removal-device');

beforeAll(async () => {
	server = await startEndpoint();
});
afterAll(() => server.close());
afterEach(() => forgetSession());

const none = { counters: 0, details: false, relayed: 0 };

describe('deleteVerdict', () => {
	it('allows an event with nothing unsent', () => {
		expect(deleteVerdict(none, false)).toEqual({ allowed: true, because: 'synced' });
	});

	it('refuses each kind of unsent data on its own, unless a backup holds it', () => {
		for (const unsent of [
			{ ...none, counters: 1 },
			{ ...none, details: true },
			{ ...none, relayed: 2 }
		]) {
			expect(deleteVerdict(unsent, false)).toEqual({ allowed: false, unsent });
			expect(deleteVerdict(unsent, true)).toEqual({ allowed: true, because: 'backedUp' });
		}
	});
});

async function saveBackup() {
	await recordBackupSaved(await readBackup());
}

describe('on a device', () => {
	it('archives and unarchives without touching what the sync sends', async () => {
		const database = device();
		const event = await createEvent(sampleEvent);
		await tap(event.id, 'case-one', 'letter', 2);
		await archiveEvent(event.id, 1234);
		let row = await getEvent(event.id);
		expect(row?.archivedAt).toBe(1234);
		expect(row?.detailsDirty).toBe(1);
		expect((await eventCounters(event.id)).map((c) => c.dirty)).toEqual([1]);
		// An archived event still syncs: the server gets its counts.
		const result = await syncEvent(event.id, server.fetcher());
		expect(result.ok).toBe(true);
		expect((await eventCounters(event.id)).map((c) => c.dirty)).toEqual([0]);
		expect((await getEvent(event.id))?.archivedAt).toBe(1234);
		await unarchiveEvent(event.id);
		row = await getEvent(event.id);
		expect(row && 'archivedAt' in row).toBe(false);
		expect(await database.events.count()).toBe(1);
	});

	it('refuses to delete until synced, and then removes every row of the event', async () => {
		const database = device();
		const event = await createEvent(sampleEvent);
		const other = await createEvent({ ...sampleEvent, name: 'Another one' });
		await tap(event.id, 'case-one', 'letter', 3);
		await tap(other.id, 'case-one', 'letter', 1);

		const refused = await deleteCheck(event.id);
		expect(refused).toEqual({
			allowed: false,
			unsent: { counters: 1, details: true, relayed: 0 }
		});
		expect(await deleteEvent(event.id)).toEqual(refused);
		expect(await database.counters.where('eventId').equals(event.id).count()).toBe(1);
		expect(await getEvent(event.id)).toBeDefined();

		expect((await syncEvent(event.id, server.fetcher())).ok).toBe(true);
		expect(await database.syncState.get(event.id)).toBeDefined();
		expect(await deleteCheck(event.id)).toEqual({ allowed: true, because: 'synced' });
		expect(await deleteEvent(event.id)).toEqual({ allowed: true, because: 'synced' });

		expect(await getEvent(event.id)).toBeUndefined();
		expect(await database.counters.where('eventId').equals(event.id).count()).toBe(0);
		expect(await database.syncState.get(event.id)).toBeUndefined();
		expect(await database.relayed.where('eventId').equals(event.id).count()).toBe(0);
		// The other event is untouched.
		expect(await getEvent(other.id)).toBeDefined();
		expect((await eventCounters(other.id))[0]?.plus).toBe(1);
	});

	it('allows a delete while the last saved backup holds the event as it is, not after a tap', async () => {
		device();
		const event = await createEvent(sampleEvent);
		await tap(event.id, 'case-one', 'letter', 2);
		expect((await deleteCheck(event.id))?.allowed).toBe(false);

		// A backup made but never saved (the person cancelled) does not count.
		await readBackup();
		expect((await deleteCheck(event.id))?.allowed).toBe(false);

		await saveBackup();
		expect(await deleteCheck(event.id)).toEqual({ allowed: true, because: 'backedUp' });

		// One more letter after the backup: the file no longer holds everything.
		await tap(event.id, 'case-one', 'letter');
		expect((await deleteCheck(event.id))?.allowed).toBe(false);
		expect((await deleteEvent(event.id))?.allowed).toBe(false);
		expect(await getEvent(event.id)).toBeDefined();

		await saveBackup();
		expect((await deleteEvent(event.id))?.allowed).toBe(true);
		expect(await getEvent(event.id)).toBeUndefined();
	});

	it('says null for an event that is not on the device', async () => {
		device();
		expect(await deleteCheck('no-such-event')).toBeNull();
		expect(await deleteEvent('no-such-event')).toBeNull();
	});
});
