/**
 * The backup file's two transactions: reading everything the device holds into one file, and
 * merging a file into the device. Both keep the sync's rules: counts are absolute values merged
 * with max, so a file imported twice, or holding counts that have synced since, adds nothing.
 */
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	backupEventContact,
	backupEventDetails,
	type Backup,
	type BackupEvent
} from '$lib/shared/backup';
import { counterKey } from '$lib/shared/counters';
import { SYNC_FORMAT_VERSION, type CounterState } from '$lib/shared/domain';
import { eventContactOf, pickLatestContact } from '$lib/shared/event-contact';
import {
	eventDetailsOf,
	pickLatestDetails,
	stampedDetailsOf,
	type StampedEventDetails
} from '$lib/shared/event-details';
import { parseSigningKeyText, signingKeyText } from '$lib/shared/p256';
import type { CounterSnapshot } from '$lib/shared/sync-wire';
import { db } from '../db/database';
import type { CounterRow, EventRow } from '../db/rows';
import { notifyLocalChange } from './changes';
import { deviceId } from './device';

const statesOf = (rows: readonly CounterState[]): CounterState[] =>
	rows.map(({ caseId, kind, plus, minus }) => ({ caseId, kind, plus, minus }));

/**
 * Everything on the device, read in one transaction: each event with its key, this device's own
 * counters and the counts it carries for other devices, each as a sync snapshot. The device's
 * own snapshot carries the organizers' contact when it has one, as its sync does.
 */
export async function readBackup(now = Date.now()): Promise<Backup> {
	const me = await deviceId();
	const database = db();
	return database.transaction(
		'r',
		database.events,
		database.counters,
		database.relayed,
		async () => {
			const events = await database.events.orderBy('createdAt').toArray();
			const items = await Promise.all(events.map((event) => backupEventOf(event, me)));
			return {
				format: BACKUP_FORMAT,
				version: BACKUP_VERSION,
				exportedAt: now,
				deviceId: me,
				events: items
			};
		}
	);
}

/**
 * One event as the backup file holds it. Call inside a transaction over events, counters and
 * relayed, so the event, its counters and its relayed rows are read at one moment.
 */
async function backupEventOf(event: EventRow, me: string): Promise<BackupEvent> {
	const database = db();
	const [own, relayed] = await Promise.all([
		database.counters.where('eventId').equals(event.id).toArray(),
		database.relayed.where('eventId').equals(event.id).toArray()
	]);
	const snapshot = (
		device: string,
		details: StampedEventDetails,
		counters: readonly CounterState[]
	): CounterSnapshot => ({
		format: SYNC_FORMAT_VERSION,
		deviceId: device,
		event: stampedDetailsOf(details),
		counters: statesOf(counters)
	});
	const mine = snapshot(me, event, own);
	if (event.contact) mine.contact = eventContactOf(event.contact);
	return {
		id: event.id,
		key: event.key,
		...(event.signingKey && { signingKey: signingKeyText(event.signingKey) }),
		lang: event.lang,
		expected: event.expected,
		createdAt: event.createdAt,
		snapshots: [mine, ...relayed.map((row) => snapshot(row.deviceId, row.details, row.counters))]
	};
}

/**
 * The meta row naming what the last saved backup file held: when, and each event's content as a
 * fingerprint. Deleting an event that has not synced is allowed only while its content is still
 * exactly what that file holds (event-removal.ts); counters carry no change time, so comparing
 * content is what "saved after the last change" can honestly mean.
 */
export const LAST_BACKUP = 'lastBackup';

export interface LastBackup {
	savedAt: number;
	events: Record<string, string>;
}

/** A stable text of an event's backed-up content (row order does not matter). */
export function backupFingerprint(event: BackupEvent): string {
	const byKey = (a: CounterState, b: CounterState) =>
		counterKey(a.caseId, a.kind).localeCompare(counterKey(b.caseId, b.kind));
	const snapshots = event.snapshots
		.map((s) => ({ ...s, counters: [...s.counters].sort(byKey) }))
		.sort((a, b) => a.deviceId.localeCompare(b.deviceId));
	return JSON.stringify({ ...event, snapshots });
}

/** Records that a backup file was saved (not when the person cancelled the save). */
export async function recordBackupSaved(backup: Backup): Promise<void> {
	const value: LastBackup = {
		savedAt: backup.exportedAt,
		events: Object.fromEntries(backup.events.map((event) => [event.id, backupFingerprint(event)]))
	};
	await db().meta.put({ key: LAST_BACKUP, value: JSON.stringify(value) });
}

/**
 * Whether the last saved backup holds this event exactly as the device has it now. Call inside a
 * transaction over events, counters, relayed and meta, with the device's id read before it (an
 * outside promise awaited inside a Dexie transaction would end it).
 */
export async function inLastBackup(event: EventRow, me: string): Promise<boolean> {
	const row = await db().meta.get(LAST_BACKUP);
	if (!row) return false;
	const saved = (JSON.parse(row.value) as LastBackup).events[event.id];
	if (!saved) return false;
	return saved === backupFingerprint(await backupEventOf(event, me));
}

/** What merging a file's event would do on this device. */
export type ImportStatus = 'new' | 'known' | 'other_key';

/** For the preview: how each event of a file meets this device. */
export async function importStatuses(backup: Backup): Promise<Map<string, ImportStatus>> {
	const rows = await db().events.bulkGet(backup.events.map((event) => event.id));
	return new Map(
		backup.events.map((event, index) => {
			const row = rows[index];
			return [event.id, !row ? 'new' : row.key === event.key ? 'known' : 'other_key'];
		})
	);
}

