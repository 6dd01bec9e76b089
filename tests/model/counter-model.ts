/**
 * The reference model of the sync merge (DESIGN.md, "Sync model"), kept beside the tests: the real
 * merge is SQL on the server (`src/lib/server/db/sync-statements.ts`), and the property tests check
 * it against this plain version.
 *
 * Counters are PN-counters split per device: each device owns monotonic `plus` and `minus` per
 * (case, kind) and only ever sends absolute values. Merging two states of the same device takes
 * the max of each half, which is idempotent, commutative and associative.
 */
import { compareCounterKeys, counterKey } from '$lib/shared/counters';
import type { CounterState, CounterTotal } from '$lib/shared/domain';

/** One device's counter, as the server stores it. */
export interface DeviceCounterState extends CounterState {
	deviceId: string;
}

/** Max-merge of two states of the SAME device and key. */
export function mergeCounterState(a: CounterState, b: CounterState): CounterState {
	return {
		caseId: a.caseId,
		kind: a.kind,
		plus: Math.max(a.plus, b.plus),
		minus: Math.max(a.minus, b.minus)
	};
}

/** Max-merge of two snapshots of one device: the union of keys, each key merged, sorted by key. */
export function mergeCounterStates(
	a: readonly CounterState[],
	b: readonly CounterState[]
): CounterState[] {
	const merged = new Map<string, CounterState>();
	for (const state of [...a, ...b]) {
		const key = counterKey(state.caseId, state.kind);
		const seen = merged.get(key);
		merged.set(key, seen ? mergeCounterState(seen, state) : { ...state });
	}
	return [...merged.values()].sort(compareCounterKeys);
}

/** The event-wide figure per (case, kind): the sum over devices of plus - minus, sorted by key. */
export function totalsOverDevices(rows: readonly DeviceCounterState[]): CounterTotal[] {
	const totals = new Map<string, CounterTotal>();
	for (const row of rows) {
		const key = counterKey(row.caseId, row.kind);
		const total = totals.get(key);
		if (total) total.total += row.plus - row.minus;
		else totals.set(key, { caseId: row.caseId, kind: row.kind, total: row.plus - row.minus });
	}
	return [...totals.values()].sort(compareCounterKeys);
}
