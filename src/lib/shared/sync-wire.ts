/**
 * The sync wire format (docs/api.md), shared by the device's sync engine and the endpoint.
 *
 * The request body is a CounterSnapshot: one device's absolute counter values for one event plus
 * its copy of the event details. It is the ONE snapshot format: a "report by QR" (report.ts)
 * carries the same object, signed with the event's P-256 key, and the server checks it with
 * parseCounterSnapshot too.
 *
 * The validators are written by hand rather than with a schema library: they run on every sync,
 * must name the exact rule broken (each has its own error code) and must stay tiny on the client.
 * `node bench/parse.js` measured a valibot schema of the same rules at 3-4x the time and almost
 * twice the gzipped bytes (docs/architecture.md, "Validation at the boundaries").
 */
import {
	CASE_KINDS,
	EVENT_CASE_ID,
	EVENT_KINDS,
	MAX_COUNTER_VALUE,
	SYNC_FORMAT_VERSION,
	type CounterKind,
	type CounterState,
	type CounterTotal
} from './domain';
import { counterKey } from './counters';
import {
	isStamp,
	parseEventDetails,
	type EventDetails,
	type StampedEventDetails
} from './event-details';
import { parseEventContact, type EventContact } from './event-contact';
import { PROOF_PATTERN, PUBLIC_KEY_PATTERN, isId } from './ids';
import { CURSOR_PATTERN, CURSOR_RULE } from './totals-cursor';

export const PUBLIC_KEY_RULE =
	'publicKey must be a P-256 point on the curve: base64url of 0x04 || x || y, 87 characters';

export const PROOF_RULE =
	'proof must be an ECDSA P-256 signature (r || s) in base64url, 86 characters';

/** The largest sync body the endpoint reads, in bytes. */
export const MAX_SYNC_BODY_BYTES = 256 * 1024;

export interface SnapshotEventDetails extends EventDetails {
	/** The device that made the last edit; defaults to the snapshot's deviceId. */
	updatedBy?: string;
}

/** One device's state for one event: the body of POST /api/events/{eventId}/sync. */
export interface CounterSnapshot {
	format: typeof SYNC_FORMAT_VERSION;
	deviceId: string;
	event: SnapshotEventDetails;
	/** Absolute values, never deltas; at most one entry per (caseId, kind). */
	counters: CounterState[];
	/** The event's public signing key (base64url of the raw P-256 point), so the server can check
	 * reports relayed by QR later. Stored only when the server has none for the event yet. */
	publicKey?: string;
	/** With publicKey, on the first sync of a key-bound event (event-id.ts): the event key's hash
	 * signed with the event's private key, which lets the sync register the id. */
	proof?: string;
	/** The organizers' contact (event-contact.ts), its own last-writer-wins register stamped
	 * (updatedAt, deviceId). Absent means "no news", never "clear"; the answer never carries it. */
	contact?: EventContact;
	/** The `cursor` of the last answer this device stored (totals-cursor.ts): the answer then holds
	 * only the totals changed since. Absent: the full set. */
	cursor?: string;
}

/** The server's active case pack, as a sync answer announces it. */
export interface PackStamp {
	/** The pack's `version`, e.g. "2027.1": what hosts see. */
	version: string;
	/** SHA-256 of the published pack, base64url; GET /api/cases carries the same `hash`. */
	hash: string;
}

/** The 200 answer: the event as merged over every device. */
export interface SyncAnswer {
	format: typeof SYNC_FORMAT_VERSION;
	event: StampedEventDetails;
	/** One entry per (caseId, kind) any device has counted, sorted by caseId then kind; with
	 * `full: false`, only those that changed since the request's cursor. */
	totals: CounterTotal[];
	/** False when `totals` is a delta since the request's cursor, to merge into the totals held;
	 * true (or absent, from older servers) when it is the full set, to replace them. */
	full?: boolean;
	/** Where the totals stand now: send it back with the next sync. Absent from older servers. */
	cursor?: string;
	/** totalsCheck() of the full set of totals as they stand now: a device that merged a delta
	 * and computes another value asks for the full set. */
	check?: number;
	/** How many devices have sent counters for this event. */
	devices: number;
	/** Server time of this sync, milliseconds since the epoch. */
	syncedAt: number;
	/** The active case pack: a device holding another downloads it after the sync. Absent from
	 * servers older than case-pack publishing. */
	pack?: PackStamp;
}

export type SyncErrorCode =
	| 'bad_request'
	| 'unsupported_format'
	| 'bad_event_id'
	| 'bad_device_id'
	| 'bad_event'
	| 'unknown_case'
	| 'unknown_kind'
	| 'bad_value'
	| 'duplicate_counter'
	| 'too_many_counters'
	| 'bad_public_key'
	| 'bad_proof'
	| 'bad_cursor';

