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

/** Values per counter row in an upsert. */
const COUNTER_WIDTH = 7;

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
	/** case_id, kind, total, devices: one row per (case, kind), devices repeated on each. */
	totals(eventId: string): CompiledQuery;
}

export function syncStatements(dialect: DbDialect): SyncStatements {
	const pg = dialect === 'postgres';
	/** Placeholders for `count` values: $1… on PostgreSQL, ? on SQLite. */
	const slots = (count: number, from = 1) =>
		Array.from({ length: count }, (_, i) => (pg ? `$${from + i}` : '?'));
	const greatest = pg ? 'greatest' : 'max';

	const [now, id] = slots(2);
	const touch = `update events set last_sync_at = ${now} where id = ${id} returning ${EVENT_FIELDS}`;
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
	// The device count rides along as an uncorrelated subquery, computed once per statement.
	const [e1, e2] = pg ? ['$1', '$1'] : ['?', '?'];
	const totals = `select case_id, kind, sum(plus - minus) as total,
			(select count(distinct device_id) from counters where event_id = ${e1}) as devices
		from counters where event_id = ${e2} group by case_id, kind`;
	const totalsParams = (eventId: string) => (pg ? [eventId] : [eventId, eventId]);

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

	return {
		touchEvent: (at, eventId) => CompiledQuery.raw(touch, [at, eventId]),
		insertEvent: (values) => CompiledQuery.raw(insert, values),
		updateDetails: (values) => CompiledQuery.raw(update, values),
		updateContact: (values) => CompiledQuery.raw(updateContact, values),
		setPublicKey: (publicKey, eventId) => CompiledQuery.raw(setKey, [publicKey, eventId]),
		upsertCounters: (values) => CompiledQuery.raw(upsertSql(values.length / COUNTER_WIDTH), values),
		totals: (eventId) => CompiledQuery.raw(totals, totalsParams(eventId))
	};
}

export { COUNTER_WIDTH };
