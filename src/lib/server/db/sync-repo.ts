/**
 * Storage side of a sync: register-or-authenticate the event, max-merge the device's counters,
 * raise the running totals by what the device's rows grew, last-writer-wins the details and the
 * organizers' contact (two registers, each with its own stamp) and read back the event-wide
 * totals (only those moved since the request's cursor, when it sends one it may use), all in ONE
 * transaction. A known event with unchanged details and contact costs eight statements: begin,
 * touch, the device's rows, upsert, raise totals, bump the totals version, totals, commit (plus
 * one, once per event, to store its public key, and two when a device first counts). None of them
 * reads more than one device's rows or one event's totals, so a sync costs the same with 2
 * devices or 2,000. Syncs authenticate by the event key's hash; reports by QR by a signature
 * the handler has verified (SnapshotAuth): one path, one merge.
 *
 * On PostgreSQL, where each statement is a round trip, the common case (a known device of a
 * known event, nothing to register or store but counts) first tries ONE call of a function
 * doing the same steps (sync-one-trip.ts); when it declines, having changed nothing, the
 * transaction here runs as on SQLite.
 */
import type { Selectable } from 'kysely';
import { keyHashesEqual } from '$lib/server/auth/event-key';
import { compareCounterKeys } from '$lib/shared/counters';
import { isPublicKeyText } from '$lib/shared/p256';
import { SYNC_FORMAT_VERSION, type CounterKind, type Province } from '$lib/shared/domain';
import {
	DETAIL_FIELDS,
	eventDetailsOf,
	pickLatestDetails,
	stampedDetailsOf,
	type StampedEventDetails
} from '$lib/shared/event-details';
import { pickLatestContact, type StampedEventContact } from '$lib/shared/event-contact';
import type { CounterSnapshot, SyncAnswer } from '$lib/shared/sync-wire';
import { addToCheck, epochOf, formatCursor, parseCursor } from '$lib/shared/totals-cursor';
import { registrationBucket, type SyncLimits } from '$lib/server/sync/limits';
import type { AppDb } from './open';
import type { EventsTable } from './schema';
import {
	COUNTER_WIDTH,
	ROWS_PER_UPSERT,
	TOTAL_WIDTH,
	syncStatements,
	type SyncStatements
} from './sync-statements';
import { rawWriteTransaction, type RunQuery } from './transaction';
import { syncInOneTrip } from './sync-one-trip';

/**
 * How the request proved it may write to the event. A sync presents the event key (its hash
 * here). A report relayed by QR is signed: the handler has already checked the signature with
 * the report's own public key, so here that key must be the one the event is registered with;
 * for an unknown event the report registers it with its key hash and public key.
 */
export type SnapshotAuth =
	{ by: 'key'; keyHash: string } | { by: 'signature'; publicKey: string; keyHash: string };

export interface ApplySnapshot {
	eventId: string;
	auth: SnapshotAuth;
	snapshot: CounterSnapshot;
	/** Server time of this sync. */
	now: number;
	limits: SyncLimits;
	/** Whether this request may register the event if it is unknown (sync/registration.ts). */
	mayRegister: boolean;
	/** Who registers a new event, for the per-address limit; absent (tests, tools): no limit. */
	clientAddress?: string;
}

export type ApplyFailure =
	| 'wrong_key'
	| 'unknown_key'
	| 'bad_public_key'
	| 'too_many_devices'
	| 'device_removed'
	| 'too_many_registrations'
	| 'unregistered';

export type ApplyResult =
	| { ok: true; answer: SyncAnswer }
	/** `retryAfterMs` for too_many_registrations: when the address's window ends. `limit` for
	 * the limits, to say it in the answer. */
	| { ok: false; reason: ApplyFailure; retryAfterMs?: number; limit?: number };

class Refused extends Error {
	constructor(
		readonly reason: ApplyFailure,
		readonly extra: { retryAfterMs?: number; limit?: number } = {}
	) {
		super(reason);
	}
}

