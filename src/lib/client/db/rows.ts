import type { CounterKind, CounterState, CounterTotal, Locale } from '$lib/shared/domain';
import type { EventContact } from '$lib/shared/event-contact';
import type { StampedEventDetails } from '$lib/shared/event-details';
import type { LocalizedCasePack, LocalizedCaseSheet } from '$lib/shared/case-pack';
import type { SigningKey } from '$lib/shared/p256';
import type { HighlightConsent, HighlightKind, HighlightPhoto } from '$lib/shared/highlight-wire';

/** One event this device hosts or co-hosts. `key` is the secret that authorizes its sync. */
export interface EventRow extends StampedEventDetails {
	id: string;
	key: string;
	/** The language the event runs in: its participant QR points at that language. */
	lang: Locale;
	expected: number | null;
	createdAt: number;
	/** 1 when details changed since the last successful sync. */
	detailsDirty: 0 | 1;
	/** The event's ECDSA P-256 key (private JWK, public x and y included): signs reports by QR.
	 * Absent on events made before reports by QR existed. Not indexed: no schema version bump. */
	signingKey?: SigningKey;
	/** The organizers' contact, with its own stamp (event-contact.ts). Absent until the host gives
	 * one, and always on a co-host's device: the co-host link never carries it. Leaves the device
	 * only in a sync request and the backup file. Not indexed: no schema version bump. */
	contact?: EventContact;
	/** The case ids the host chose to show on the event screen; absent means every case. This
	 * device's choice only: never synced, not in the event's details, not in the backup file.
	 * Not indexed: no schema version bump. */
	featured?: string[];
	/** When the host archived the event (out of the main list, into "Archived"): this device's
	 * tidying only, never synced. Not indexed: no schema version bump. */
	archivedAt?: number;
	/** The event this one replaced because the server holds that one under another key
	 * (event-move.ts): the co-host link carries it, so co-hosts' counts move here too. Never
	 * synced. Not indexed: no schema version bump. */
	movedFrom?: string;
}

/** This device's own PN-counter for one (event, case, kind). Other devices' rows stay on theirs. */
export interface CounterRow {
	eventId: string;
	caseId: string;
	kind: CounterKind;
	plus: number;
	minus: number;
	/** 1 while the server has not acknowledged the current values. */
	dirty: 0 | 1;
	/** Bumped on every write, so a sync can tell whether a row changed while it was in flight. */
	rev: number;
}

/** What the server last said about an event: totals over every device, and when. */
export interface SyncStateRow {
	eventId: string;
	lastSyncAt: number | null;
	lastAttemptAt: number | null;
	/** 'network', 'server', 'wrong_key', or the code the server refused the snapshot with. */
	lastError: string | null;
	/** For a refused snapshot: the event detail at fault, if the server named one. */
	lastErrorField?: string | null;
	/** For a refused snapshot: the details stamp that was refused. Automatic syncs wait for an
	 * edit (a new stamp) rather than send the same refused request again. */
	refusedStamp?: number | null;
	/** Totals over every device, as the server answered. */
	totals: CounterTotal[];
	/** This device's own totals as sent in that sync: the live event-wide figure is
	 * server total - own at sync + own now, so local taps show at once. */
	ownAtSync: CounterTotal[];
	devices: number;
	/** The cursor of the answer `totals` came from (sync/answer-totals.ts), sent back so the next
	 * answer holds only what changed. Absent or null: the next sync asks for the full set. Not
	 * indexed: no schema version bump. */
	cursor?: string | null;
}

export interface CaseRow {
	lang: Locale;
	id: string;
	position: number;
	sheet: LocalizedCaseSheet;
	/** 1 for a case a newer pack dropped: the sheet stays, last as known, so the counts made for
	 * it keep a name on the event screen. Not indexed: no schema version bump. */
	retired?: 1;
}

/** The pack header per language; its sheets are in `cases`. */
export type PackRow = Omit<LocalizedCasePack, 'cases'> & {
	/** The published pack's content hash (GET /api/cases); absent on packs downloaded before
	 * servers sent it. A sync answer announcing another hash means a newer pack is out. */
	hash?: string;
	etag: string;
	downloadedAt: number;
};

export interface MetaRow {
	key: string;
	value: string;
}

/**
 * Another device's counts for an event, brought by a backup file: this device sends them to the
 * server under that device's id (the server max-merges them into that device's rows), so they
 * reach the national count even if the other device never syncs.
 */
export interface RelayedRow {
	eventId: string;
	deviceId: string;
	/** The event details as that device had them. */
	details: StampedEventDetails;
	/** Absolute values, max-merged over every import. */
	counters: CounterState[];
	/** 1 while the server has not acknowledged the current values. */
	pending: 0 | 1;
	/** Bumped on every change, so a sync can tell whether the row grew while it was in flight. */
	rev: number;
	/** Why the last send failed (a code), or null. */
	lastError: string | null;
}

/**
 * A highlight made on this device (issue 14): a photo, a quote or a poem, kept with its event
 * until the server holds it whole. The id is made here, so a retried upload finds the one row.
 */
export interface HighlightRow {
	id: string;
	eventId: string;
	kind: HighlightKind;
	/** The quote or poem (line breaks kept); a photo's caption, '' allowed. */
	body: string;
	/** The author's first name; '' means anonymous. */
	author: string;
	consent: HighlightConsent;
	createdAt: number;
	updatedAt: number;
	/** The photo's facts; its bytes are in `highlightPhotos` (null for words). */
	photoMeta: HighlightPhoto | null;
	/** 'deleting': the host deleted it after its metadata went up; the server is told, then the
	 * row goes. Hidden from the screen meanwhile. */
	state: 'unsent' | 'sent' | 'deleting';
	/** 1 once the server has the metadata: a delete must then tell it. */
	announced: 0 | 1;
	/** Photo bytes the server acknowledged: where the next chunk starts. */
	received: number;
	/** Why the last upload stopped (a code the server gave), or null. */
	lastError: string | null;
	/** Bumped on every edit, so an upload in flight never marks an edited version sent. */
	rev: number;
}

/**
 * A highlight's photo as resized and re-encoded on the device (no EXIF). Apart from its row, so
 * recording upload progress rewrites a few numbers, never the photo's bytes.
 */
export interface HighlightPhotoRow {
	id: string;
	blob: Blob;
}
