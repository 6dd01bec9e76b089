import type { Locale } from '$lib/shared/domain';
import {
	NO_CONTACT,
	sameContactFields,
	type ContactFields,
	type EventContact
} from '$lib/shared/event-contact';
import {
	pickLatestDetails,
	stampedDetailsOf,
	type EventDetails,
	type StampedEventDetails
} from '$lib/shared/event-details';
import { signingKeyOf } from '$lib/shared/p256';
import type { JoinPayload } from '$lib/shared/join-link';
import { db } from '../db/database';
import type { EventRow } from '../db/rows';
import { notifyLocalChange } from './changes';
import { deviceId } from './device';
import { newEventIdentity } from './event-identity';
import { moveCounts } from './event-move';

export interface NewEvent extends Omit<EventDetails, 'updatedAt'> {
	lang: Locale;
	expected: number | null;
	/** The organizers' contact as typed (both may be empty), checked by the form; absent leaves
	 * the device's contact as it is. */
	contact?: ContactFields;
}

/**
 * The contact a save leaves on the row. Only a change gets a new stamp: a co-host's device has
 * no contact and shows empty fields, so saving its details form must send nothing that would
 * wipe the host's. The stamp moves past the previous one even if the clock went back.
 */
function savedContact(
	before: EventContact | undefined,
	typed: ContactFields | undefined,
	now: number
): EventContact | undefined {
	if (!typed || sameContactFields(before ?? NO_CONTACT, typed)) return before;
	const { groupName, email } = typed;
	return { groupName, email, updatedAt: Math.max(now, (before?.updatedAt ?? 0) + 1) };
}

/** Creates an event entirely on the device, with a new identity. */
export async function createEvent(input: NewEvent): Promise<EventRow> {
	const identity = await newEventIdentity();
	const now = Date.now();
	const { contact: typed, ...fields } = input;
	const contact = savedContact(undefined, typed, now);
	const row: EventRow = {
		...fields,
		...(contact && { contact }),
		...identity,
		createdAt: now,
		updatedAt: now,
		updatedBy: await deviceId(),
		detailsDirty: 1
	};
	await db().events.add(row);
	notifyLocalChange(row.id);
	return row;
}

/**
 * A host's edit of an event. The stamp moves past the previous one even if this device's clock
 * went back, so the edit wins last-writer-wins against what this device sent before.
 */
export async function updateEventDetails(id: string, changes: NewEvent): Promise<void> {
	const by = await deviceId();
	const database = db();
	await database.transaction('rw', database.events, async () => {
		const current = await database.events.get(id);
		if (!current) throw new Error(`event ${id} is not on this device`);
		const now = Date.now();
		const { contact: typed, ...fields } = changes;
		const { contact: before, ...rest } = current;
		const contact = savedContact(before, typed, now);
		await database.events.put({
			...rest,
			...fields,
			...(contact && { contact }),
			updatedAt: Math.max(now, current.updatedAt + 1),
			updatedBy: by,
			detailsDirty: 1
		});
	});
	notifyLocalChange(id);
}

/** Newest event day first; ties by creation. */
export async function listEvents(): Promise<EventRow[]> {
	const rows = await db().events.toArray();
	return rows.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt);
}

export function getEvent(id: string): Promise<EventRow | undefined> {
	return db().events.get(id);
}

/**
 * Stores the details the server merged, if they beat the device's own (the same last-writer-wins
 * function as the server's). The details stay dirty if they were edited again after `sent`.
 */
export async function applyServerDetails(
	eventId: string,
	server: StampedEventDetails,
	sent: Pick<StampedEventDetails, 'updatedAt' | 'updatedBy'>
): Promise<void> {
	const database = db();
	await database.transaction('rw', database.events, async () => {
		const local = await database.events.get(eventId);
		if (!local) return;
		const acknowledged = local.updatedAt === sent.updatedAt && local.updatedBy === sent.updatedBy;
		await database.events.put({
			...local,
			...stampedDetailsOf(pickLatestDetails(local, server)),
			detailsDirty: acknowledged ? 0 : local.detailsDirty
		});
	});
}

export type JoinResult = { ok: true; event: EventRow } | { ok: false; reason: 'other_key' };

/**
 * Adds an event this device was invited to co-host. Counting starts from zero on this device:
 * the others' counts arrive through the server. Joining twice is harmless. A link that names
 * an event this one replaced (event-move.ts) moves this device's counts for it here too.
 */
export async function joinEvent(payload: JoinPayload): Promise<JoinResult> {
	const database = db();
	// A plain copy: a screen's payload may be a reactive proxy, which IndexedDB cannot clone.
	const { signingKey: given, movedFrom, ...fields } = payload;
	const signingKey = given && signingKeyOf(given.d, given.x, given.y);
	const tables = [database.events, database.counters, database.relayed, database.syncState];
	const result = await database.transaction('rw', tables, async () => {
		const existing = await database.events.get(payload.id);
		if (existing && existing.key !== payload.key) {
			return { ok: false as const, reason: 'other_key' as const };
		}
		const replaced = movedFrom ? await database.events.get(movedFrom) : undefined;
		let event: EventRow;
		if (existing) {
			event = existing;
			if (!existing.signingKey && signingKey) {
				// Joined before with an older link: the new one lets this device report by QR.
				event = { ...existing, signingKey };
				await database.events.update(existing.id, { signingKey });
			}
		} else {
			event = {
				...fields,
				...(signingKey ? { signingKey } : {}),
				expected: replaced?.expected ?? null,
				createdAt: Date.now(),
				detailsDirty: 0
			};
			await database.events.add(event);
		}
		if (replaced) await moveCounts(replaced.id, event.id);
		return { ok: true as const, event };
	});
	if (result.ok && movedFrom) notifyLocalChange(result.event.id);
	return result;
}

export function joinPayload(event: EventRow): JoinPayload {
	const payload: JoinPayload = {
		...stampedDetailsOf(event),
		id: event.id,
		key: event.key,
		lang: event.lang
	};
	if (event.signingKey) payload.signingKey = event.signingKey;
	if (event.movedFrom) payload.movedFrom = event.movedFrom;
	return payload;
}