export type WireResult<T> =
	| { ok: true; value: T }
	/** `field` names the event detail at fault for `bad_event`, so a device can point at it. */
	| { ok: false; code: SyncErrorCode; message: string; field?: string };

class WireError extends Error {
	constructor(
		readonly code: SyncErrorCode,
		message: string,
		readonly field?: string
	) {
		super(message);
	}
}

function fail(code: SyncErrorCode, message: string, field?: string): never {
	throw new WireError(code, message, field);
}

function guard<T>(parse: () => T): WireResult<T> {
	try {
		return { ok: true, value: parse() };
	} catch (error) {
		if (!(error instanceof WireError)) throw error;
		const { code, message, field } = error;
		return field ? { ok: false, code, message, field } : { ok: false, code, message };
	}
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function record(value: unknown, where: string): Record<string, unknown> {
	return isRecord(value) ? value : fail('bad_request', `${where} must be an object`);
}

function eventDetails(value: unknown, where: string): EventDetails {
	const details = parseEventDetails(record(value, where), where);
	return details.ok ? details.value : fail('bad_event', details.message, details.field);
}

function counterValue(value: unknown, where: string): number {
	if (
		typeof value !== 'number' ||
		!Number.isInteger(value) ||
		value < 0 ||
		value > MAX_COUNTER_VALUE
	) {
		fail('bad_value', `${where} must be a whole number from 0 to ${MAX_COUNTER_VALUE}`);
	}
	return value;
}

const caseKinds: readonly string[] = CASE_KINDS;
const eventKinds: readonly string[] = EVENT_KINDS;

/**
 * Validates a counter snapshot. `caseIds` are the ids of every published case pack (a case once
 * published stays countable): per-case kinds are valid for them, event kinds only for
 * EVENT_CASE_ID.
 */
export function parseCounterSnapshot(
	input: unknown,
	caseIds: ReadonlySet<string>
): WireResult<CounterSnapshot> {
	return guard(() => {
		const body = record(input, 'the body');
		if (body.format !== SYNC_FORMAT_VERSION) {
			fail(
				'unsupported_format',
				`format ${JSON.stringify(body.format) ?? 'missing'} is not supported; this server speaks format ${SYNC_FORMAT_VERSION}`
			);
		}
		if (!isId(body.deviceId)) {
			fail('bad_device_id', 'deviceId must be 16 to 64 characters of A-Z, a-z, 0-9, _ and -');
		}
		const deviceId = body.deviceId;
		const event: SnapshotEventDetails = eventDetails(body.event, 'event');
		const updatedBy = record(body.event, 'event').updatedBy;
		if (updatedBy !== undefined) {
			if (!isId(updatedBy)) fail('bad_event', 'event.updatedBy must be a device id', 'updatedBy');
			event.updatedBy = updatedBy;
		}
		let contact: EventContact | undefined;
		if (body.contact !== undefined) {
			const parsed = parseEventContact(record(body.contact, 'contact'), 'contact');
			if (!parsed.ok) fail('bad_event', parsed.message, parsed.field);
			contact = parsed.value;
		}

		if (!Array.isArray(body.counters)) fail('bad_request', 'counters must be an array');
		const raw: unknown[] = body.counters;
		const limit = caseIds.size * CASE_KINDS.length + EVENT_KINDS.length;
		if (raw.length > limit) {
			fail('too_many_counters', `counters has ${raw.length} entries; at most ${limit} exist`);
		}
		const seen = new Set<string>();
		const counters = raw.map((item, index): CounterState => {
			const where = `counters[${index}]`;
			const entry = record(item, where);
			const { caseId, kind } = entry;
			if (typeof caseId !== 'string') fail('bad_request', `${where}.caseId must be a string`);
			if (typeof kind !== 'string') fail('bad_request', `${where}.kind must be a string`);
			if (caseId === EVENT_CASE_ID) {
				if (!eventKinds.includes(kind)) {
					fail('unknown_kind', `${where}: kind "${kind}" is not counted per event`);
				}
			} else if (!caseIds.has(caseId)) {
				fail('unknown_case', `${where}: "${caseId}" is not a case of any published case pack`);
			} else if (!caseKinds.includes(kind)) {
				fail('unknown_kind', `${where}: kind "${kind}" is not counted per case`);
			}
			const plus = counterValue(entry.plus, `${where}.plus`);
			const minus = counterValue(entry.minus, `${where}.minus`);
			if (minus > plus) fail('bad_value', `${where}.minus must not exceed plus`);
			const key = counterKey(caseId, kind);
			if (seen.has(key)) fail('duplicate_counter', `${where} repeats ${caseId}/${kind}`);
			seen.add(key);
			return { caseId, kind: kind as CounterKind, plus, minus };
		});
		const snapshot: CounterSnapshot = { format: SYNC_FORMAT_VERSION, deviceId, event, counters };
		if (contact) snapshot.contact = contact;
		if (body.publicKey !== undefined) {
			// The shape only, here on every sync; the server checks the point lies on the curve
			// when it is about to store it (sync-repo), once per event.
			if (typeof body.publicKey !== 'string' || !PUBLIC_KEY_PATTERN.test(body.publicKey)) {
				fail('bad_public_key', PUBLIC_KEY_RULE);
			}
			snapshot.publicKey = body.publicKey;
		}
		if (body.proof !== undefined) {
			if (typeof body.proof !== 'string' || !PROOF_PATTERN.test(body.proof)) {
				fail('bad_proof', PROOF_RULE);
			}
			if (snapshot.publicKey === undefined) fail('bad_proof', 'A proof comes with its publicKey');
			snapshot.proof = body.proof;
		}
		if (body.cursor !== undefined) {
			// Well formed only; a cursor the server cannot honour (another epoch, a version it has
			// not reached) is no error: the answer is then the full set.
			if (typeof body.cursor !== 'string' || !CURSOR_PATTERN.test(body.cursor)) {
				fail('bad_cursor', CURSOR_RULE);
			}
			snapshot.cursor = body.cursor;
		}
		return snapshot;
	});
}

/**
 * Checks an answer's shape, for the device before it stores what the server said. It trusts the
 * server on values and only rules out what would corrupt local state.
 */
export function parseSyncAnswer(input: unknown): WireResult<SyncAnswer> {
	return guard(() => {
		const body = record(input, 'the answer');
		if (body.format !== SYNC_FORMAT_VERSION) {
			fail('unsupported_format', `answer format ${JSON.stringify(body.format)} is unknown`);
		}
		const updatedBy = record(body.event, 'event').updatedBy;
		if (!isId(updatedBy)) fail('bad_event', 'event.updatedBy must be a device id');
		const event: StampedEventDetails = { ...eventDetails(body.event, 'event'), updatedBy };
		if (!Array.isArray(body.totals)) fail('bad_request', 'totals must be an array');
		const rawTotals: unknown[] = body.totals;
		const totals = rawTotals.map((item, index): CounterTotal => {
			const entry = record(item, `totals[${index}]`);
			if (
				typeof entry.caseId !== 'string' ||
				typeof entry.kind !== 'string' ||
				!(caseKinds.includes(entry.kind) || eventKinds.includes(entry.kind)) ||
				typeof entry.total !== 'number' ||
				!Number.isInteger(entry.total)
			) {
				fail('bad_request', `totals[${index}] must be { caseId, kind, total }`);
			}
			return {
				caseId: entry.caseId as string,
				kind: entry.kind as CounterKind,
				total: entry.total as number
			};
		});
		if (typeof body.devices !== 'number' || !Number.isInteger(body.devices) || body.devices < 0) {
			fail('bad_request', 'devices must be a whole number');
		}
		if (!isStamp(body.syncedAt)) fail('bad_request', 'syncedAt must be milliseconds since epoch');
		const answer: SyncAnswer = {
			format: SYNC_FORMAT_VERSION,
			event,
			totals,
			devices: body.devices as number,
			syncedAt: body.syncedAt as number
		};
		// Optional (older servers send none), and only a hint: one that is not well formed is left
		// out rather than costing the counts their acknowledgement.
		const pack = packStamp(body.pack);
		if (pack) answer.pack = pack;
		// A delta is only usable with the cursor and check that go with it; a full set without them
		// (an older server) is stored as before, with no cursor.
		if (body.full !== undefined && typeof body.full !== 'boolean') {
			fail('bad_request', 'full must be true or false');
		}
		const cursored =
			typeof body.cursor === 'string' &&
			CURSOR_PATTERN.test(body.cursor) &&
			typeof body.check === 'number' &&
			Number.isSafeInteger(body.check);
		if (body.full === false && !cursored) {
			fail('bad_request', 'a delta (full: false) needs its cursor and check');
		}
		answer.full = body.full !== false;
		if (cursored) {
			answer.cursor = body.cursor as string;
			answer.check = body.check as number;
		}
		return answer;
	});
}

function packStamp(value: unknown): PackStamp | undefined {
	if (!isRecord(value)) return undefined;
	const { version, hash } = value;
	if (typeof version !== 'string' || version === '' || version.length > 40) return undefined;
	if (typeof hash !== 'string' || !/^[A-Za-z0-9_-]{16,128}$/.test(hash)) return undefined;
	return { version, hash };
}
