/**
 * What the device knows of each event's syncs, and the two transactions a sync makes: reading
 * what to send, and storing what the server answered.
 */
import type { CounterTotal } from '$lib/shared/domain';
import type { StampedEventDetails } from '$lib/shared/event-details';
import type { SyncAnswer } from '$lib/shared/sync-wire';
import { db } from '../db/database';
import { totalsAfter } from '../sync/answer-totals';
import type { CounterRow, EventRow, SyncStateRow } from '../db/rows';
import { applyServerDetails } from './events';
import { acknowledgeCounters, eventCounters } from './tally';

/**
 * True for a failure recorded as the server refusing the request itself (any code but 'network'
 * and 'server'): sending the same thing again would be refused again, so it waits for a change.
 */
export const isRefusal = (error: string | null | undefined): boolean =>
	error != null && error !== 'network' && error !== 'server';

export function getSyncState(eventId: string): Promise<SyncStateRow | undefined> {
	return db().syncState.get(eventId);
}

export function listSyncStates(): Promise<SyncStateRow[]> {
	return db().syncState.toArray();
}

/** An event and its counter rows, read in one transaction so they belong to the same moment. */
export async function readForSync(
	eventId: string
): Promise<{ event: EventRow; rows: CounterRow[] } | null> {
	const database = db();
	return database.transaction('r', database.events, database.counters, async () => {
		const event = await database.events.get(eventId);
		return event ? { event, rows: await eventCounters(eventId) } : null;
	});
}

export interface AcceptedSync {
	eventId: string;
	attemptAt: number;
	/** The rows as they were sent, with the `rev` each had then. */
	sent: readonly CounterRow[];
	/** The stamp of the details that were sent. */
	sentDetails: Pick<StampedEventDetails, 'updatedAt' | 'updatedBy'>;
	/** This device's own totals included in the answer's totals. */
	ownTotals: CounterTotal[];
	answer: SyncAnswer;
	/** The cursor the request carried: the answer's totals are a delta since it, if not full. */
	sentCursor?: string;
}

/**
 * Stores an accepted sync in ONE transaction: acknowledged counters, merged details, totals.
 * The totals (with the own figures and device count that go with them) are replaced, merged
 * with a delta, or kept when the answer is older than them (answer-totals.ts). 'diverged': the
 * delta did not lead to the server's totals; the ones held stay, without a cursor, so the next
 * sync gets the full set.
 */
export async function recordAcceptedSync(sync: AcceptedSync): Promise<'stored' | 'diverged'> {
	const database = db();
	return database.transaction(
		'rw',
		database.counters,
		database.events,
		database.syncState,
		async () => {
			await acknowledgeCounters(sync.sent);
			await applyServerDetails(sync.eventId, sync.answer.event, sync.sentDetails);
			const previous = await database.syncState.get(sync.eventId);
			const update = totalsAfter(previous, sync.answer, sync.sentCursor);
			const ok = { lastAttemptAt: sync.attemptAt, lastError: null, lastErrorField: null };
			if (update.kind === 'store' || !previous) {
				await database.syncState.put({
					eventId: sync.eventId,
					lastSyncAt: sync.answer.syncedAt,
					...ok,
					refusedStamp: null,
					totals: update.kind === 'store' ? update.totals : [],
					ownAtSync: update.kind === 'store' ? sync.ownTotals : [],
					devices: sync.answer.devices,
					cursor: update.kind === 'store' ? update.cursor : null
				});
			} else {
				await database.syncState.put({
					...previous,
					...ok,
					refusedStamp: null,
					cursor: update.kind === 'diverged' ? null : previous.cursor
				});
			}
			return update.kind === 'diverged' ? 'diverged' : 'stored';
		}
	);
}

export interface FailedSync {
	eventId: string;
	attemptAt: number;
	/** 'network', 'server', 'wrong_key', or the code the server refused the snapshot with. */
	error: string;
	/** For a refused snapshot: the stamp of the details sent, and the detail at fault if named. */
	refused?: { stamp: number; field: string | null };
}

/** Keeps what the last good sync said, and notes when and why this one failed. */
export async function recordFailedSync(failed: FailedSync): Promise<void> {
	const database = db();
	await database.transaction('rw', database.syncState, async () => {
		const previous = await database.syncState.get(failed.eventId);
		await database.syncState.put({
			eventId: failed.eventId,
			lastSyncAt: previous?.lastSyncAt ?? null,
			lastAttemptAt: failed.attemptAt,
			lastError: failed.error,
			lastErrorField: failed.refused?.field ?? null,
			refusedStamp: failed.refused?.stamp ?? null,
			totals: previous?.totals ?? [],
			ownAtSync: previous?.ownAtSync ?? [],
			devices: previous?.devices ?? 0,
			cursor: previous?.cursor ?? null
		});
	});
}
