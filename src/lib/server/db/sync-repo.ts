/**
 * Storage side of a sync: register-or-authenticate the event, max-merge the device's counters,
 * last-writer-wins the details and the organizers' contact (two registers, each with its own
 * stamp) and read back the event-wide totals, all in ONE transaction. A known event with
 * unchanged details and contact costs five statements: begin, touch, upsert, totals, commit
 * (plus one, once per event, to store its public key). Syncs authenticate by the event
 * key's hash; reports by QR by a signature the handler has verified (SnapshotAuth): one path.
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
import type { AppDb } from './open';
import type { EventsTable } from './schema';
import {
	COUNTER_WIDTH,
	ROWS_PER_UPSERT,
	syncStatements,
	type SyncStatements
} from './sync-statements';
import { rawWriteTransaction, type RunQuery } from './transaction';

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
}

export type ApplyFailure = 'wrong_key' | 'unknown_key' | 'bad_public_key';

export type ApplyResult = { ok: true; answer: SyncAnswer } | { ok: false; reason: ApplyFailure };

class Refused extends Error {
	constructor(readonly reason: ApplyFailure) {
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
>;

interface TotalRow {
	case_id: string;
	kind: string;
	total: number | string;
	devices: number | string;
}

const statements = { sqlite: syncStatements('sqlite'), postgres: syncStatements('postgres') };

export async function applySnapshot(db: AppDb, input: ApplySnapshot): Promise<ApplyResult> {
	try {
		const answer = await rawWriteTransaction(db, (run) =>
			apply(statements[db.dialect], run, input)
		);
		return { ok: true, answer };
	} catch (error) {
		// Thrown inside the transaction, so the rollback undoes the last_sync_at stamp too.
		if (error instanceof Refused) return { ok: false, reason: error.reason };
		throw error;
	}
}

async function apply(
	sql: SyncStatements,
	run: RunQuery,
	{ eventId, auth, snapshot, now }: ApplySnapshot
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
		// Trust on first use. DO NOTHING + read back makes two first syncs racing in two processes
		// agree on one key: the loser reads the winner's row and is judged by its hash.
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

	if (snapshot.counters.length > 0) {
		// Key order, so two transactions touching the same rows lock them in the same order.
		const values = [...snapshot.counters]
			.sort(compareCounterKeys)
			.flatMap((c) => [eventId, snapshot.deviceId, c.caseId, c.kind, c.plus, c.minus, now]);
		const chunk = ROWS_PER_UPSERT * COUNTER_WIDTH;
		for (let start = 0; start < values.length; start += chunk) {
			await run(sql.upsertCounters(values.slice(start, start + chunk)));
		}
	}

	const rows = await run<TotalRow>(sql.totals(eventId));
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
		devices: rows.length > 0 ? Number(rows[0]!.devices) : 0,
		syncedAt: now
	};
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
