/**
 * Migrations, in code so the built server carries them (no migration folder to ship). The same
 * list runs on SQLite and PostgreSQL, so stick to types both understand: text, integer, bigint.
 * Never edit a released migration; add the next one. Names sort in the order they run.
 */
import { PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { addToCheck } from '$lib/shared/totals-cursor';
import { SYNC_FUNCTION_V1 } from './pg-sync-function';

const migrations: Record<string, Migration> = {
	'0001_events_and_counters': {
		// Migrations run against whatever the schema was at the time, hence Kysely<unknown>.
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('events')
				.addColumn('id', 'text', (col) => col.primaryKey())
				.addColumn('key_hash', 'text', (col) => col.notNull())
				.addColumn('name', 'text', (col) => col.notNull())
				.addColumn('venue', 'text', (col) => col.notNull())
				.addColumn('city', 'text', (col) => col.notNull())
				.addColumn('province', 'text', (col) => col.notNull())
				.addColumn('date', 'text', (col) => col.notNull())
				.addColumn('details_updated_at', 'bigint', (col) => col.notNull())
				.addColumn('details_device_id', 'text', (col) => col.notNull())
				.addColumn('created_at', 'bigint', (col) => col.notNull())
				.addColumn('last_sync_at', 'bigint', (col) => col.notNull())
				.execute();
			await db.schema
				.createTable('counters')
				.addColumn('event_id', 'text', (col) =>
					col.notNull().references('events.id').onDelete('cascade')
				)
				.addColumn('device_id', 'text', (col) => col.notNull())
				.addColumn('case_id', 'text', (col) => col.notNull())
				.addColumn('kind', 'text', (col) => col.notNull())
				.addColumn('plus', 'integer', (col) => col.notNull())
				.addColumn('minus', 'integer', (col) => col.notNull())
				.addColumn('updated_at', 'bigint', (col) => col.notNull())
				// The primary key's prefix also serves "all counters of one event".
				.addPrimaryKeyConstraint('counters_pk', ['event_id', 'device_id', 'case_id', 'kind'])
				.addCheckConstraint('counters_values', sql`plus >= 0 and minus >= 0 and minus <= plus`)
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropTable('counters').execute();
			await db.schema.dropTable('events').execute();
		}
	},
	'0002_event_public_key': {
		// The event's P-256 public key (base64url of the raw point), learnt at a sync or at the
		// first relayed report; it checks reports by QR. Null for events made before it existed.
		async up(db: Kysely<unknown>) {
			await db.schema.alterTable('events').addColumn('public_key', 'text').execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.alterTable('events').dropColumn('public_key').execute();
		}
	},
	'0003_organizers': {
		// Organizer accounts, their sessions (in the database so several server processes share
		// them), one-time setup and invite tokens, and the login attempt limits (also in the
		// database, so a second process does not reset them).
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('organizers')
				.addColumn('id', 'text', (col) => col.primaryKey())
				.addColumn('email', 'text', (col) => col.notNull().unique())
				.addColumn('password_hash', 'text', (col) => col.notNull())
				.addColumn('created_at', 'bigint', (col) => col.notNull())
				.addColumn('invited_by', 'text')
				.addColumn('revoked_at', 'bigint')
				.execute();
			await db.schema
				.createTable('organizer_sessions')
				.addColumn('token_hash', 'text', (col) => col.primaryKey())
				.addColumn('organizer_id', 'text', (col) =>
					col.notNull().references('organizers.id').onDelete('cascade')
				)
				.addColumn('created_at', 'bigint', (col) => col.notNull())
				.addColumn('expires_at', 'bigint', (col) => col.notNull())
				.execute();
			await db.schema
				.createIndex('organizer_sessions_by_organizer')
				.on('organizer_sessions')
				.column('organizer_id')
				.execute();
			await db.schema
				.createTable('organizer_tokens')
				.addColumn('token_hash', 'text', (col) => col.primaryKey())
				.addColumn('purpose', 'text', (col) => col.notNull())
				.addColumn('email', 'text')
				.addColumn('created_by', 'text')
				.addColumn('created_at', 'bigint', (col) => col.notNull())
				.addColumn('expires_at', 'bigint', (col) => col.notNull())
				.addColumn('used_at', 'bigint')
				.execute();
			await db.schema
				.createTable('login_attempts')
				.addColumn('bucket', 'text', (col) => col.primaryKey())
				.addColumn('failures', 'integer', (col) => col.notNull())
				.addColumn('window_started_at', 'bigint', (col) => col.notNull())
				.addColumn('locked_until', 'bigint', (col) => col.notNull())
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropTable('login_attempts').execute();
			await db.schema.dropTable('organizer_tokens').execute();
			await db.schema.dropTable('organizer_sessions').execute();
			await db.schema.dropTable('organizers').execute();
		}
	},
	'0004_event_contact': {
		// The organizers' contact (src/lib/shared/event-contact.ts), shown to organizers only: its
		// own last-writer-wins register, stamped (contact_updated_at, contact_device_id). The
		// defaults say "no contact yet": any contact a device sends beats the stamp (0, '').
		// One column per statement: SQLite's ALTER TABLE adds one at a time.
		async up(db: Kysely<unknown>) {
			const events = () => db.schema.alterTable('events');
			await events()
				.addColumn('group_name', 'text', (col) => col.notNull().defaultTo(''))
				.execute();
			await events()
				.addColumn('contact_email', 'text', (col) => col.notNull().defaultTo(''))
				.execute();
			await events()
				.addColumn('contact_updated_at', 'bigint', (col) => col.notNull().defaultTo(0))
				.execute();
			await events()
				.addColumn('contact_device_id', 'text', (col) => col.notNull().defaultTo(''))
				.execute();
		},
		async down(db: Kysely<unknown>) {
			for (const column of [
				'contact_device_id',
				'contact_updated_at',
				'contact_email',
				'group_name'
			]) {
				await db.schema.alterTable('events').dropColumn(column).execute();
			}
		}
	},
	'0005_case_packs': {
		// Published case packs (docs/case-pack.md, "Publishing"). Every pack ever published stays:
		// its case ids stay countable for good, and organizers see the history. Ids are assigned by
		// the publisher (max + 1 under a lock), as auto-increment is spelt differently per dialect.
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('case_packs')
				.addColumn('id', 'bigint', (col) => col.primaryKey())
				.addColumn('version', 'text', (col) => col.notNull())
				// SHA-256 of `body`, base64url: two packs with the same content have the same hash.
				.addColumn('hash', 'text', (col) => col.notNull())
				// The validated pack as JSON (canonical: the schema's key order, no spacing).
				.addColumn('body', 'text', (col) => col.notNull())
				.addColumn('published_at', 'bigint', (col) => col.notNull())
				// An organizer's id, or 'seed' (the bundled sample) or 'file' (CASE_PACK_FILE).
				.addColumn('published_by', 'text', (col) => col.notNull())
				.execute();
			await db.schema
				.createIndex('case_packs_version')
				.on('case_packs')
				.column('version')
				.execute();
			// Which cases each pack held, by id and name: the ids counters may name are all of them.
			await db.schema
				.createTable('case_pack_cases')
				.addColumn('pack_id', 'bigint', (col) =>
					col.notNull().references('case_packs.id').onDelete('cascade')
				)
				.addColumn('case_id', 'text', (col) => col.notNull())
				.addColumn('name', 'text', (col) => col.notNull())
				.addPrimaryKeyConstraint('case_pack_cases_pk', ['pack_id', 'case_id'])
				.execute();
			await db.schema
				.createIndex('case_pack_cases_case')
				.on('case_pack_cases')
				.column('case_id')
				.execute();
			// One row (slot 'active'): the pack GET /api/cases and the participant pages serve. Its
			// pack_id is what every server process re-reads every few seconds.
			await db.schema
				.createTable('case_pack_active')
				.addColumn('slot', 'text', (col) => col.primaryKey())
				.addColumn('pack_id', 'bigint', (col) => col.notNull().references('case_packs.id'))
				.addColumn('activated_at', 'bigint', (col) => col.notNull())
				.addCheckConstraint('case_pack_active_one_row', sql`slot = 'active'`)
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropTable('case_pack_active').execute();
			await db.schema.dropTable('case_pack_cases').execute();
			await db.schema.dropTable('case_packs').execute();
		}
	},
	'0006_running_totals': {
		// The sum over devices of plus - minus per (event, case, kind), kept as it changes: a sync
		// raises it by the growth of the one device's rows it wrote, in the same transaction, so
		// answering with totals costs the same with 2 devices or 2,000 (DESIGN.md, "Sync model").
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('counter_totals')
				.addColumn('event_id', 'text', (col) =>
					col.notNull().references('events.id').onDelete('cascade')
				)
				.addColumn('case_id', 'text', (col) => col.notNull())
				.addColumn('kind', 'text', (col) => col.notNull())
				.addColumn('total', 'bigint', (col) => col.notNull())
				.addPrimaryKeyConstraint('counter_totals_pk', ['event_id', 'case_id', 'kind'])
				.execute();
			await sql`insert into counter_totals (event_id, case_id, kind, total)
				select event_id, case_id, kind, sum(plus - minus) from counters
				group by event_id, case_id, kind`.execute(db);
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropTable('counter_totals').execute();
		}
	},
	'0007_device_limits': {
		// What bounds one anonymous client (docs/api.md, "Limits"): the devices each event counts
		// (a cap, which an organizer may raise per event, and devices an organizer removed), and
		// new events registered per client address, counted in the database so every process
		// shares the count.
		async up(db: Kysely<unknown>) {
			await db.schema
				.alterTable('events')
				.addColumn('device_count', 'integer', (col) => col.notNull().defaultTo(0))
				.execute();
			// Null: the server's MAX_DEVICES_PER_EVENT.
			await db.schema.alterTable('events').addColumn('max_devices', 'integer').execute();
			await db.schema
				.createTable('event_devices')
				.addColumn('event_id', 'text', (col) =>
					col.notNull().references('events.id').onDelete('cascade')
				)
				.addColumn('device_id', 'text', (col) => col.notNull())
				.addColumn('first_seen_at', 'bigint', (col) => col.notNull())
				.addColumn('removed_at', 'bigint')
				// The organizer's id: who took the device's counts out.
				.addColumn('removed_by', 'text')
				.addPrimaryKeyConstraint('event_devices_pk', ['event_id', 'device_id'])
				.execute();
			await sql`insert into event_devices (event_id, device_id, first_seen_at)
				select event_id, device_id, min(updated_at) from counters
				group by event_id, device_id`.execute(db);
			await sql`update events set device_count =
				(select count(*) from event_devices where event_devices.event_id = events.id)`.execute(db);
			// A removed device's rows, moved out of counters so that nothing sums them any more,
			// yet kept: an organizer can see what was taken out.
			await db.schema
				.createTable('removed_counters')
				.addColumn('event_id', 'text', (col) =>
					col.notNull().references('events.id').onDelete('cascade')
				)
				.addColumn('device_id', 'text', (col) => col.notNull())
				.addColumn('case_id', 'text', (col) => col.notNull())
				.addColumn('kind', 'text', (col) => col.notNull())
				.addColumn('plus', 'integer', (col) => col.notNull())
				.addColumn('minus', 'integer', (col) => col.notNull())
				.addColumn('updated_at', 'bigint', (col) => col.notNull())
				.addPrimaryKeyConstraint('removed_counters_pk', [
					'event_id',
					'device_id',
					'case_id',
					'kind'
				])
				.execute();
			await db.schema
				.createTable('registration_limits')
				.addColumn('bucket', 'text', (col) => col.primaryKey())
				.addColumn('registrations', 'integer', (col) => col.notNull())
				.addColumn('window_started_at', 'bigint', (col) => col.notNull())
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropTable('registration_limits').execute();
			await db.schema.dropTable('removed_counters').execute();
			await db.schema.dropTable('event_devices').execute();
			await db.schema.alterTable('events').dropColumn('max_devices').execute();
			await db.schema.alterTable('events').dropColumn('device_count').execute();
		}
	},
	'0008_totals_cursor': {
		// Answers that carry only the totals changed since the device's cursor (totals-cursor.ts):
		// the event's totals version, bumped by each write that moves a total, the version at
		// which each total last moved, and the check of the event's totals, kept as they move.
		async up(db: Kysely<unknown>) {
			await db.schema
				.alterTable('events')
				.addColumn('totals_version', 'bigint', (col) => col.notNull().defaultTo(0))
				.execute();
			await db.schema
				.alterTable('events')
				.addColumn('totals_check', 'bigint', (col) => col.notNull().defaultTo(0))
				.execute();
			await db.schema
				.alterTable('counter_totals')
				.addColumn('version', 'bigint', (col) => col.notNull().defaultTo(0))
				.execute();
			// The check is a hash the SQL engines do not share: computed here, event by event.
			const { rows } = await sql<{
				event_id: string;
				case_id: string;
				kind: string;
				total: unknown;
			}>`
				select event_id, case_id, kind, total from counter_totals order by event_id`.execute(db);
			const checks = new Map<string, number>();
			for (const row of rows) {
				const check = checks.get(row.event_id) ?? 0;
				checks.set(row.event_id, addToCheck(check, row.case_id, row.kind, Number(row.total)));
			}
			for (const [eventId, check] of checks) {
				await sql`update events set totals_check = ${check} where id = ${eventId}`.execute(db);
			}
		},
		async down(db: Kysely<unknown>) {
			await db.schema.alterTable('counter_totals').dropColumn('version').execute();
			await db.schema.alterTable('events').dropColumn('totals_check').execute();
			await db.schema.alterTable('events').dropColumn('totals_version').execute();
		}
	},
	'0009_pg_one_trip_sync': {
		// PostgreSQL only: the common sync in one statement (pg-sync-function.ts). SQLite runs its
		// statements in-process, where a round trip costs nothing: it keeps sync-repo.ts's path.
		async up(db: Kysely<unknown>) {
			if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
			await sql.raw(SYNC_FUNCTION_V1).execute(db);
		},
		async down(db: Kysely<unknown>) {
			if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
			await sql`drop function if exists letterday_sync_v1`.execute(db);
		}
	},
	'0010_stories': {
		// What a day produced besides counts (issue 14): highlights a host sent (a photo, a quote or
		// a poem, with consent), and organizers' updates on a case. A highlight's id is made on the
		// device, so a retried upload finds its row instead of making a second one.
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('highlights')
				.addColumn('id', 'text', (col) => col.primaryKey())
				.addColumn('event_id', 'text', (col) =>
					col.notNull().references('events.id').onDelete('cascade')
				)
				.addColumn('device_id', 'text', (col) => col.notNull())
				.addColumn('kind', 'text', (col) => col.notNull())
				.addColumn('body', 'text', (col) => col.notNull())
				.addColumn('author', 'text', (col) => col.notNull())
				.addColumn('consent', 'text', (col) => col.notNull())
				.addColumn('media_type', 'text')
				.addColumn('media_size', 'bigint')
				.addColumn('media_sha256', 'text')
				.addColumn('media_width', 'integer')
				.addColumn('media_height', 'integer')
				.addColumn('media_received', 'bigint', (col) => col.notNull().defaultTo(0))
				.addColumn('created_at', 'bigint', (col) => col.notNull())
				.addColumn('received_at', 'bigint', (col) => col.notNull())
				.addColumn('completed_at', 'bigint')
				.addColumn('review', 'text', (col) => col.notNull().defaultTo('pending'))
				.addColumn('reviewed_at', 'bigint')
				.addColumn('reviewed_by', 'text')
				.addCheckConstraint('highlights_kind', sql`kind in ('photo', 'quote', 'poem')`)
				.addCheckConstraint('highlights_consent', sql`consent in ('publish', 'organizers')`)
				.addCheckConstraint('highlights_review', sql`review in ('pending', 'approved', 'hidden')`)
				.execute();
			await db.schema.createIndex('highlights_event').on('highlights').column('event_id').execute();
			await db.schema
				.createTable('case_updates')
				.addColumn('id', 'text', (col) => col.primaryKey())
				.addColumn('case_id', 'text', (col) => col.notNull())
				.addColumn('date', 'text', (col) => col.notNull())
				.addColumn('status', 'text')
				.addColumn('note_en', 'text', (col) => col.notNull())
				.addColumn('note_fr', 'text', (col) => col.notNull())
				.addColumn('published_at', 'bigint', (col) => col.notNull())
				.addColumn('published_by', 'text', (col) => col.notNull())
				.addColumn('withdrawn_at', 'bigint')
				.execute();
			await db.schema
				.createIndex('case_updates_case')
				.on('case_updates')
				.column('case_id')
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropTable('case_updates').execute();
			await db.schema.dropTable('highlights').execute();
		}
	},
	'0011_case_updates_revision': {
		// Raised by every publish or withdrawal of a case update, in the same transaction. Each
		// server process re-reads it with the active pack's id (one single-row read every
		// RECHECK_MS), so a device syncing through any process learns of the update.
		async up(db: Kysely<unknown>) {
			await db.schema
				.alterTable('case_pack_active')
				.addColumn('updates_revision', 'bigint', (col) => col.notNull().defaultTo(0))
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.alterTable('case_pack_active').dropColumn('updates_revision').execute();
		}
	}
};

export const migrationProvider: MigrationProvider = {
	getMigrations: async () => migrations
};
