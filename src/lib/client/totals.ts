import type { CounterKind, CounterTotal } from '$lib/shared/domain';
import type { CounterRow, SyncStateRow } from './db/rows';
import { counterKey, totalsByKey } from './repos/tally';

export interface EventFigures {
	/** This device's own totals by counterKey. */
	own: Map<string, number>;
	/** Every device's totals by counterKey, or null before the first sync. */
	all: Map<string, number> | null;
}

function byKey(totals: CounterTotal[]): Map<string, number> {
	return new Map(totals.map((t) => [counterKey(t.caseId, t.kind), t.total]));
}

/**
 * The event-wide figure is the server's total at the last sync, moved by whatever this device
 * counted since: server - own at sync + own now. Local taps show at once, other devices' taps
 * show after the next sync.
 */
export function eventFigures(rows: CounterRow[], sync: SyncStateRow | undefined): EventFigures {
	const own = totalsByKey(rows);
	if (!sync || sync.lastSyncAt === null) return { own, all: null };
	const all = byKey(sync.totals);
	const ownAtSync = byKey(sync.ownAtSync);
	for (const key of new Set([...own.keys(), ...ownAtSync.keys()])) {
		const moved = (own.get(key) ?? 0) - (ownAtSync.get(key) ?? 0);
		all.set(key, Math.max(0, (all.get(key) ?? 0) + moved));
	}
	return { own, all };
}

/** Sum of one kind over every case (head counts are their own kind, so they never mix in). */
export function sumKind(totals: Map<string, number>, kind: CounterKind): number {
	let sum = 0;
	for (const [key, value] of totals) if (key.endsWith(`:${kind}`)) sum += value;
	return sum;
}