type StoredEvent = Pick<
	Selectable<EventsTable>,
	| 'key_hash'
	| 'name'
	| 'venue'
	| 'city'
	| 'province'
	| 'date'
	| 'details_updated_at'
	| 'details_device_id'
	| 'public_key'
	| 'group_name'
	| 'contact_email'
	| 'contact_updated_at'
	| 'contact_device_id'
	| 'device_count'
	| 'max_devices'
	| 'created_at'
	| 'totals_version'
	| 'totals_check'
>;

/** Where an event's totals stand: what a cursor names, and their check (totals-cursor.ts). */
interface TotalsState {
	version: number;
	check: number;
}

interface TotalRow {
	case_id: string;
	kind: string;
	total: number | string;
}

interface DeviceRow {
	removed_at: number | string | null;
	case_id: string | null;
	kind: string | null;
	plus: number | null;
	minus: number | null;
}

const statements = { sqlite: syncStatements('sqlite'), postgres: syncStatements('postgres') };

export async function applySnapshot(db: AppDb, input: ApplySnapshot): Promise<ApplyResult> {
	if (db.dialect !== 'postgres') return applyInTransaction(db, input);
	// One pooled connection for both tries: a fallback does not queue for the pool twice (under
	// a burst of first syncs, the second wait in the pool's queue was most of the latency).
	return db.kysely.connection().execute(async (kysely) => {
		const state = await syncInOneTrip(kysely, input);
		if (!state) return applyInTransaction({ ...db, kysely }, input);
		const { details, totals, full, createdAt, devices } = state;
		const answer = answerOf(details, totals, full, epochOf(createdAt), state, devices, input.now);
		return { ok: true, answer };
	});
}

async function applyInTransaction(db: AppDb, input: ApplySnapshot): Promise<ApplyResult> {
	try {
		const answer = await rawWriteTransaction(db, (run) =>
			apply(statements[db.dialect], run, input)
		);
		return { ok: true, answer };
	} catch (error) {
		// Thrown inside the transaction, so the rollback undoes the last_sync_at stamp too.
		if (error instanceof Refused) return { ok: false, reason: error.reason, ...error.extra };
		throw error;
	}
}

