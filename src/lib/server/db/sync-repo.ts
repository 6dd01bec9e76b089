/**
 * Storage side of a sync: register-or-authenticate the event, max-merge the device's counters,
 * last-writer-wins the details and read back the event-wide totals, all in ONE transaction.
 */
import type { Kysely } from 'kysely';
import { keyHashesEqual } from '$lib/server/auth/event-key';
import { compareCounterKeys, pickLatestDetails } from '$lib/shared/counter-merge';
import type { StampedEventDetails } from '$lib/shared/counter-merge';
import { SYNC_FORMAT_VERSION, type CounterKind, type Province } from '$lib/shared/domain';
import type { CounterSnapshot, SyncAnswer } from '$lib/shared/sync-wire';
import type { AppDb } from './open';
import type { Database, EventsTable } from './schema';
import { writeTransaction } from './transaction';

export interface ApplySnapshot {
	eventId: string;
	/** SHA-256 of the key the request presented. */
	keyHash: string;
	snapshot: CounterSnapshot;
	/** Server time of this sync. */
	now: number;
}

export type ApplyResult = { ok: true; answer: SyncAnswer } | { ok: false; reason: 'wrong_key' };

class WrongKey extends Error {}

/** Rows per INSERT statement: far below both engines' bound-parameter limits (7 per row). */
const ROWS_PER_STATEMENT = 500;

const EVENT_COLUMNS = [
	'key_hash',
	'name',
	'venue',
	'city',
	'province',
	'date',
	'details_updated_at',
	'details_device_id'
] as const;

type StoredEvent = Pick<EventsTable, (typeof EVENT_COLUMNS)[number]>;

export async function applySnapshot(db: AppDb, input: ApplySnapshot): Promise<ApplyResult> {
	try {
		const answer = await writeTransaction(db, (trx) => apply(db, trx, input));
		return { ok: true, answer };
	} catch (error) {
		if (error instanceof WrongKey) return { ok: false, reason: 'wrong_key' };
		throw error;
	}
}

async function apply(
	db: AppDb,
	trx: Kysely<Database>,
	{ eventId, keyHash, snapshot, now }: ApplySnapshot
): Promise<SyncAnswer> {
	const incoming: StampedEventDetails = {
		...snapshot.event,
		updatedBy: snapshot.event.updatedBy ?? snapshot.deviceId
	};
	const stored = await lockEvent(db, trx, eventId);
	let details: StampedEventDetails;
	if (!stored) {
		// Trust on first use. DO NOTHING + read back makes two first syncs racing in two processes
		// agree on one key: the loser reads the winner's row and is judged by its hash.
		const inserted = await trx
			.insertInto('events')
			.values({
				id: eventId,
				key_hash: keyHash,
				...detailColumns(incoming),
				created_at: now,
				last_sync_at: now
			})
			.onConflict((oc) => oc.column('id').doNothing())
			.returning('id')
			.executeTakeFirst();
		if (inserted) {
			details = incoming;
		} else {
			const winner = await lockEvent(db, trx, eventId);
			if (!winner) throw new Error(`event ${eventId} vanished while being registered`);
			if (!keyHashesEqual(winner.key_hash, keyHash)) throw new WrongKey();
			details = await mergeDetails(trx, eventId, winner, incoming, now);
		}
	} else {
		if (!keyHashesEqual(stored.key_hash, keyHash)) throw new WrongKey();
		details = await mergeDetails(trx, eventId, stored, incoming, now);
	}

	await upsertCounters(db, trx, eventId, snapshot, now);

	const totals = await trx
		.selectFrom('counters')
		.select((eb) => [
			'case_id',
			'kind',
			eb.fn.sum<number>(eb('plus', '-', eb.ref('minus'))).as('total')
		])
		.where('event_id', '=', eventId)
		.groupBy(['case_id', 'kind'])
		.execute();
	const devices = await trx
		.selectFrom('counters')
		.select((eb) => eb.fn.count<number>('device_id').distinct().as('n'))
		.where('event_id', '=', eventId)
		.executeTakeFirstOrThrow();

	return {
		format: SYNC_FORMAT_VERSION,
		event: publicDetails(details),
		totals: totals
			.map((row) => ({
				caseId: row.case_id,
				kind: row.kind as CounterKind,
				total: Number(row.total)
			}))
			.sort(compareCounterKeys),
		devices: Number(devices.n),
		syncedAt: now
	};
}

