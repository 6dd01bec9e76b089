/**
 * The SQL of the sync hot path, written once per dialect. Every sync runs these, so they skip
 * Kysely's query builder: building and compiling them cost about as much CPU as SQLite takes to
 * run them (profiled; see docs/performance.md). Kysely still owns connections, transactions and
 * migrations, and everything off the hot path uses the builder.
 */
import { CompiledQuery } from 'kysely';
import { DETAIL_FIELDS } from '$lib/shared/event-details';
import type { DbDialect } from './open';

/** The detail fields keep their names as columns; the stamp has two of its own. */
export const DETAIL_COLUMNS = [...DETAIL_FIELDS, 'details_updated_at', 'details_device_id'];
/** The organizers' contact (event-contact.ts) and its own stamp, written apart from the details. */
export const CONTACT_COLUMNS = [
	'group_name',
	'contact_email',
	'contact_updated_at',
	'contact_device_id'
];
const EVENT_FIELDS = ['key_hash', ...DETAIL_COLUMNS, 'public_key', ...CONTACT_COLUMNS].join(', ');
/** What touchEvent reads back: the fields, what the device cap needs, and where the totals
 * stand (their version and check, and created_at: the cursor's epoch). */
const TOUCHED_FIELDS = `${EVENT_FIELDS}, device_count, max_devices, created_at, totals_version, totals_check`;

/** Values per counter row in an upsert. */
const COUNTER_WIDTH = 7;
/** Values per running-total row: event_id, case_id, kind, delta, version. */
const TOTAL_WIDTH = 5;

/** Rows per counter upsert: far below both engines' bound-parameter limits. */
export const ROWS_PER_UPSERT = 500;

export interface SyncStatements {
	/** Stamps last_sync_at and returns the key hash and details; on PostgreSQL the UPDATE also
	 * locks the row, so syncs of one event run one at a time. No row: unknown event. */
	touchEvent(now: number, eventId: string): CompiledQuery;
	/** Registers an event unless it exists; returns a row only when this call inserted it.
	 * Values: id, key_hash, the DETAIL_COLUMNS, public_key (or null), the CONTACT_COLUMNS,
	 * created_at, last_sync_at. */
	insertEvent(values: unknown[]): CompiledQuery;
	/** Stores the event's public key only where none is stored yet: a key once learnt stays. */
	setPublicKey(publicKey: string, eventId: string): CompiledQuery;
	/** Values: the DETAIL_COLUMNS, then id. */
	updateDetails(values: unknown[]): CompiledQuery;
	/** Values: the CONTACT_COLUMNS, then id. */
	updateContact(values: unknown[]): CompiledQuery;
	/** Max-merge upsert; values are rows of event_id, device_id, case_id, kind, plus, minus,
	 * updated_at, flattened. */
	upsertCounters(values: unknown[]): CompiledQuery;
	/** removed_at, then case_id, kind, plus, minus of each of the device's rows (nulls when it
	 * has none): no row at all means the device never counted for the event. */
	deviceRows(eventId: string, deviceId: string): CompiledQuery;
	/** A device's first counts for the event: its row, and one more in events.device_count. */
	addDevice(eventId: string, deviceId: string, now: number): CompiledQuery;
	countDevice(eventId: string): CompiledQuery;
	/** Adds deltas to the running totals (creating missing keys) and stamps them with the event's
	 * new totals version; values are rows of event_id, case_id, kind, delta, version, flattened.
	 * `total = total + delta`, so on PostgreSQL two transactions touching one key compose under
	 * its row lock. */
	raiseTotals(values: unknown[]): CompiledQuery;
	/** Stores the event's new totals version and check, after its totals moved. */
	bumpTotals(version: number, check: number, eventId: string): CompiledQuery;
	/** case_id, kind, total: the running totals, one row per (case, kind). */
	totals(eventId: string): CompiledQuery;
	/** The same, only those that moved after `version`: the answer to a cursor. */
	totalsSince(eventId: string, version: number): CompiledQuery;
	/** Counts one new event for a bucket, restarting a window begun at or before `cutoff`;
	 * returns registrations, window_started_at. One statement: racing requests each count. */
	claimRegistration(bucket: string, now: number, cutoff: number): CompiledQuery;
}