async function apply(
	sql: SyncStatements,
	run: RunQuery,
	{ eventId, auth, snapshot, now, limits, mayRegister, clientAddress }: ApplySnapshot
): Promise<SyncAnswer> {
	const publicKey = auth.by === 'signature' ? auth.publicKey : (snapshot.publicKey ?? null);
	// Checked on the curve only when it may be stored (off the hot path of a known event's sync).
	const checkKey = () => {
		if (publicKey && !isPublicKeyText(publicKey)) throw new Refused('bad_public_key');
	};
	const incoming: StampedEventDetails = {
		...snapshot.event,
		updatedBy: snapshot.event.updatedBy ?? snapshot.deviceId
	};
	let details = incoming;
	// Stamped by the sending device; absent means "no news", so a stored contact stays.
	const contact: StampedEventContact | null = snapshot.contact
		? { ...snapshot.contact, updatedBy: snapshot.deviceId }
		: null;
	let stored = (await run<StoredEvent>(sql.touchEvent(now, eventId)))[0];
	if (!stored) {
		// Registered by its first request, when that may (a key-bound id only with a proof). DO
		// NOTHING + read back makes two first syncs racing in two processes agree on one key: the
		// loser reads the winner's row and is judged by its hash.
		if (!mayRegister) throw new Refused('unregistered');
		checkKey();
		const inserted = await run(
			sql.insertEvent([
				eventId,
				auth.keyHash,
				...detailValues(incoming),
				publicKey,
				...contactValues(contact ?? NO_STORED_CONTACT),
				now,
				now
			])
		);
		if (inserted.length === 0) {
			stored = (await run<StoredEvent>(sql.touchEvent(now, eventId)))[0];
			if (!stored) throw new Error(`event ${eventId} vanished while being registered`);
		} else if (clientAddress !== undefined) {
			await claimRegistration(sql, run, clientAddress, now, limits);
		}
	}
	if (stored) {
		authenticate(stored, auth);
		if (auth.by === 'key' && publicKey && !stored.public_key) {
			// Learnt once, from a request the event key authenticated; never replaced after.
			checkKey();
			await run(sql.setPublicKey(publicKey, eventId));
		}
		const current = storedDetails(stored);
		// The same function the devices use, so server and devices pick the same winner.
		details = pickLatestDetails(current, incoming);
		if (details !== current) {
			await run(sql.updateDetails([...detailValues(details), eventId]));
		}
		if (contact) {
			const storedOne = storedContact(stored);
			if (pickLatestContact(storedOne, contact) !== storedOne) {
				await run(sql.updateContact([...contactValues(contact), eventId]));
			}
		}
	}

	let devices = stored ? Number(stored.device_count) : 0;
	let totals: TotalsState = stored
		? { version: Number(stored.totals_version), check: Number(stored.totals_check) }
		: { version: 0, check: 0 };
	const own = await run<DeviceRow>(sql.deviceRows(eventId, snapshot.deviceId));
	// Its counts were taken out by an organizer: a max-merge of its next snapshot would add them
	// all back, so the device is refused for good (with its pulls: nothing it sends counts).
	if (own.length > 0 && own[0]!.removed_at !== null) throw new Refused('device_removed');
	if (snapshot.counters.length > 0) {
		if (own.length === 0) {
			// The device's first counts for this event. Syncs of one event run one at a time (the
			// touch locks the event's row), so this count cannot race past the cap.
			const cap = stored?.max_devices ?? limits.maxDevicesPerEvent;
			if (devices >= cap) throw new Refused('too_many_devices', { limit: cap });
			await run(sql.addDevice(eventId, snapshot.deviceId, now));
			await run(sql.countDevice(eventId));
			devices += 1;
		}
		totals = await mergeCounters(sql, run, eventId, snapshot, own, now, totals);
	}

	// A new event's epoch is its created_at, which insertEvent set to `now`.
	const epoch = epochOf(stored ? Number(stored.created_at) : now);
	// Honoured only from this epoch and up to where the totals stand: a cursor from ahead (the
	// database restored from a backup) or from an event registered anew gets the full set. A
	// restored database that moved past the cursor is caught by the device, through the check.
	const cursor = parseCursor(snapshot.cursor);
	const since =
		cursor && cursor.epoch === epoch && cursor.version <= totals.version ? cursor.version : null;
	const rows = await run<TotalRow>(
		since === null ? sql.totals(eventId) : sql.totalsSince(eventId, since)
	);
	return answerOf(details, rows, since === null, epoch, totals, devices, now);
}

/** The answer, from where the event stands after the sync: one shape for both paths. `full`:
 * `rows` are every total, not only those moved since the cursor. */
function answerOf(
	details: StampedEventDetails,
	rows: TotalRow[],
	full: boolean,
	epoch: string,
	totals: TotalsState,
	devices: number,
	now: number
): SyncAnswer {
	return {
		format: SYNC_FORMAT_VERSION,
		event: stampedDetailsOf(details),
		totals: rows
			.map((row) => ({
				caseId: row.case_id,
				kind: row.kind as CounterKind,
				total: Number(row.total)
			}))
			.sort(compareCounterKeys),
		full,
		cursor: formatCursor({ epoch, version: totals.version }),
		check: totals.check,
		devices,
		syncedAt: now
	};
}

/**
 * Max-merges the device's snapshot into its rows and raises the running totals by what each row
 * grew: (max(0, new.plus - old.plus)) - (max(0, new.minus - old.minus)). `own` holds the rows as
 * stored, read in this transaction after the event's row was locked, so no other sync of the
 * event wrote them since. A row that would not grow writes nothing (a replay writes nothing).
 * Totals that move are stamped with the next totals version, which the event stores with the
 * check moved by each growth; answers where the totals stand.
 */
