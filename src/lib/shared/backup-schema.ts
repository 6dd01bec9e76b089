/**
 * The backup file's format (docs/backup.md) as a valibot schema; `Backup` and `BackupEvent` are
 * inferred from it. The host app loads this module only when a host opens a backup file (a
 * dynamic import on the status screen), so valibot stays out of the first load.
 *
 * Each event's counts are kept in the sync snapshot shape and checked by the sync wire's own
 * parser (`parseCounterSnapshot`), so a file never carries what the server would refuse. A file
 * with any problem yields no backup at all; each problem names the event (index and name) and
 * the field, with a code the screen turns into words in the host's language.
 */
import * as v from 'valibot';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES } from './backup';
import { CASE_ID_PATTERN, MAX_CASES } from './case-pack';
import { CASE_KINDS, EVENT_CASE_ID, EVENT_KINDS, LOCALES, MAX_COUNTER_VALUE } from './domain';
import { isStamp } from './event-details';
import { EVENT_KEY_PATTERN, ID_PATTERN } from './ids';
import { parseSigningKeyText } from './p256';
import { parseCounterSnapshot, type CounterSnapshot, type SyncErrorCode } from './sync-wire';

export { MAX_BACKUP_BYTES };

/** Far more than a host runs in a year; a file past these bounds is not a backup of ours. */
export const MAX_BACKUP_EVENTS = 200;
/** The device's own snapshot plus those it carries for other devices. */
export const MAX_BACKUP_SNAPSHOTS = 20;
export const MAX_BACKUP_COUNTERS = MAX_CASES * CASE_KINDS.length + EVENT_KINDS.length;

/** What is wrong, as a code: the screen says it in words, in the host's language. */
export type BackupProblem =
	| 'too_big'
	| 'not_json'
	| 'not_backup'
	| 'newer_version'
	| 'missing'
	| 'bad_field'
	| 'too_many_events'
	| 'duplicate_event'
	| 'no_snapshot'
	| 'too_many_snapshots'
	| 'duplicate_snapshot'
	| 'bad_id'
	| 'bad_key'
	| 'bad_details'
	| 'bad_case'
	| 'bad_kind'
	| 'bad_value'
	| 'duplicate_counter'
	| 'too_many_counters';

export interface BackupIssue {
	problem: BackupProblem;
	/** Index in `events` when the problem is inside an event, else null. */
	eventIndex: number | null;
	/** The event's name as written in the file, when it has one. */
	eventName: string | null;
	/** Where inside the event (or the file): `snapshots[0].counters[3].plus`; "" for the whole. */
	path: string;
	/** The same in English, for logs and tests. */
	message: string;
}