export function syncStatements(dialect: DbDialect): SyncStatements {
	const pg = dialect === 'postgres';
	/** Placeholders for `count` values: $1… on PostgreSQL, ? on SQLite. */
	const slots = (count: number, from = 1) =>
		Array.from({ length: count }, (_, i) => (pg ? `$${from + i}` : '?'));
	const greatest = pg ? 'greatest' : 'max';

	const [now, id] = slots(2);
	const touch = `update events set last_sync_at = ${now} where id = ${id} returning ${TOUCHED_FIELDS}`;
	const insert = `insert into events (id, ${EVENT_FIELDS}, created_at, last_sync_at)
		values (${slots(DETAIL_COLUMNS.length + CONTACT_COLUMNS.length + 5).join(', ')})
		on conflict (id) do nothing returning id`;
	/** `update events set a = $1, b = $2 … where id = $n`, for one register's columns. */
	const updateOf = (columns: string[]) => {
		const v = slots(columns.length + 1);
		return `update events set ${columns.map((column, i) => `${column} = ${v[i]}`).join(', ')}
		where id = ${v[columns.length]}`;
	};
	const update = updateOf(DETAIL_COLUMNS);
	const updateContact = updateOf(CONTACT_COLUMNS);
	const [k1, k2] = slots(2);
	const setKey = `update events set public_key = ${k1} where id = ${k2} and public_key is null`;
	const [t1] = slots(1);
	const totals = `select case_id, kind, total from counter_totals where event_id = ${t1}`;
	const [s1, s2] = slots(2);
	// The primary key's prefix finds the event's rows; the version filter reads each at most once.
	const totalsSince = `select case_id, kind, total from counter_totals
		where event_id = ${s1} and version > ${s2}`;
	const [b1, b2, b3] = slots(3);
	const bump = `update events set totals_version = ${b1}, totals_check = ${b2} where id = ${b3}`;
	const [d1, d2] = slots(2);
	const deviceRows = `select d.removed_at, c.case_id, c.kind, c.plus, c.minus
		from event_devices d left join counters c
			on c.event_id = d.event_id and c.device_id = d.device_id
		where d.event_id = ${d1} and d.device_id = ${d2}`;
	const [a1, a2, a3] = slots(3);
	const addDevice = `insert into event_devices (event_id, device_id, first_seen_at)
		values (${a1}, ${a2}, ${a3})`;
	const countDevice = `update events set device_count = device_count + 1 where id = ${t1}`;
	// Five slots, the cutoff twice: SQLite's ? placeholders are positional.
	const [r1, r2, r3, r4, r5] = slots(5);
	// In ON CONFLICT DO UPDATE every SET expression reads the stored row from before the update.
	const claim = `insert into registration_limits (bucket, registrations, window_started_at)
		values (${r1}, 1, ${r2})
		on conflict (bucket) do update set
			registrations = case when registration_limits.window_started_at <= ${r3} then 1
				else registration_limits.registrations + 1 end,
			window_started_at = case when registration_limits.window_started_at <= ${r4} then ${r5}
				else registration_limits.window_started_at end
		returning registrations, window_started_at`;

	const upserts = new Map<number, string>();
	const upsertSql = (rows: number) => {
		let text = upserts.get(rows);
		if (!text) {
			const tuples = Array.from(
				{ length: rows },
				(_, row) => `(${slots(COUNTER_WIDTH, row * COUNTER_WIDTH + 1).join(', ')})`
			);
			// The WHERE skips rows that would not grow, so a replay writes nothing at all.
			text = `insert into counters (event_id, device_id, case_id, kind, plus, minus, updated_at)
				values ${tuples.join(', ')}
				on conflict (event_id, device_id, case_id, kind) do update set
					plus = ${greatest}(counters.plus, excluded.plus),
					minus = ${greatest}(counters.minus, excluded.minus),
					updated_at = excluded.updated_at
				where excluded.plus > counters.plus or excluded.minus > counters.minus`;
			upserts.set(rows, text);
		}
		return text;
	};

	const raises = new Map<number, string>();
	const raiseSql = (rows: number) => {
		let text = raises.get(rows);
		if (!text) {
			const tuples = Array.from(
				{ length: rows },
				(_, row) => `(${slots(TOTAL_WIDTH, row * TOTAL_WIDTH + 1).join(', ')})`
			);
			text = `insert into counter_totals (event_id, case_id, kind, total, version)
				values ${tuples.join(', ')}
				on conflict (event_id, case_id, kind) do update set
					total = counter_totals.total + excluded.total,
					version = excluded.version`;
			raises.set(rows, text);
		}
		return text;
	};

	return {
		touchEvent: (at, eventId) => CompiledQuery.raw(touch, [at, eventId]),
		insertEvent: (values) => CompiledQuery.raw(insert, values),
		updateDetails: (values) => CompiledQuery.raw(update, values),
		updateContact: (values) => CompiledQuery.raw(updateContact, values),
		setPublicKey: (publicKey, eventId) => CompiledQuery.raw(setKey, [publicKey, eventId]),
		upsertCounters: (values) => CompiledQuery.raw(upsertSql(values.length / COUNTER_WIDTH), values),
		deviceRows: (eventId, deviceId) => CompiledQuery.raw(deviceRows, [eventId, deviceId]),
		addDevice: (eventId, deviceId, at) => CompiledQuery.raw(addDevice, [eventId, deviceId, at]),
		countDevice: (eventId) => CompiledQuery.raw(countDevice, [eventId]),
		raiseTotals: (values) => CompiledQuery.raw(raiseSql(values.length / TOTAL_WIDTH), values),
		bumpTotals: (version, check, eventId) => CompiledQuery.raw(bump, [version, check, eventId]),
		totals: (eventId) => CompiledQuery.raw(totals, [eventId]),
		totalsSince: (eventId, version) => CompiledQuery.raw(totalsSince, [eventId, version]),
		claimRegistration: (bucket, at, cutoff) =>
			CompiledQuery.raw(claim, [bucket, at, cutoff, cutoff, at])
	};
}

export { COUNTER_WIDTH, TOTAL_WIDTH };
