/**
 * PostgreSQL's sync in one round trip: the common case of a device of a known event, in
 * one call of letterday_sync_v1 (pg-sync-function.ts, which says what "common" means). Returns
 * null when the function declined, having changed nothing: the caller then runs the full
 * transaction of sync-repo.ts, which handles (or refuses) everything else.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { DETAIL_FIELDS, type StampedEventDetails } from '$lib/shared/event-details';
import type { Province } from '$lib/shared/domain';
import { checkWeight, epochOf, parseCursor } from '$lib/shared/totals-cursor';
import { CALL_SYNC_V1 } from './pg-sync-function';
import type { Database } from './schema';
import type { ApplySnapshot } from './sync-repo';

/** Where the event stands after the sync, and the totals to answer (all, or since the cursor). */
export interface OneTripState {
	details: StampedEventDetails;
	version: number;
	check: number;
	devices: number;
	createdAt: number;
	full: boolean;
	totals: { case_id: string; kind: string; total: number }[];
}

interface FunctionAnswer {
	version: number;
	check: number;
	devices: number;
	createdAt: number;
	details: [string, string, string, string, string, number, string];
	full: boolean;
	totals: [string, string, number][];
}

export async function syncInOneTrip(
	kysely: Kysely<Database>,
	{ eventId, auth, snapshot, now, limits }: ApplySnapshot
): Promise<OneTripState | null> {
	// A report relayed by QR proves itself by signature: uncommon, the full path judges it.
	if (auth.by !== 'key') return null;
	const details = snapshot.event;
	const contact = snapshot.contact;
	const counters = snapshot.counters;
	const cursor = parseCursor(snapshot.cursor);
	// The created_at the cursor's epoch names, when the epoch is one epochOf could have written:
	// then "same created_at" is exactly sync-repo.ts's "same epoch".
	const cursorCreatedAt = cursor ? parseInt(cursor.epoch, 36) : NaN;
	const epochNamed =
		Number.isSafeInteger(cursorCreatedAt) && epochOf(cursorCreatedAt) === cursor!.epoch;
	const query = CompiledQuery.raw(CALL_SYNC_V1, [
		eventId,
		auth.keyHash,
		snapshot.deviceId,
		now,
		DETAIL_FIELDS.map((field) => details[field]),
		details.updatedAt,
		details.updatedBy ?? snapshot.deviceId,
		contact ? [contact.groupName, contact.email] : null,
		contact ? contact.updatedAt : null,
		contact ? snapshot.deviceId : null,
		Boolean(snapshot.publicKey),
		counters.map((c) => c.caseId),
		counters.map((c) => c.kind),
		counters.map((c) => c.plus),
		counters.map((c) => c.minus),
		counters.map((c) => checkWeight(c.caseId, c.kind)),
		epochNamed ? cursorCreatedAt : null,
		epochNamed ? cursor!.version : null,
		limits.maxDevicesPerEvent
	]);
	const { rows } = await kysely.executeQuery<{ answer: FunctionAnswer | null }>(query);
	const answer = rows[0]?.answer;
	if (!answer) return null;
	const [name, venue, city, province, date, updatedAt, updatedBy] = answer.details;
	return {
		details: {
			name,
			venue,
			city,
			province: province as Province,
			date,
			updatedAt: Number(updatedAt),
			updatedBy
		},
		version: Number(answer.version),
		check: Number(answer.check),
		devices: Number(answer.devices),
		createdAt: Number(answer.createdAt),
		full: answer.full,
		totals: answer.totals.map(([case_id, kind, total]) => ({ case_id, kind, total }))
	};
}
