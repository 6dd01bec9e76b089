import { totalsByKey, totalsOfStates } from '$lib/shared/counters';
import type { CounterRow, SyncStateRow } from '../db/rows';

export interface EventFigures {
	/** This device's own totals by counterKey. */
	own: Map<string, number>;
	/** Every device's totals by counterKey, or null before the first sync. */
	all: Map<string, number> | null;
	/** True once ANOTHER device has synced to this event: only then do the all-devices figures
	 * say something the host's own do not (one device alone, they are the same numbers). */
	others: boolean;
	/** How many of this device's counters wait to be sent (dirty rows). */
	waiting: number;
}

/**
 * The event-wide figure is the server's total at the last sync, moved by whatever this device
 * counted since: server - own at sync + own now. Local taps show at once, other devices' taps
 * show after the next sync.
 */
export function eventFigures(rows: CounterRow[], sync: SyncStateRow | undefined): EventFigures {
	const own = totalsOfStates(rows);
	const waiting = rows.reduce((n, row) => n + row.dirty, 0);
	if (!sync || sync.lastSyncAt === null) return { own, all: null, others: false, waiting };
	const all = totalsByKey(sync.totals);
	const ownAtSync = totalsByKey(sync.ownAtSync);
	for (const key of new Set([...own.keys(), ...ownAtSync.keys()])) {
		const moved = (own.get(key) ?? 0) - (ownAtSync.get(key) ?? 0);
		all.set(key, Math.max(0, (all.get(key) ?? 0) + moved));
	}
	// The server counts the devices that sent counters; this one is among them only if it sent
	// some of its own (a device that only relayed a backup's or a report's counts is not).
	const mine = sync.ownAtSync.length > 0 ? 1 : 0;
	return { own, all, others: sync.devices > mine, waiting };
}
