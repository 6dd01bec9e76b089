/**
 * One sync of one event: read a snapshot, send it, and store the answer. Runs in the page and
 * in the service worker (Background Sync), so it holds no UI state. It reads and writes through
 * the repos only.
 */
import { SYNC_FORMAT_VERSION } from '$lib/shared/domain';
import { eventContactOf } from '$lib/shared/event-contact';
import { stampedDetailsOf } from '$lib/shared/event-details';
// Static on purpose: this module runs in the service worker too, where import() is not allowed.
import { publicKeyText } from '$lib/shared/p256';
import { isKeyBoundId, registrationProof } from '$lib/shared/event-id';
import { deviceId } from '../repos/device';
import { listEvents } from '../repos/events';
import {
	getSyncState,
	listSyncStates,
	readForSync,
	recordAcceptedSync,
	recordFailedSync
} from '../repos/sync-state';
import { eventsWithPendingRelayed } from '../repos/relayed';
import { eventsWithDirtyCounters } from '../repos/tally';
import type { EventRow, SyncStateRow } from '../db/rows';
import { followPack } from './case-pack';
import { sendRelayed } from './relay';
import type { CounterSnapshot } from '$lib/shared/sync-wire';
import { postSnapshot, type SyncFailure } from './transport';

/**
 * Events this page (or worker) has already sent whole. The first sync of an event in each session
 * sends every row, not only the dirty ones: if the server ever lost commits (restored from an older
 * backup), the device's counts flow back, and max-merge makes the resend harmless.
 */
const sentWhole = new Set<string>();

/**
 * Refused events already sent again once this session. A refused snapshot is not sent again by
 * the automatic syncs until the host edits the details, but once per session it is: an app
 * update or a new case pack on the server may have fixed what was refused.
 */
const retriedRefused = new Set<string>();
/** Events whose refused relayed counts (a backup's) were sent again this session: the same. */
const retriedRelayed = new Set<string>();

/** For tests: start a new "session", as a page reload does. */
export function forgetSession(): void {
	sentWhole.clear();
	retriedRefused.clear();
	retriedRelayed.clear();
}

export type SyncResult = { ok: true } | { ok: false; failure: SyncFailure } | { ok: 'missing' };

/** `again`: this is the one repeat after an answer whose delta diverged (answer-totals.ts). */
export async function syncEvent(
	eventId: string,
	fetcher: typeof fetch = fetch,
	again = false
): Promise<SyncResult> {
	const device = await deviceId();
	const read = await readForSync(eventId);
	if (!read) return { ok: 'missing' };
	const { event, rows } = read;
	// Counts a backup brought from other devices go first, so the answer to this device's own
	// snapshot, whose totals the screens show, already includes them.
	const retryRefused = !retriedRelayed.has(event.id);
	retriedRelayed.add(event.id);
	const registration = sentWhole.has(eventId) ? {} : await registrationFields(event);
	const relayFailure = await sendRelayed(event, fetcher, retryRefused, registration);
	if (relayFailure?.kind === 'network') {
		await recordFailedSync({ eventId: event.id, attemptAt: Date.now(), error: 'network' });
		return { ok: false, failure: relayFailure };
	}
	const sent = sentWhole.has(eventId) ? rows.filter((row) => row.dirty === 1) : rows;
	// With the whole resend, the full set of totals too (no cursor): once a session the device's
	// copy starts afresh from the server's.
	const cursor = sentWhole.has(eventId) ? (await getSyncState(eventId))?.cursor : undefined;
	const details = stampedDetailsOf(event);
	const attemptAt = Date.now();
	const snapshot: CounterSnapshot = {
		format: SYNC_FORMAT_VERSION,
		deviceId: device,
		event: details,
		counters: sent.map(({ caseId, kind, plus, minus }) => ({ caseId, kind, plus, minus })),
		...registration
	};
	if (cursor) snapshot.cursor = cursor;
	// Sent whenever the device has one, like the details: the server keeps the latest by stamp,
	// and a server restored from an older backup learns it again. A device without one sends
	// nothing, which the server reads as "no news".
	if (event.contact) snapshot.contact = eventContactOf(event.contact);
	const outcome = await postSnapshot(event.id, event.key, snapshot, fetcher);
	if (!outcome.ok) {
		const { failure } = outcome;
		if (isUnregistered(failure) && sentWhole.has(eventId)) {
			// The server no longer knows the event (restored from an older backup, say): send it
			// again whole, with the proof that registers it.
			sentWhole.delete(eventId);
			return syncEvent(eventId, fetcher);
		}
		const rejected = failure.kind === 'rejected';
		await recordFailedSync({
			eventId: event.id,
			attemptAt,
			error: rejected ? failure.code : failure.kind,
			...(rejected && { refused: { stamp: details.updatedAt, field: failure.field ?? null } })
		});
		return { ok: false, failure };
	}
	sentWhole.add(event.id);
	const stored = await recordAcceptedSync({
		eventId: event.id,
		attemptAt,
		sent,
		sentDetails: details,
		// Clean rows are already on the server with these values, so the answer's totals include
		// exactly these own figures.
		ownTotals: rows.map(({ caseId, kind, plus, minus }) => ({ caseId, kind, total: plus - minus })),
		answer: outcome.answer,
		...(cursor && { sentCursor: cursor })
	});
	// The counts are acknowledged, but the totals held are not the server's: the cursor is gone,
	// so asking again gets the full set (max-merge makes the repeat harmless). Once, never a loop.
	if (stored === 'diverged' && !again) return syncEvent(eventId, fetcher, true);
	// The counts are safe on the server by now; a newer case pack is the next thing worth having.
	// Its download failing is no failed sync: the next sync asks again.
	if (outcome.answer.pack) {
		await followPack(outcome.answer.pack, fetcher).catch((error: unknown) => {
			console.warn('case pack download failed; will retry after the next sync', error);
		});
	}
	return { ok: true };
}

