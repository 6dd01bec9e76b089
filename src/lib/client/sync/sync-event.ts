/**
 * One sync of one event: read a snapshot, send it, and store the answer. Runs in the page and
 * in the service worker (Background Sync), so it holds no UI state.
 */
import { SYNC_FORMAT_VERSION, type CounterTotal } from '$lib/shared/domain';
import { pickLatestDetails } from '$lib/shared/counter-merge';
import type { CounterSnapshot } from '$lib/shared/sync-wire';
import { db } from '../db/database';
import type { CounterRow, EventRow } from '../db/rows';
import { deviceId } from '../repos/device';
import { postSnapshot, type SyncFailure } from './transport';

interface Snapshot {
	event: EventRow;
	sent: CounterRow[];
	ownTotals: CounterTotal[];
	body: CounterSnapshot;
}

/**
 * Events this page (or worker) has already sent whole. The first sync of an event in each session
 * sends every row, not only the dirty ones: if the server ever lost commits (restored from an older
 * backup), the device's counts flow back, and max-merge makes the resend harmless.
 */
const sentWhole = new Set<string>();

async function readSnapshot(eventId: string): Promise<Snapshot | null> {
	const database = db();
	const device = await deviceId();
	return database.transaction('r', database.events, database.counters, async () => {
		const event = await database.events.get(eventId);
		if (!event) return null;
		const rows = await database.counters.where('eventId').equals(eventId).toArray();
		const sent = sentWhole.has(eventId) ? rows.filter((row) => row.dirty === 1) : rows;
		return {
			event,
			sent,
			// Clean rows are already on the server with these values, so the answer's totals include
			// exactly these own figures.
			ownTotals: rows.map(({ caseId, kind, plus, minus }) => ({
				caseId,
				kind,
				total: plus - minus
			})),
			body: {
				format: SYNC_FORMAT_VERSION,
				deviceId: device,
				event: {
					name: event.name,
					venue: event.venue,
					city: event.city,
					province: event.province,
					date: event.date,
					updatedAt: event.updatedAt,
					updatedBy: event.updatedBy
				},
				counters: sent.map(({ caseId, kind, plus, minus }) => ({ caseId, kind, plus, minus }))
			}
		};
	});
}

/** For tests: start a new "session", as a page reload does. */
export function forgetWholeSnapshots(): void {
	sentWhole.clear();
}

export type SyncResult = { ok: true } | { ok: false; failure: SyncFailure } | { ok: 'missing' };

export async function syncEvent(
	eventId: string,
	fetcher: typeof fetch = fetch
): Promise<SyncResult> {
	const snapshot = await readSnapshot(eventId);
	if (!snapshot) return { ok: 'missing' };
	const { event, sent, ownTotals, body } = snapshot;
	const attemptAt = Date.now();
	const outcome = await postSnapshot(event.id, event.key, body, fetcher);
	const database = db();

	await database.transaction(
		'rw',
		database.counters,
		database.events,
		database.syncState,
		async () => {
			const previous = await database.syncState.get(event.id);
			if (!outcome.ok) {
				await database.syncState.put({
					eventId: event.id,
					lastSyncAt: previous?.lastSyncAt ?? null,
					lastAttemptAt: attemptAt,
					lastError:
						outcome.failure.kind === 'rejected' ? outcome.failure.code : outcome.failure.kind,
					totals: previous?.totals ?? [],
					ownAtSync: previous?.ownAtSync ?? [],
					devices: previous?.devices ?? 0
				});
				return;
			}
			sentWhole.add(event.id);
			// A row tapped again while the request was in flight keeps its dirty mark: its newer value
			// has not reached the server yet.
			for (const row of sent) {
				const current = await database.counters.get([row.eventId, row.caseId, row.kind]);
				if (current && current.dirty === 1 && current.rev === row.rev) {
					await database.counters.put({ ...current, dirty: 0 });
				}
			}
			const { answer } = outcome;
			const local = await database.events.get(event.id);
			if (local) {
				const latest = pickLatestDetails(local, answer.event);
				const detailsAcked =
					local.updatedAt === event.updatedAt && local.updatedBy === event.updatedBy;
				await database.events.put({
					...local,
					name: latest.name,
					venue: latest.venue,
					city: latest.city,
					province: latest.province,
					date: latest.date,
					updatedAt: latest.updatedAt,
					updatedBy: latest.updatedBy,
					detailsDirty: detailsAcked ? 0 : local.detailsDirty
				});
			}
			await database.syncState.put({
				eventId: event.id,
				lastSyncAt: answer.syncedAt,
				lastAttemptAt: attemptAt,
				lastError: null,
				totals: answer.totals,
				ownAtSync: ownTotals,
				devices: answer.devices
			});
		}
	);
	return outcome.ok ? { ok: true } : { ok: false, failure: outcome.failure };
}

/** Events worth a sync now: anything unsent, never synced, or happening around today. */
export async function eventsToSync(now = Date.now()): Promise<string[]> {
	const database = db();
	const [events, syncs, dirty] = await Promise.all([
		database.events.toArray(),
		database.syncState.toArray(),
		database.counters.where('dirty').equals(1).primaryKeys()
	]);
	const synced = new Set(syncs.filter((s) => s.lastSyncAt !== null).map((s) => s.eventId));
	const dirtyEvents = new Set(dirty.map(([eventId]) => eventId));
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
