/**
 * Sends the counts a backup brought from other devices, on their behalf: each pending relayed row
 * goes as that device's own snapshot (its device id, its counters) with the event's key, through
 * the same transport and endpoint as the device's own counts. The server max-merges it into that
 * device's rows, so a count already sent by the device itself, or sent twice, is not counted
 * again.
 */
import { SYNC_FORMAT_VERSION } from '$lib/shared/domain';
import type { CounterSnapshot } from '$lib/shared/sync-wire';
import type { EventRow } from '../db/rows';
import { acknowledgeRelayed, pendingRelayed, recordRelayedFailure } from '../repos/relayed';
import { isRefusal } from '../repos/sync-state';
import { postSnapshot, type SyncFailure } from './transport';

/**
 * Sends the pending relayed rows of the event; answers the first failure, or null. Rows the
 * server refused are sent again only with `retryRefused` (once a session), never in a loop.
 */
export async function sendRelayed(
	event: Pick<EventRow, 'id' | 'key'>,
	fetcher: typeof fetch,
	retryRefused: boolean,
	/** The event's public key and registration proof when this is the session's first send. */
	registration: Pick<CounterSnapshot, 'publicKey' | 'proof'> = {}
): Promise<SyncFailure | null> {
	let first: SyncFailure | null = null;
	for (const row of await pendingRelayed(event.id)) {
		if (isRefusal(row.lastError) && !retryRefused) continue;
		const outcome = await postSnapshot(
			event.id,
			event.key,
			{
				format: SYNC_FORMAT_VERSION,
				deviceId: row.deviceId,
				event: row.details,
				counters: row.counters,
				...registration
			},
			fetcher
		);
		if (outcome.ok) {
			await acknowledgeRelayed(row);
			continue;
		}
		const { failure } = outcome;
		await recordRelayedFailure(row, failure.kind === 'rejected' ? failure.code : failure.kind);
		first ??= failure;
		// With no network the other rows would fail the same way.
		if (failure.kind === 'network') break;
	}
	return first;
}
