/**
 * Counts a backup brought from other devices, which this device sends on their behalf: reads for
 * the sync and the screens, and the marks a sync leaves. Rows are written by repos/backup.ts.
 */
import { countOf } from '$lib/shared/backup';
import { db } from '../db/database';
import type { RelayedRow } from '../db/rows';
import { isRefusal } from './sync-state';

/** The rows of an event the server has not acknowledged yet. */
export function pendingRelayed(eventId: string): Promise<RelayedRow[]> {
	return db()
		.relayed.where('eventId')
		.equals(eventId)
		.filter((row) => row.pending === 1)
		.toArray();
}

/**
 * Events with counts of another device still to send, leaving out those the server refused: they
 * wait for a new import or the next session rather than make every sync send them again.
 */
export async function eventsWithPendingRelayed(): Promise<Set<string>> {
	const rows = await db().relayed.where('pending').equals(1).toArray();
	return new Set(rows.filter((row) => !isRefusal(row.lastError)).map((row) => row.eventId));
}

/** How many imported counts wait to be sent, per event. */
export async function pendingRelayedCounts(): Promise<Map<string, number>> {
	const statuses = await relayedStatuses();
	return new Map([...statuses].map(([eventId, status]) => [eventId, status.waiting]));
}

export interface RelayedStatus {
	/** Imported counts not yet acknowledged by the server. */
	waiting: number;
	/** Why the last send of one of them failed, or null. */
	error: string | null;
}

/** Per event with imported counts still to send: how many, and the last failure. */
export async function relayedStatuses(): Promise<Map<string, RelayedStatus>> {
	const rows = await db().relayed.where('pending').equals(1).toArray();
	const statuses = new Map<string, RelayedStatus>();
	for (const row of rows) {
		const status = statuses.get(row.eventId) ?? { waiting: 0, error: null };
		status.waiting += countOf(row.counters);
		status.error ??= row.lastError;
		statuses.set(row.eventId, status);
	}
	return statuses;
}

/**
 * The server has these values: clear the mark, unless an import made the row grow while the
 * request was in flight (its `rev` moved), as for the device's own counters.
 */
export async function acknowledgeRelayed(sent: RelayedRow): Promise<void> {
	const database = db();
	await database.transaction('rw', database.relayed, async () => {
		const current = await database.relayed.get([sent.eventId, sent.deviceId]);
		if (!current) return;
		const unchanged = current.rev === sent.rev;
		await database.relayed.put({
			...current,
			pending: unchanged ? 0 : current.pending,
			lastError: null
		});
	});
}

/** Notes why a send failed; the row stays pending, so the next sync tries again. */
export async function recordRelayedFailure(sent: RelayedRow, error: string): Promise<void> {
	const database = db();
	await database.transaction('rw', database.relayed, async () => {
		const current = await database.relayed.get([sent.eventId, sent.deviceId]);
		if (current) await database.relayed.put({ ...current, lastError: error });
	});
}
