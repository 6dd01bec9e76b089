/**
 * One sync of one event: read a snapshot, send it, and store the answer. Runs in the page and
 * in the service worker (Background Sync), so it holds no UI state. It reads and writes through
 * the repos only.
 */
import { SYNC_FORMAT_VERSION } from '$lib/shared/domain';
import { stampedDetailsOf } from '$lib/shared/event-details';
import { publicKeyText } from '$lib/shared/p256';
import { deviceId } from '../repos/device';
import { listEvents } from '../repos/events';
import {
	listSyncStates,
	readForSync,
	recordAcceptedSync,
	recordFailedSync
} from '../repos/sync-state';
import { eventsWithDirtyCounters } from '../repos/tally';
import type { CounterSnapshot } from '$lib/shared/sync-wire';
import { postSnapshot, type SyncFailure } from './transport';

/**
 * Events this page (or worker) has already sent whole. The first sync of an event in each session
 * sends every row, not only the dirty ones: if the server ever lost commits (restored from an older
 * backup), the device's counts flow back, and max-merge makes the resend harmless.
 */
const sentWhole = new Set<string>();

/** For tests: start a new "session", as a page reload does. */
export function forgetWholeSnapshots(): void {
	sentWhole.clear();
}

export type SyncResult = { ok: true } | { ok: false; failure: SyncFailure } | { ok: 'missing' };

export async function syncEvent(
	eventId: string,
	fetcher: typeof fetch = fetch
): Promise<SyncResult> {
	const device = await deviceId();
	const read = await readForSync(eventId);
	if (!read) return { ok: 'missing' };
	const { event, rows } = read;
	const sent = sentWhole.has(eventId) ? rows.filter((row) => row.dirty === 1) : rows;
	const details = stampedDetailsOf(event);
	const attemptAt = Date.now();
	const snapshot: CounterSnapshot = {
		format: SYNC_FORMAT_VERSION,
		deviceId: device,
		event: details,
		counters: sent.map(({ caseId, kind, plus, minus }) => ({ caseId, kind, plus, minus }))
	};
	// The server keeps the first public key it hears of, so reports by QR can be checked later.
	if (event.signingKey) snapshot.publicKey = publicKeyText(event.signingKey);
	const outcome = await postSnapshot(event.id, event.key, snapshot, fetcher);
	if (!outcome.ok) {
		const { failure } = outcome;
		await recordFailedSync(
			event.id,
			attemptAt,
			failure.kind === 'rejected' ? failure.code : failure.kind
		);
		return { ok: false, failure };
	}
	sentWhole.add(event.id);
	await recordAcceptedSync({
		eventId: event.id,
		attemptAt,
		sent,
		sentDetails: details,
		// Clean rows are already on the server with these values, so the answer's totals include
		// exactly these own figures.
		ownTotals: rows.map(({ caseId, kind, plus, minus }) => ({ caseId, kind, total: plus - minus })),
		answer: outcome.answer
	});
	return { ok: true };
}

/** Events worth a sync now: anything unsent, never synced, or happening around today. */
export async function eventsToSync(now = Date.now()): Promise<string[]> {
	const [events, syncs, dirtyEvents] = await Promise.all([
		listEvents(),
		listSyncStates(),
		eventsWithDirtyCounters()
	]);
	const synced = new Set(syncs.filter((s) => s.lastSyncAt !== null).map((s) => s.eventId));
	const day = 24 * 60 * 60 * 1000;
	return events
		.filter((event) => {
			const when = Date.parse(`${event.date}T12:00:00Z`);
			return (
				dirtyEvents.has(event.id) ||
				event.detailsDirty === 1 ||
				!synced.has(event.id) ||
				Math.abs(when - now) <= 2 * day
			);
		})
		.map((event) => event.id);
}

export const BACKGROUND_SYNC_TAG = 'letterday-sync';

/** Syncs every event worth it, one after another; stops at the first network failure. */
export async function syncAll(fetcher: typeof fetch = fetch): Promise<SyncResult[]> {
	const results: SyncResult[] = [];
	for (const id of await eventsToSync()) {
		const result = await syncEvent(id, fetcher);
		results.push(result);
		if (result.ok === false && result.failure.kind === 'network') break;
	}
	return results;
}
