/** Table types for Kysely. Times are milliseconds since the epoch, stored as 64-bit integers. */

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
}

export interface Database {
	events: EventsTable;
	counters: CountersTable;
	case_packs: CasePacksTable;
	case_pack_cases: CasePackCasesTable;
	case_pack_active: CasePackActiveTable;
}
