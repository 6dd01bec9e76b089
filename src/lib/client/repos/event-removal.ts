/**
 * Deleting this device's copy of an event, allowed only when nothing would be lost: everything
 * the device holds for the event reached the server, or sits unchanged in the last backup saved.
 * Apart from archiving (event-archive.ts): the events list loads this only when someone asks to
 * delete, since the backup comparison brings the backup code with it.
 */
import { db } from '../db/database';
import { inLastBackup } from './backup';
import { deviceId } from './device';

/** What the device holds for an event that the server has not acknowledged. */
export interface Unsent {
	/** This device's counters not yet acknowledged. */
	counters: number;
	/** Details (or the contact) edited since the last accepted sync. */
	details: boolean;
	/** Other devices' counts, brought by a backup file, not yet sent on their behalf. */
	relayed: number;
}

export type DeleteVerdict =
	{ allowed: true; because: 'synced' | 'backedUp' } | { allowed: false; unsent: Unsent };

/** The rule, on its own: synced, or in a backup saved since the last change. */
export function deleteVerdict(unsent: Unsent, inBackup: boolean): DeleteVerdict {
	const synced = unsent.counters === 0 && !unsent.details && unsent.relayed === 0;
	if (synced) return { allowed: true, because: 'synced' };
	if (inBackup) return { allowed: true, because: 'backedUp' };
	return { allowed: false, unsent };
}

/** Reads what decides the verdict; call inside a transaction over events, counters, relayed and
 * meta. Null when the event is not on the device. */
async function verdictNow(id: string, me: string): Promise<DeleteVerdict | null> {
	const database = db();
	const event = await database.events.get(id);
	if (!event) return null;
	const counters = await database.counters.where('[eventId+dirty]').equals([id, 1]).count();
	const relayed = await database.relayed
		.where('eventId')
		.equals(id)
		.filter((row) => row.pending === 1)
		.count();
	const unsent: Unsent = { counters, details: event.detailsDirty === 1, relayed };
	const verdict = deleteVerdict(unsent, false);
	if (verdict.allowed) return verdict;
	return deleteVerdict(unsent, await inLastBackup(event, me));
}

/** Whether this device's copy of the event may be deleted now, and if not, what is unsent. */
export async function deleteCheck(id: string): Promise<DeleteVerdict | null> {
	const me = await deviceId();
	const database = db();
	return database.transaction(
		'r',
		[database.events, database.counters, database.relayed, database.meta],
		() => verdictNow(id, me)
	);
}

/**
 * Deletes this device's copy of an event, its counters, its sync state, the counts it carried
 * for other devices and its highlights, in ONE transaction that checks the rule again first: a
 * tap or an import that landed after the person confirmed refuses the delete instead of losing
 * that count.
 */
export async function deleteEvent(id: string): Promise<DeleteVerdict | null> {
	const me = await deviceId();
	const database = db();
	return database.transaction(
		'rw',
		[
			database.events,
			database.counters,
			database.relayed,
			database.meta,
			database.syncState,
			database.highlights,
			database.highlightPhotos
		],
		async () => {
			const verdict = await verdictNow(id, me);
			if (!verdict?.allowed) return verdict;
			await database.counters.where('eventId').equals(id).delete();
			await database.relayed.where('eventId').equals(id).delete();
			// Its highlights too, sent or not: they belong to the event (issue 14).
			const highlights = await database.highlights.where('eventId').equals(id).primaryKeys();
			await database.highlightPhotos.bulkDelete(highlights);
			await database.highlights.bulkDelete(highlights);
			await database.syncState.delete(id);
			await database.events.delete(id);
			return verdict;
		}
	);
}