/** Reads the event row; on PostgreSQL also locks it, so syncs of one event run one at a time
 * (SQLite's BEGIN IMMEDIATE already serializes every write). */
async function lockEvent(
	db: AppDb,
	trx: Kysely<Database>,
	eventId: string
): Promise<StoredEvent | undefined> {
	const query = trx.selectFrom('events').select(EVENT_COLUMNS).where('id', '=', eventId);
	return (db.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

async function mergeDetails(
	trx: Kysely<Database>,
	eventId: string,
	stored: StoredEvent,
	incoming: StampedEventDetails,
	now: number
): Promise<StampedEventDetails> {
	const current = storedDetails(stored);
	// The same function the devices use, so server and devices pick the same winner.
	const winner = pickLatestDetails(current, incoming);
	await trx
		.updateTable('events')
		.set(
			winner === current ? { last_sync_at: now } : { ...detailColumns(winner), last_sync_at: now }
		)
		.where('id', '=', eventId)
		.execute();
	return winner;
}

/**
 * One atomic upsert per row: the database computes max(old, new) itself, so no read-modify-write
 * race exists even between processes. The WHERE skips rows that would not grow, which makes a
 * replay write nothing at all (updated_at included). Rows go in key order so two transactions
 * touching the same rows on PostgreSQL lock them in the same order.
 */
async function upsertCounters(
	db: AppDb,
	trx: Kysely<Database>,
	eventId: string,
	snapshot: CounterSnapshot,
	now: number
): Promise<void> {
	const rows = [...snapshot.counters].sort(compareCounterKeys).map((counter) => ({
		event_id: eventId,
		device_id: snapshot.deviceId,
		case_id: counter.caseId,
		kind: counter.kind,
		plus: counter.plus,
		minus: counter.minus,
		updated_at: now
	}));
	const greatest = db.dialect === 'postgres' ? 'greatest' : 'max';
	for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
		await trx
			.insertInto('counters')
			.values(rows.slice(start, start + ROWS_PER_STATEMENT))
			.onConflict((oc) =>
				oc
					.columns(['event_id', 'device_id', 'case_id', 'kind'])
					.doUpdateSet((eb) => ({
						plus: eb.fn<number>(greatest, ['counters.plus', 'excluded.plus']),
						minus: eb.fn<number>(greatest, ['counters.minus', 'excluded.minus']),
						updated_at: eb.ref('excluded.updated_at')
					}))
					.where((eb) =>
						eb.or([
							eb('excluded.plus', '>', eb.ref('counters.plus')),
							eb('excluded.minus', '>', eb.ref('counters.minus'))
						])
					)
			)
			.execute();
	}
}

function detailColumns(details: StampedEventDetails) {
	return {
		name: details.name,
		venue: details.venue,
		city: details.city,
		province: details.province,
		date: details.date,
		details_updated_at: details.updatedAt,
		details_device_id: details.updatedBy
	};
}

function storedDetails(row: StoredEvent): StampedEventDetails {
	return {
		name: row.name,
		venue: row.venue,
		city: row.city,
		province: row.province as Province,
		date: row.date,
		updatedAt: Number(row.details_updated_at),
		updatedBy: row.details_device_id
	};
}

/** Exactly the answer's fields, whatever else the object carried. */
function publicDetails(details: StampedEventDetails): StampedEventDetails {
	const { name, venue, city, province, date, updatedAt, updatedBy } = details;
	return { name, venue, city, province, date, updatedAt, updatedBy };
}