async function mergeCounters(
	sql: SyncStatements,
	run: RunQuery,
	eventId: string,
	snapshot: CounterSnapshot,
	own: DeviceRow[],
	now: number,
	before: TotalsState
): Promise<TotalsState> {
	const version = before.version + 1;
	let check = before.check;
	const stored = new Map<string, { plus: number; minus: number }>();
	for (const row of own) {
		if (row.case_id !== null) {
			stored.set(`${row.case_id}\u0000${row.kind}`, {
				plus: Number(row.plus),
				minus: Number(row.minus)
			});
		}
	}
	const counterValues: unknown[] = [];
	const totalValues: unknown[] = [];
	// Key order, so two transactions touching the same rows lock them in the same order.
	for (const c of [...snapshot.counters].sort(compareCounterKeys)) {
		const old = stored.get(`${c.caseId}\u0000${c.kind}`);
		const plus = Math.max(0, c.plus - (old?.plus ?? 0));
		const minus = Math.max(0, c.minus - (old?.minus ?? 0));
		// A new row is written even at 0/0, so its key shows in the totals as before.
		if (old && plus === 0 && minus === 0) continue;
		counterValues.push(eventId, snapshot.deviceId, c.caseId, c.kind, c.plus, c.minus, now);
		totalValues.push(eventId, c.caseId, c.kind, plus - minus, version);
		check = addToCheck(check, c.caseId, c.kind, plus - minus);
	}
	if (totalValues.length === 0) return before;
	const counterChunk = ROWS_PER_UPSERT * COUNTER_WIDTH;
	for (let start = 0; start < counterValues.length; start += counterChunk) {
		await run(sql.upsertCounters(counterValues.slice(start, start + counterChunk)));
	}
	const totalChunk = ROWS_PER_UPSERT * TOTAL_WIDTH;
	for (let start = 0; start < totalValues.length; start += totalChunk) {
		await run(sql.raiseTotals(totalValues.slice(start, start + totalChunk)));
	}
	await run(sql.bumpTotals(version, check, eventId));
	return { version, check };
}

/** Counts a new event against its address; over the limit, the whole registration rolls back
 * (the count included, so refused attempts do not push the window further). */
async function claimRegistration(
	sql: SyncStatements,
	run: RunQuery,
	address: string,
	now: number,
	limits: SyncLimits
): Promise<void> {
	const cutoff = now - limits.registrationWindowMs;
	const [row] = await run<{ registrations: number | string; window_started_at: number | string }>(
		sql.claimRegistration(registrationBucket(address), now, cutoff)
	);
	if (row && Number(row.registrations) > limits.registrationsPerWindow) {
		throw new Refused('too_many_registrations', {
			limit: limits.registrationsPerWindow,
			retryAfterMs: Number(row.window_started_at) + limits.registrationWindowMs - now
		});
	}
}

function authenticate(stored: StoredEvent, auth: SnapshotAuth): void {
	if (auth.by === 'key') {
		if (!keyHashesEqual(stored.key_hash, auth.keyHash)) throw new Refused('wrong_key');
		return;
	}
	// An event registered by a sync from a device that had no signing key yet: a report cannot
	// prove it comes from the event's holder. One sync online from the host stores the key.
	if (!stored.public_key) throw new Refused('unknown_key');
	if (stored.public_key !== auth.publicKey) throw new Refused('wrong_key');
}

/** In the order of DETAIL_COLUMNS. */
function detailValues(details: StampedEventDetails): unknown[] {
	return [...DETAIL_FIELDS.map((field) => details[field]), details.updatedAt, details.updatedBy];
}

/** What a new event's contact columns hold until a device sends a contact: their defaults. */
const NO_STORED_CONTACT: StampedEventContact = {
	groupName: '',
	email: '',
	updatedAt: 0,
	updatedBy: ''
};

/** In the order of CONTACT_COLUMNS. */
function contactValues(contact: StampedEventContact): unknown[] {
	return [contact.groupName, contact.email, contact.updatedAt, contact.updatedBy];
}

function storedContact(row: StoredEvent): StampedEventContact {
	return {
		groupName: row.group_name,
		email: row.contact_email,
		updatedAt: Number(row.contact_updated_at),
		updatedBy: row.contact_device_id
	};
}

function storedDetails(row: StoredEvent): StampedEventDetails {
	return {
		...eventDetailsOf({
			...row,
			province: row.province as Province,
			updatedAt: Number(row.details_updated_at)
		}),
		updatedBy: row.details_device_id
	};
}