export type BackupParse = { ok: true; backup: Backup } | { ok: false; issues: BackupIssue[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const wireProblems: Record<SyncErrorCode, BackupProblem> = {
	bad_request: 'bad_field',
	unsupported_format: 'bad_field',
	bad_event_id: 'bad_id',
	bad_device_id: 'bad_id',
	bad_event: 'bad_details',
	unknown_case: 'bad_case',
	unknown_kind: 'bad_kind',
	bad_value: 'bad_value',
	duplicate_counter: 'duplicate_counter',
	too_many_counters: 'too_many_counters',
	bad_public_key: 'bad_field',
	bad_proof: 'bad_field',
	bad_cursor: 'bad_field'
};

/** The wire parser's messages start with where the problem is: "counters[3].plus must …". */
const WIRE_PATH =
	/^(counters\[\d+\](?:\.\w+)?|(?:event|contact)\.\w+|deviceId|format|counters|event|contact)/;

/** The case ids a snapshot names that have a case id's shape: the device may not have the pack. */
function caseIdsIn(counters: unknown): ReadonlySet<string> {
	const ids = new Set<string>([EVENT_CASE_ID]);
	if (!Array.isArray(counters)) return ids;
	for (const entry of counters as unknown[]) {
		const caseId = isRecord(entry) ? entry.caseId : undefined;
		if (typeof caseId === 'string' && caseId.length <= 64 && CASE_ID_PATTERN.test(caseId)) {
			ids.add(caseId);
		}
	}
	return ids;
}

/** Problems are carried as `code|path|English message` through valibot's message string. */
const encode = (problem: BackupProblem, path: string, message: string) =>
	`${problem}|${path}|${message}`;

/** One device's counts for the event, checked by the sync wire's own rules. */
const snapshotSchema = v.pipe(
	v.unknown(),
	v.rawTransform<unknown, CounterSnapshot>(({ dataset, addIssue, NEVER }) => {
		const input = dataset.value;
		if (isRecord(input) && Array.isArray(input.counters)) {
			if (input.counters.length > MAX_BACKUP_COUNTERS) {
				addIssue({
					message: encode(
						'too_many_counters',
						'counters',
						`has ${input.counters.length} counters; at most ${MAX_BACKUP_COUNTERS} exist`
					)
				});
				return NEVER;
			}
		}
		// Without the device's case pack, any id of a case id's shape is taken; the server
		// checks it against the pack when these counts are sent.
		const caseIds = caseIdsIn(isRecord(input) ? input.counters : undefined);
		const parsed = parseCounterSnapshot(input, caseIds);
		if (parsed.ok) return parsed.value;
		const path = WIRE_PATH.exec(parsed.message)?.[1] ?? '';
		addIssue({ message: encode(wireProblems[parsed.code], path, parsed.message) });
		return NEVER;
	})
);

const id = v.pipe(
	v.string(encode('bad_id', '', 'must be an id')),
	v.regex(ID_PATTERN, encode('bad_id', '', 'must be 16 to 64 characters of A-Z, a-z, 0-9, _, -'))
);

const stamp = v.custom<number>(
	isStamp,
	encode('bad_field', '', 'must be milliseconds since the epoch')
);

const eventSchema = v.object(
	{
		id,
		/** The event's bearer secret: whoever holds it can send counts for the event. */
		key: v.pipe(
			v.string(encode('bad_key', '', 'must be a string')),
			v.regex(EVENT_KEY_PATTERN, encode('bad_key', '', 'must be 64 lowercase hex characters'))
		),
		/** The event's P-256 signing key as `x.y.d` (p256.ts): with it the importing device can
		 * register the event and sign reports by QR. Absent from files saved before it existed. */
		signingKey: v.optional(
			v.pipe(
				v.string(encode('bad_key', '', 'must be a string')),
				v.check(
					(text) => parseSigningKeyText(text) !== null,
					encode('bad_key', '', 'must be x.y.d of a P-256 key, base64url each')
				)
			)
		),
		lang: v.picklist(LOCALES, encode('bad_field', '', `must be one of ${LOCALES.join(', ')}`)),
		expected: v.nullable(
			v.pipe(
				v.number(encode('bad_field', '', 'must be a number or null')),
				v.integer(encode('bad_field', '', 'must be a whole number')),
				v.minValue(0, encode('bad_field', '', 'must not be negative')),
				v.maxValue(MAX_COUNTER_VALUE, encode('bad_field', '', 'is too large'))
			)
		),
		createdAt: stamp,
		snapshots: v.pipe(
			v.array(v.unknown(), encode('bad_field', '', 'must be an array')),
			v.minLength(1, encode('no_snapshot', '', 'must hold at least this device’s snapshot')),
			v.maxLength(
				MAX_BACKUP_SNAPSHOTS,
				encode('too_many_snapshots', '', `holds more than ${MAX_BACKUP_SNAPSHOTS} devices`)
			),
			v.array(snapshotSchema),
			v.rawCheck(({ dataset, addIssue }) => {
				if (!dataset.typed) return;
				const seen = new Set<string>();
				dataset.value.forEach((snapshot, index) => {
					if (seen.has(snapshot.deviceId)) {
						addIssue({
							message: encode(
								'duplicate_snapshot',
								`snapshots[${index}].deviceId`,
								'repeats a device of this event'
							)
						});
					}
					seen.add(snapshot.deviceId);
				});
			})
		)
	},
	encode('bad_field', '', 'must be an object')
);

export const backupSchema = v.object(
	{
		format: v.literal(BACKUP_FORMAT, encode('not_backup', '', 'is not a Letterday backup')),
		version: v.literal(
			BACKUP_VERSION,
			encode('newer_version', '', `only version ${BACKUP_VERSION} is read`)
		),
		exportedAt: stamp,
		deviceId: id,
		events: v.pipe(
			v.array(v.unknown(), encode('bad_field', '', 'must be an array')),
			v.maxLength(
				MAX_BACKUP_EVENTS,
				encode('too_many_events', '', `holds more than ${MAX_BACKUP_EVENTS} events`)
			),
			v.array(eventSchema),
			v.rawCheck(({ dataset, addIssue }) => {
				if (!dataset.typed) return;
				const seen = new Set<string>();
				dataset.value.forEach((event, index) => {
					if (seen.has(event.id)) {
						addIssue({
							message: encode('duplicate_event', 'id', 'repeats an event of this file'),
							path: [
								{
									type: 'array',
									origin: 'value',
									input: dataset.value,
									key: index,
									value: event
								}
							]
						});
					}
					seen.add(event.id);
				});
			})
		)
	},
	encode('not_backup', '', 'is not a Letterday backup')
);

export type Backup = v.InferOutput<typeof backupSchema>;
export type BackupEvent = Backup['events'][number];

const join = (path: string, key: unknown): string =>
	typeof key === 'number' ? `${path}[${key}]` : path === '' ? String(key) : `${path}.${key}`;

function toIssue(issue: v.BaseIssue<unknown>): BackupIssue {
	const path = issue.path ?? [];
	const [field, item] = path;
	const inEvent = field?.key === 'events' && typeof item?.key === 'number';
	const name = inEvent && isRecord(item.value) ? firstName(item.value) : null;
	let [problem, inner, message] = issue.message.split('|') as [BackupProblem, string, string];
	if (issue.kind === 'schema' && issue.input === undefined) {
		[problem, inner, message] = ['missing', '', 'is missing'];
	} else if (message === undefined) {
		// valibot's own words, which our schemas should never leave.
		[problem, inner, message] = ['bad_field', '', issue.message];
	}
	const outer = path.slice(inEvent ? 2 : 0).reduce((at, { key }) => join(at, key), '');
	const where = [outer, inner].filter((part) => part !== '').join('.');
	return {
		problem,
		eventIndex: inEvent ? (item.key as number) : null,
		eventName: name,
		path: where,
		message
	};
}

/** The name the host will recognise: the first snapshot's event name, as written. */
function firstName(event: Record<string, unknown>): string | null {
	const first: unknown = Array.isArray(event.snapshots) ? event.snapshots[0] : undefined;
	const details = isRecord(first) ? first.event : undefined;
	const name = isRecord(details) ? details.name : undefined;
	return typeof name === 'string' && name.trim() !== '' ? name.slice(0, 80) : null;
}

export function formatBackupIssue(issue: BackupIssue): string {
	const event =
		issue.eventIndex === null
			? ''
			: `event ${issue.eventIndex + 1}${issue.eventName ? ` “${issue.eventName}”` : ''}: `;
	return `${event}${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}

const fileIssue = (problem: BackupProblem, message: string): BackupParse => ({
	ok: false,
	issues: [{ problem, eventIndex: null, eventName: null, path: '', message }]
});

/** Reads a backup file's text: all of it is good, or nothing is returned but the problems. */
export function parseBackup(text: string): BackupParse {
	// Characters, not bytes, but a UTF-8 file has at least as many bytes as characters.
	if (text.length > MAX_BACKUP_BYTES) {
		return fileIssue('too_big', `is larger than ${MAX_BACKUP_BYTES} bytes`);
	}
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return fileIssue('not_json', 'is not JSON');
	}
	if (!isRecord(json) || json.format !== BACKUP_FORMAT) {
		return fileIssue('not_backup', 'is not a Letterday backup');
	}
	const result = v.safeParse(backupSchema, json);
	if (result.success) return { ok: true, backup: result.output };
	const issues = result.issues.map(toIssue);
	// Whole-file problems first, then event by event (Array sort is stable).
	issues.sort((a, b) => (a.eventIndex ?? -1) - (b.eventIndex ?? -1));
	return { ok: false, issues };
}