/**
 * Sent once a session, with the whole resend (and with the relayed counts that go before it): the
 * server keeps the first public key it hears of, to check reports by QR, and registers a key-bound
 * event only with its proof (event-id.ts). Never sending them again spares every later sync the
 * bytes and the server the check.
 */
async function registrationFields(
	event: EventRow
): Promise<Pick<CounterSnapshot, 'publicKey' | 'proof'>> {
	const { signingKey } = event;
	if (!signingKey) return {};
	const publicKey = publicKeyText(signingKey);
	if (!isKeyBoundId(event.id)) return { publicKey };
	return { publicKey, proof: await registrationProof({ ...event, signingKey }) };
}

const isUnregistered = (failure: SyncFailure) =>
	failure.kind === 'rejected' && failure.code === 'unregistered_event';

/**
 * True when sending would repeat a request the server refused: same details, already retried
 * this session. Counts stay dirty and safe; the host sees why and can edit the event.
 */
function waitsForAFix(event: EventRow, sync: SyncStateRow | undefined): boolean {
	if (sync?.refusedStamp == null || sync.refusedStamp !== event.updatedAt) return false;
	if (retriedRefused.has(event.id)) return true;
	retriedRefused.add(event.id);
	return false;
}

/**
 * Events worth an automatic sync now (`only` narrows the choice): anything unsent, never synced,
 * or happening around today, except a refused one that waits for a fix.
 */
export async function eventsToSync(
	now = Date.now(),
	only?: ReadonlySet<string>
): Promise<string[]> {
	const [events, syncs, dirtyEvents, relayedEvents] = await Promise.all([
		listEvents(),
		listSyncStates(),
		eventsWithDirtyCounters(),
		eventsWithPendingRelayed()
	]);
	const syncOf = new Map(syncs.map((sync) => [sync.eventId, sync]));
	const day = 24 * 60 * 60 * 1000;
	return events
		.filter((event) => {
			if (only && !only.has(event.id)) return false;
			const sync = syncOf.get(event.id);
			const when = Date.parse(`${event.date}T12:00:00Z`);
			const worthIt =
				dirtyEvents.has(event.id) ||
				relayedEvents.has(event.id) ||
				event.detailsDirty === 1 ||
				!sync?.lastSyncAt ||
				Math.abs(when - now) <= 2 * day;
			return worthIt && !waitsForAFix(event, sync);
		})
		.map((event) => event.id);
}

export const BACKGROUND_SYNC_TAG = 'letterday-sync';

/**
 * The automatic sync: every event worth it (or those of `only` that are), one after another;
 * stops at the first network failure.
 */
export async function syncAll(
	fetcher: typeof fetch = fetch,
	only?: ReadonlySet<string>
): Promise<SyncResult[]> {
	const results: SyncResult[] = [];
	for (const id of await eventsToSync(Date.now(), only)) {
		const result = await syncEvent(id, fetcher);
		results.push(result);
		if (result.ok === false && result.failure.kind === 'network') break;
	}
	return results;
}
