/**
 * The way out for an event the server holds under another key (`wrong_key`): someone registered
 * its id first, which an older event's random id allowed. The server will never take that
 * event's counts, so they move to a new event with the same details and a new identity (a
 * key-bound id nobody else can register). The host's device makes the new event; each co-host's
 * device moves its counts into it as it joins from the new co-host QR, which names the old event.
 * Every device's counts thus land in ONE event, where the max-merge per device keeps a count
 * carried by two devices (a backup's) from counting twice.
 */
import { counterKey } from '$lib/shared/counters';
import type { CounterState } from '$lib/shared/domain';
import { db } from '../db/database';
import type { EventRow } from '../db/rows';
import { notifyLocalChange } from './changes';
import { deviceId } from './device';
import { newEventIdentity } from './event-identity';

/**
 * Moves this device's counters and the counts it carries for other devices from one event to
 * another, all marked to send, and deletes the old event: the counts live in one place only.
 * The old event's taps and any the device made for the new one are different taps, so a key
 * both hold gets the sum (plus and minus each grow: still monotonic, as the sync needs). Every
 * device that moves does the same, so a count one device carries for another still matches
 * that device's own. Call inside a transaction over events, counters, relayed and syncState.
 */
export async function moveCounts(fromId: string, toId: string): Promise<void> {
	const database = db();
	const counters = await database.counters.where('eventId').equals(fromId).toArray();
	const there = await database.counters.bulkGet(
		counters.map((c) => [toId, c.caseId, c.kind] as [string, string, string])
	);
	await database.counters.bulkPut(
		counters.map((counter, i) => ({
			...counter,
			eventId: toId,
			plus: counter.plus + (there[i]?.plus ?? 0),
			minus: counter.minus + (there[i]?.minus ?? 0),
			dirty: 1 as const,
			rev: (there[i]?.rev ?? 0) + 1
		}))
	);
	const relayed = await database.relayed.where('eventId').equals(fromId).toArray();
	const carried = await database.relayed.bulkGet(
		relayed.map((r) => [toId, r.deviceId] as [string, string])
	);
	await database.relayed.bulkPut(
		relayed.map((item, i) => ({
			...item,
			eventId: toId,
			counters: sumCounters(item.counters, carried[i]?.counters ?? []),
			pending: 1 as const,
			rev: (carried[i]?.rev ?? 0) + 1,
			lastError: null
		}))
	);
	await database.counters.where('eventId').equals(fromId).delete();
	await database.relayed.where('eventId').equals(fromId).delete();
	await database.syncState.delete(fromId);
	await database.events.delete(fromId);
}

function sumCounters(a: CounterState[], b: CounterState[]): CounterState[] {
	const byKey = new Map(a.map((c) => [counterKey(c.caseId, c.kind), { ...c }]));
	for (const c of b) {
		const same = byKey.get(counterKey(c.caseId, c.kind));
		if (same) {
			same.plus += c.plus;
			same.minus += c.minus;
		} else byKey.set(counterKey(c.caseId, c.kind), { ...c });
	}
	return [...byKey.values()];
}

/** The new event, or null when the old one is no longer on the device. */
export async function moveToNewEvent(oldId: string): Promise<EventRow | null> {
	// Made before the transaction: IndexedDB transactions end at any await of other work.
	const identity = await newEventIdentity();
	const me = await deviceId();
	const database = db();
	const moved = await database.transaction(
		'rw',
		[database.events, database.counters, database.relayed, database.syncState],
		async () => {
			const old = await database.events.get(oldId);
			if (!old) return null;
			const now = Date.now();
			const row: EventRow = {
				...old,
				...identity,
				movedFrom: oldId,
				createdAt: now,
				// New stamps: the details and contact are this device's, sent with its first sync.
				updatedAt: Math.max(now, old.updatedAt + 1),
				updatedBy: me,
				detailsDirty: 1
			};
			if (old.contact) {
				row.contact = { ...old.contact, updatedAt: Math.max(now, old.contact.updatedAt + 1) };
			}
			await database.events.add(row);
			await moveCounts(oldId, row.id);
			return row;
		}
	);
	if (moved) notifyLocalChange(moved.id);
	return moved;
}
