/**
 * The backup file (docs/backup.md): every event on a device and every count it holds, in one
 * JSON file another device can merge. What the file holds per device is the sync snapshot
 * (`CounterSnapshot`), so merging it, on the device or on the server, is the same max-merge as a
 * sync: importing twice, or importing counts that have synced since, never counts twice.
 *
 * This module is small and has no schema library: the device builds and summarises files with
 * it. Reading a file goes through backup-schema.ts, loaded only when a host opens one.
 */
import type { Backup, BackupEvent } from './backup-schema';
import type { CounterState } from './domain';
import { pickLatestContact, type StampedEventContact } from './event-contact';
import { eventDetailsOf, pickLatestDetails, type StampedEventDetails } from './event-details';

export type { Backup, BackupEvent };

export const BACKUP_FORMAT = 'letterday-backup';
export const BACKUP_VERSION = 1;
/** A file past this is refused before it is read. */
export const MAX_BACKUP_BYTES = 4 * 1024 * 1024;
export const BACKUP_MIME = 'application/json';
export const BACKUP_EXTENSION = '.letterday.json';

/** A total of every kind counted (letters, cards, signatures, actions, people): plus - minus. */
export const countOf = (counters: readonly Pick<CounterState, 'plus' | 'minus'>[]): number =>
	counters.reduce((sum, counter) => sum + counter.plus - counter.minus, 0);

export interface BackupSummary {
	events: number;
	counts: number;
}

export function summarizeBackup(backup: Pick<Backup, 'events'>): BackupSummary {
	return {
		events: backup.events.length,
		counts: backup.events.reduce((sum, event) => sum + eventCount(event), 0)
	};
}

/** Every count of one event in a file, over every device it holds. */
export const eventCount = (event: Pick<BackupEvent, 'snapshots'>): number =>
	event.snapshots.reduce((sum, snapshot) => sum + countOf(snapshot.counters), 0);

/** The latest details among a file's snapshots of an event (a stamp defaults to its device). */
export function backupEventDetails(event: Pick<BackupEvent, 'snapshots'>): StampedEventDetails {
	return event.snapshots
		.map((s) => ({ ...eventDetailsOf(s.event), updatedBy: s.event.updatedBy ?? s.deviceId }))
		.reduce((a, b) => pickLatestDetails(a, b));
}

/**
 * The latest organizers' contact among a file's snapshots of an event, stamped by the device
 * that holds it (as that device would send it), or null: only a device's own snapshot carries
 * one, and only if its host gave one. Files saved before contacts existed have none.
 */
export function backupEventContact(
	event: Pick<BackupEvent, 'snapshots'>
): StampedEventContact | null {
	return event.snapshots
		.flatMap((s) => (s.contact ? [{ ...s.contact, updatedBy: s.deviceId }] : []))
		.reduce<StampedEventContact | null>((a, b) => (a ? pickLatestContact(a, b) : b), null);
}

/** `letterday-backup-2026-12-10-1432.letterday.json`, in the device's local time. */
export function backupFileName(at: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
	return `letterday-backup-${day}-${pad(at.getHours())}${pad(at.getMinutes())}${BACKUP_EXTENSION}`;
}

/** Pretty-printed, so a person (or an organizer helping) can read which event is which. */
export const serializeBackup = (backup: Backup): string =>
	`${JSON.stringify(backup, null, '\t')}\n`;
