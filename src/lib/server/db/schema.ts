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

export interface Database {
	events: EventsTable;
	counters: CountersTable;
}
