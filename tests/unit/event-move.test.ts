/**
 * The way out of `wrong_key` (src/lib/client/repos/event-move.ts), against the real handler on a
 * real SQLite file. An older event (a random id) was registered first by someone else: the
 * host's device moves its counts to a new event, a co-host's device moves its own as it joins
 * from the new co-host link, and the server ends with every count once: none lost, none doubled,
 * even the co-host's counts that the host's device also carried from a backup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDatabase } from '$lib/client/db/database';
import type { EventRow } from '$lib/client/db/rows';
import { deviceId } from '$lib/client/repos/device';
import { moveToNewEvent } from '$lib/client/repos/event-move';
import { getEvent, joinEvent, joinPayload } from '$lib/client/repos/events';
import { getSyncState } from '$lib/client/repos/sync-state';
import { tap } from '$lib/client/repos/tally';
import { forgetSession, syncEvent } from '$lib/client/sync/sync-event';
import { postSnapshot } from '$lib/client/sync/transport';
import { SYNC_FORMAT_VERSION } from '$lib/shared/domain';
import { isKeyBoundId } from '$lib/shared/event-id';
import { randomEventKey, randomId } from '$lib/shared/ids';
import { parseJoinLink, joinLink } from '$lib/shared/join-link';
import { generateSigningKey } from '$lib/shared/p256';
import { useDevices } from '../helpers/devices';
import { sampleEvent, startEndpoint, type TestEndpoint } from '../helpers/sync-endpoint';

let server: TestEndpoint;
const device = useDevices('event-move');

beforeAll(async () => {
	server = await startEndpoint();
});
afterAll(() => server.close());

const stamp = { updatedAt: 1_000, updatedBy: 'host-device-00000001' };

/** An event made before ids were key-bound: a 22-character random id. */
async function olderEvent(): Promise<EventRow> {
	const { lang, expected, ...fields } = sampleEvent;
	return {
		...fields,
		...stamp,
		lang,
		expected,
		id: randomId(),
		key: randomEventKey(),
		signingKey: await generateSigningKey(),
		createdAt: 1_000,
		detailsDirty: 1
	};
}

/** Someone who saw the id registers it first, with a key of their own. */
async function squat(eventId: string): Promise<void> {
	const outcome = await postSnapshot(
		eventId,
		randomEventKey(),
		{
			format: SYNC_FORMAT_VERSION,
			deviceId: 'squatter-device-0001',
			event: { ...sampleEvent, ...stamp },
			counters: []
		},
		server.fetcher()
	);
	expect(outcome.ok).toBe(true);
}

async function serverTotal(eventId: string): Promise<number> {
	const rows = await server.db.kysely
		.selectFrom('counters')
		.select(['plus', 'minus'])
		.where('event_id', '=', eventId)
		.execute();
	return rows.reduce((sum, row) => sum + Number(row.plus) - Number(row.minus), 0);
}

describe('moving the counts of an event someone else registered', () => {
	it('gets every count of the host and a co-host to the server once', async () => {
		const old = await olderEvent();
		const cohost = device();
		forgetSession();
		await cohost.events.add({ ...old, detailsDirty: 0 });
		const cohostId = await deviceId();
		await tap(old.id, 'case-one', 'letter', 4);

		const host = device();
		await host.events.add(old);
		await tap(old.id, 'case-one', 'letter', 3);
		await tap(old.id, 'case-two', 'card', 2);
		// The host's device also carries 2 of the co-host's letters, from a backup file.
		await host.relayed.add({
			eventId: old.id,
			deviceId: cohostId,
			details: { ...sampleEvent, ...stamp },
			counters: [{ caseId: 'case-one', kind: 'letter', plus: 2, minus: 0 }],
			pending: 1,
			rev: 1,
			lastError: null
		});

		await squat(old.id);
		expect(await syncEvent(old.id, server.fetcher())).toMatchObject({
			ok: false,
			failure: { kind: 'wrong_key' }
		});
		expect(await getSyncState(old.id)).toMatchObject({ lastError: 'wrong_key' });

		const moved = (await moveToNewEvent(old.id))!;
		expect(isKeyBoundId(moved.id)).toBe(true);
		expect(moved).toMatchObject({ name: old.name, city: old.city, movedFrom: old.id });
		expect(moved.key).not.toBe(old.key);
		expect(await getEvent(old.id)).toBeUndefined();
		expect(await host.counters.where('eventId').equals(old.id).count()).toBe(0);
		expect(await host.syncState.get(old.id)).toBeUndefined();
		expect(await host.counters.where('eventId').equals(moved.id).toArray()).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ caseId: 'case-one', kind: 'letter', plus: 3, dirty: 1 }),
				expect.objectContaining({ caseId: 'case-two', kind: 'card', plus: 2, dirty: 1 })
			])
		);
		expect(await syncEvent(moved.id, server.fetcher())).toEqual({ ok: true });
		// 3 + 2 of the host's own, and the 2 letters carried for the co-host.
		expect(await serverTotal(moved.id)).toBe(7);

		// The co-host joins from the new co-host link, which names the old event.
		const link = parseJoinLink(joinLink('https://letterday.test', joinPayload(moved)));
		expect(link.ok && link.value.movedFrom).toBe(old.id);
		useDatabase(cohost);
		forgetSession();
		await tap(old.id, 'case-one', 'letter', 1);
		const joined = await joinEvent(link.ok ? link.value : joinPayload(moved));
		expect(joined).toMatchObject({ ok: true, event: { id: moved.id, expected: old.expected } });
		expect(await getEvent(old.id)).toBeUndefined();
		expect(await cohost.counters.get([moved.id, 'case-one', 'letter'])).toMatchObject({
			plus: 5,
			dirty: 1
		});
		expect(await syncEvent(moved.id, server.fetcher())).toEqual({ ok: true });
		// The co-host's 5 replace the 2 the host carried for it: max-merge, never a sum.
		expect(await serverTotal(moved.id)).toBe(3 + 2 + 5);
		// Nothing reached the squatted event.
		expect(await serverTotal(old.id)).toBe(0);
	});

	it('adds the old counts to what the device already counted for the new event', async () => {
		const old = await olderEvent();
		device();
		forgetSession();
		const moved = (await (async () => {
			const other = device();
			await other.events.add(old);
			return moveToNewEvent(old.id);
		})())!;
		// A device that joined the new event first, counted, then joins again from the link.
		const late = device();
		await late.events.add({ ...old, detailsDirty: 0 });
		await tap(old.id, 'case-one', 'letter', 2);
		await joinEvent({ ...joinPayload(moved), movedFrom: undefined });
		await tap(moved.id, 'case-one', 'letter', 3);
		await joinEvent(joinPayload(moved));
		expect(await late.counters.get([moved.id, 'case-one', 'letter'])).toMatchObject({
			plus: 5,
			minus: 0,
			dirty: 1
		});
		expect(await late.events.get(old.id)).toBeUndefined();
	});
});
