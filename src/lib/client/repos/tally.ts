import type { CounterKind } from '$lib/shared/domain';
import { MAX_COUNTER_VALUE } from '$lib/shared/domain';
import { db } from '../db/database';
import type { CounterRow } from '../db/rows';
import { notifyLocalChange } from './changes';

/** The most a host can add in one batch entry. */
export const MAX_BATCH = 500;

function emptyRow(eventId: string, caseId: string, kind: CounterKind): CounterRow {
	return { eventId, caseId, kind, plus: 0, minus: 0, dirty: 0, rev: 0 };
}

/**
 * Applies one change to this device's counter and marks it dirty, in ONE read-write transaction:
 * either both the new value and the dirty mark are stored, or neither.
 */
async function change(
	eventId: string,
	caseId: string,
	kind: CounterKind,
	apply: (row: CounterRow) => CounterRow | null
): Promise<number> {
	const database = db();
	let changed = false;
	const total = await database.transaction('rw', database.counters, async () => {
		const current =
			(await database.counters.get([eventId, caseId, kind])) ?? emptyRow(eventId, caseId, kind);
		const next = apply(current);
		if (!next) return current.plus - current.minus;
		await database.counters.put({ ...next, dirty: 1, rev: current.rev + 1 });
		changed = true;
		return next.plus - next.minus;
	});
	if (changed) notifyLocalChange(eventId);
	return total;
}

/** Adds `count` (1 by default) and resolves to this device's new total for the key. */
export function tap(eventId: string, caseId: string, kind: CounterKind, count = 1) {
	if (!Number.isInteger(count) || count < 1 || count > MAX_BATCH) {
		return Promise.reject(new RangeError(`count must be a whole number from 1 to ${MAX_BATCH}`));
	}
	return change(eventId, caseId, kind, (row) =>
		row.plus + count > MAX_COUNTER_VALUE ? null : { ...row, plus: row.plus + count }
	);
}

/**
 * Takes back `count` (1 by default: a wrong batch of 12 is taken back in one step) and resolves
 * to this device's new total. A PN-counter only grows, so this adds to `minus`; it never takes
 * this device's own total below zero (minus never passes plus), whatever other devices counted.
 */
export function undo(eventId: string, caseId: string, kind: CounterKind, count = 1) {
	if (!Number.isInteger(count) || count < 1 || count > MAX_BATCH) {
		return Promise.reject(new RangeError(`count must be a whole number from 1 to ${MAX_BATCH}`));
	}
	return change(eventId, caseId, kind, (row) =>
		row.plus - row.minus > 0 ? { ...row, minus: Math.min(row.plus, row.minus + count) } : null
	);
}

/** This device's rows for one event (at most cases × kinds + 2: cheap to read per repaint). */
export function eventCounters(eventId: string): Promise<CounterRow[]> {
	return db().counters.where('eventId').equals(eventId).toArray();
}

/** How many counters of an event the server has not acknowledged yet. */
export function dirtyCount(eventId: string): Promise<number> {
	return db().counters.where('[eventId+dirty]').equals([eventId, 1]).count();
}

/** Events with at least one counter the server has not acknowledged. */
export async function eventsWithDirtyCounters(): Promise<Set<string>> {
	const keys = await db().counters.where('dirty').equals(1).primaryKeys();
	return new Set(keys.map(([eventId]) => eventId));
}

/**
 * Clears the dirty mark of rows the server acknowledged, except where a tap landed while the
 * request was in flight (its `rev` moved): that newer value has not reached the server yet.
 */
export async function acknowledgeCounters(sent: readonly CounterRow[]): Promise<void> {
	const database = db();
	await database.transaction('rw', database.counters, async () => {
		for (const row of sent) {
			const current = await database.counters.get([row.eventId, row.caseId, row.kind]);
			if (current && current.dirty === 1 && current.rev === row.rev) {
				await database.counters.put({ ...current, dirty: 0 });
			}
		}
	});
}
