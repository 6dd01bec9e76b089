/**
 * Reads and writes only the event screen makes: kept out of the repos the sync engine and every
 * screen load (tally, events), so the host's first load does not carry them.
 */
import { db } from '../db/database';
import type { EventRow } from '../db/rows';

/**
 * Stores the cases the host chose to show on this event's screen (null: every case, the
 * default). A choice of this device only: nothing is marked to sync and nothing is sent.
 */
export async function setFeaturedCases(
	eventId: string,
	featured: readonly string[] | null
): Promise<void> {
	const database = db();
	await database.transaction('rw', database.events, async () => {
		const current = await database.events.get(eventId);
		if (!current) throw new Error(`event ${eventId} is not on this device`);
		const row: EventRow = { ...current, featured: featured ? [...featured] : undefined };
		if (!featured) delete row.featured;
		await database.events.put(row);
	});
}
