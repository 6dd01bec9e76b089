/**
 * Archiving: a device-only mark that moves a past event out of the main list into "Archived".
 * Nothing a sync reads or sends changes, so an archived event keeps syncing.
 */
import { db } from '../db/database';

/** Moves an event to the "Archived" group. Touches nothing a sync reads or sends. */
export async function archiveEvent(id: string, now = Date.now()): Promise<void> {
	await db().events.update(id, { archivedAt: now });
}

/** Brings an archived event back to the main list. */
export async function unarchiveEvent(id: string): Promise<void> {
	// Dexie's update removes a key given as undefined.
	await db().events.update(id, { archivedAt: undefined });
}
