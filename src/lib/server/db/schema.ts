/** Table types for Kysely. Times are milliseconds since the epoch, stored as 64-bit integers. */
import type { Generated } from 'kysely';

export interface EventsTable {
	id: string;
	/** SHA-256 of the event key, hex: the server never keeps the key itself. */
	key_hash: string;
	name: string;
	venue: string;
	city: string;
	province: string;
	/** YYYY-MM-DD. */
	date: string;
	/** Last-writer-wins stamp of the details: (details_updated_at, details_device_id). */
	details_updated_at: number;
	details_device_id: string;
	created_at: number;
	last_sync_at: number;
	/** The event's P-256 public key, base64url of the raw point; checks reports relayed by QR. */
	public_key: string | null;
	/** The organizers' contact, for organizers' eyes only ('' when none was given): never in a
	 * sync answer, a participant page or a QR code. Generated: the columns have defaults. */
	group_name: Generated<string>;
	contact_email: Generated<string>;
	/** Last-writer-wins stamp of the contact, apart from the details': (contact_updated_at,
	 * contact_device_id); (0, '') until a device sends one. */
	contact_updated_at: Generated<number>;
	contact_device_id: Generated<string>;
	/** Devices whose counts count (event_devices not removed): the answer's `devices`, and what
	 * the cap is checked against. */
	device_count: Generated<number>;
	/** An organizer's cap for this event; null: the server's MAX_DEVICES_PER_EVENT. */
	max_devices: number | null;
	/** Bumped by every write that moves one of the event's totals (totals-cursor.ts). */
	totals_version: Generated<number>;
	/** totalsCheck() of the event's totals, kept as they move. */
	totals_check: Generated<number>;
}

/** One device's PN-counter for one (event, case, kind); merged by max of each half. */
export interface CountersTable {
	event_id: string;
	device_id: string;
	case_id: string;
	kind: string;
	plus: number;
	minus: number;
	/** When plus or minus last grew. */
	updated_at: number;
}

/** Sum over devices of plus - minus per (event, case, kind), kept up to date by each sync. */
export interface CounterTotalsTable {
	event_id: string;
	case_id: string;
	kind: string;
	total: number;
	/** The event's totals_version when this total last moved. */
	version: Generated<number>;
}

/** A device that counted for an event; an organizer may remove its counts (removed_*). */
export interface EventDevicesTable {
	event_id: string;
	device_id: string;
	first_seen_at: number;
	removed_at: number | null;
	/** The organizer's id. */
	removed_by: string | null;
}

/** A removed device's counter rows, moved out of `counters` (same columns). */
export type RemovedCountersTable = CountersTable;

/** New events registered per client address (`address:<ip>`) in the current window. */
export interface RegistrationLimitsTable {
	bucket: string;
	registrations: number;
	window_started_at: number;
}

/** An organizer account. Emails are stored lower-cased; a revoked account cannot log in. */
export interface OrganizersTable {
	id: string;
	email: string;
	/** scrypt, in the self-describing format of auth/organizer/password.ts. */
	password_hash: string;
	created_at: number;
	invited_by: string | null;
	revoked_at: number | null;
}

/** A logged-in browser. The cookie holds the token; only its SHA-256 is kept. */
export interface OrganizerSessionsTable {
	token_hash: string;
	organizer_id: string;
	created_at: number;
	expires_at: number;
}

/** A one-time link: the first organizer's setup, or an invitation to one email. */
export interface OrganizerTokensTable {
	token_hash: string;
	purpose: 'setup' | 'invite';
	email: string | null;
	created_by: string | null;
	created_at: number;
	expires_at: number;
	used_at: number | null;
}

/** Failed logins per bucket (`account:<email>` or `address:<ip>`) in the current window. */
export interface LoginAttemptsTable {
	bucket: string;
	failures: number;
	window_started_at: number;
	locked_until: number;
}

/** One published case pack (docs/case-pack.md, "Publishing"); none is ever deleted. */
export interface CasePacksTable {
	/** Assigned by the publisher: 1 + the largest so far, so later packs have larger ids. */
	id: number;
	version: string;
	/** SHA-256 of `body`, base64url. */
	hash: string;
	/** The validated pack, JSON. */
	body: string;
	published_at: number;
	/** An organizer's id, 'seed' (the bundled sample at first start) or 'file' (CASE_PACK_FILE). */
	published_by: string;
}

/** A case of a published pack: the ids counters may name are every case_id here. */
export interface CasePackCasesTable {
	pack_id: number;
	case_id: string;
	/** The person's or group's name, the same in both languages. */
	name: string;
}

/** At most one row, slot 'active': the pack served now. */
export interface CasePackActiveTable {
	slot: 'active';
	pack_id: number;
	activated_at: number;
	/** Raised by each publish or withdrawal of a case update (migration 0011). */
	updates_revision: Generated<number>;
}

/** A highlight a host sent: a photo, a quote or a poem, with its consent. Stored once per id. */
export interface HighlightsTable {
	/** Made on the device (base64url): a retried upload finds this row. */
	id: string;
	event_id: string;
	device_id: string;
	kind: 'photo' | 'quote' | 'poem';
	/** The words of a quote or poem, or a photo's caption ('' when none). */
	body: string;
	/** The author's first name; '' for anonymous. */
	author: string;
	/** 'publish': may be published by the organizers; 'organizers': organizers only. */
	consent: 'publish' | 'organizers';
	/** A photo's declared file: its type, size, SHA-256 (base64url) and pixel size; null for words. */
	media_type: string | null;
	media_size: number | null;
	media_sha256: string | null;
	media_width: number | null;
	media_height: number | null;
	/** Bytes of the photo received so far: where a resumed upload goes on. */
	media_received: Generated<number>;
	/** The device's stamp (never later than received_at). */
	created_at: number;
	received_at: number;
	/** When the highlight, photo included, was whole and checked; null while uploading. */
	completed_at: number | null;
	/** An organizer's decision: nothing is public until 'approved' (and consent is 'publish'). */
	review: Generated<'pending' | 'approved' | 'hidden'>;
	reviewed_at: number | null;
	/** The organizer's id. */
	reviewed_by: string | null;
}

/** An organizer's dated note on a case, in both languages, optionally with a new status. */
export interface CaseUpdatesTable {
	id: string;
	case_id: string;
	/** YYYY-MM-DD: the day of the news. */
	date: string;
	/** e.g. 'released', 'charges_dropped', 'sentenced', 'still_detained'; null: no change. */
	status: string | null;
	note_en: string;
	note_fr: string;
	published_at: number;
	/** The organizer's id. */
	published_by: string;
	/** Withdrawn updates are kept, never shown. */
	withdrawn_at: number | null;
}

export interface Database {
	events: EventsTable;
	counters: CountersTable;
	counter_totals: CounterTotalsTable;
	event_devices: EventDevicesTable;
	removed_counters: RemovedCountersTable;
	registration_limits: RegistrationLimitsTable;
	case_packs: CasePacksTable;
	case_pack_cases: CasePackCasesTable;
	case_pack_active: CasePackActiveTable;
	organizers: OrganizersTable;
	organizer_sessions: OrganizerSessionsTable;
	organizer_tokens: OrganizerTokensTable;
	login_attempts: LoginAttemptsTable;
	highlights: HighlightsTable;
	case_updates: CaseUpdatesTable;
}