export interface ImportedEvent {
	id: string;
	name: string;
	status: ImportStatus;
	/** Counts this device did not have before (the server may have some of them already). */
	added: number;
}

/** Max-merges absolute values; `added` is how much the totals rose. */
function mergeStates(
	current: readonly CounterState[],
	incoming: readonly CounterState[]
): { counters: CounterState[]; added: number; grew: boolean } {
	const byKey = new Map(current.map((row) => [counterKey(row.caseId, row.kind), { ...row }]));
	let added = 0;
	let grew = false;
	for (const row of incoming) {
		const key = counterKey(row.caseId, row.kind);
		const old = byKey.get(key);
		const plus = Math.max(old?.plus ?? 0, row.plus);
		const minus = Math.max(old?.minus ?? 0, row.minus);
		if (old && plus === old.plus && minus === old.minus) continue;
		if (!old && plus === 0 && minus === 0) continue;
		added += plus - minus - ((old?.plus ?? 0) - (old?.minus ?? 0));
		grew = true;
		byKey.set(key, { caseId: row.caseId, kind: row.kind, plus, minus });
	}
	return { counters: [...byKey.values()], added, grew };
}

/**
 * Merges a checked backup into the device in ONE transaction. An event the device lacks is added
 * (as joining it would); an event the device has under another key is left out whole. Counts of
 * this device's own id max-merge into its own rows; another device's counts max-merge into a
 * relayed row, sent on its behalf at the next sync. Only what grew is marked to send.
 */
export async function importBackup(backup: Backup): Promise<ImportedEvent[]> {
	const me = await deviceId();
	const database = db();
	const touched = new Set<string>();
	const outcome = await database.transaction(
		'rw',
		database.events,
		database.counters,
		database.relayed,
		async () => {
			const results: ImportedEvent[] = [];
			for (const item of backup.events) {
				const details = backupEventDetails(item);
				const contact = backupEventContact(item);
				const existing = await database.events.get(item.id);
				const signingKey = item.signingKey ? parseSigningKeyText(item.signingKey) : null;
				if (existing && existing.key !== item.key) {
					results.push({ id: item.id, name: existing.name, status: 'other_key', added: 0 });
					continue;
				}
				if (!existing) {
					const row: EventRow = {
						...details,
						...(contact && { contact: eventContactOf(contact) }),
						id: item.id,
						key: item.key,
						...(signingKey && { signingKey }),
						lang: item.lang,
						expected: item.expected,
						createdAt: item.createdAt,
						detailsDirty: 0
					};
					await database.events.add(row);
					touched.add(item.id);
				} else {
					// Newer details from the file: the relayed snapshot carries them to the server. A
					// signing key is learnt as from a co-host link: the device can now register the
					// event and sign its reports.
					const newer = pickLatestDetails(existing, details) !== existing;
					const learnt = !existing.signingKey && signingKey;
					if (newer || learnt) {
						await database.events.put({
							...existing,
							...(learnt && { signingKey }),
							...(newer && stampedDetailsOf(details))
						});
					}
				}
				if (existing && contact) {
					// The device's own contact is stamped by the device itself, as its sync sends it.
					const own = existing.contact && { ...existing.contact, updatedBy: me };
					if (!own || pickLatestContact(own, contact) !== own) {
						await database.events.update(item.id, { contact: eventContactOf(contact) });
						touched.add(item.id);
					}
				}
				let added = 0;
				for (const snapshot of item.snapshots) {
					const merged =
						snapshot.deviceId === me
							? await mergeOwn(item.id, snapshot.counters)
							: await mergeRelayed(item.id, snapshot);
					added += merged.added;
					if (merged.grew) touched.add(item.id);
				}
				const name = (await database.events.get(item.id))?.name ?? details.name;
				results.push({ id: item.id, name, status: existing ? 'known' : 'new', added });
			}
			return results;
		}
	);
	for (const eventId of touched) notifyLocalChange(eventId);
	return outcome;
}

/** This device's own file, read back: its rows take the larger values, dirty where they grew. */
async function mergeOwn(eventId: string, counters: readonly CounterState[]) {
	const database = db();
	const rows = await database.counters.where('eventId').equals(eventId).toArray();
	const merged = mergeStates(rows, counters);
	const byKey = new Map(rows.map((row) => [counterKey(row.caseId, row.kind), row]));
	for (const state of merged.counters) {
		const old = byKey.get(counterKey(state.caseId, state.kind));
		if (old && old.plus === state.plus && old.minus === state.minus) continue;
		const row: CounterRow = {
			eventId,
			...state,
			dirty: 1,
			rev: (old?.rev ?? 0) + 1
		};
		await database.counters.put(row);
	}
	return merged;
}

async function mergeRelayed(eventId: string, snapshot: CounterSnapshot) {
	const database = db();
	const old = await database.relayed.get([eventId, snapshot.deviceId]);
	const merged = mergeStates(old?.counters ?? [], snapshot.counters);
	const incoming: StampedEventDetails = {
		...eventDetailsOf(snapshot.event),
		updatedBy: snapshot.event.updatedBy ?? snapshot.deviceId
	};
	const details = old ? pickLatestDetails(old.details, incoming) : incoming;
	// Nothing new: the row, and whether it still waits to be sent, stay as they are.
	if (old && !merged.grew && details === old.details) return { ...merged, grew: false };
	await database.relayed.put({
		eventId,
		deviceId: snapshot.deviceId,
		details,
		counters: merged.counters,
		pending: 1,
		rev: (old?.rev ?? 0) + 1,
		// Something new to send: a refusal of the old content says nothing about it.
		lastError: null
	});
	return { ...merged, grew: true };
}
