/**
 * The merge rules of the sync model (DESIGN.md, "Sync model"), as pure functions that the server
 * and the devices share, so both sides agree by construction.
 *
 * Counters are PN-counters split per device: each device owns monotonic `plus` and `minus` per
 * (case, kind) and only ever sends absolute values. Merging two states of the same device takes
 * the max of each half, which is idempotent, commutative and associative: a replayed, duplicated
 * or reordered snapshot can neither lose nor double a count.
 */
import type { CounterState, CounterTotal, EventDetails } from './domain';

/** One device's counter, as the server stores it. */
export interface DeviceCounterState extends CounterState {
	deviceId: string;
}

/** Event details with the device that made the last edit: the last-writer-wins stamp is
 * (updatedAt, updatedBy). */
export interface StampedEventDetails extends EventDetails {
	updatedBy: string;
}

/** A key for one (case, kind); NUL cannot occur in either part. */
export const counterStateKey = (caseId: string, kind: string): string => `${caseId}\u0000${kind}`;

/** Code-unit order, the same on every engine and locale (unlike localeCompare or SQL collations). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const compareCounterKeys = (
	a: Pick<CounterState, 'caseId' | 'kind'>,
	b: Pick<CounterState, 'caseId' | 'kind'>
): number => byCodeUnits(a.caseId, b.caseId) || byCodeUnits(a.kind, b.kind);

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
		const key = counterStateKey(state.caseId, state.kind);
		const seen = merged.get(key);
		merged.set(key, seen ? mergeCounterState(seen, state) : { ...state });
	}
	return [...merged.values()].sort(compareCounterKeys);
}

/** The event-wide figure per (case, kind): the sum over devices of plus - minus, sorted by key. */
export function totalsOverDevices(rows: readonly DeviceCounterState[]): CounterTotal[] {
	const totals = new Map<string, CounterTotal>();
	for (const row of rows) {
		const key = counterStateKey(row.caseId, row.kind);
		const total = totals.get(key);
		if (total) total.total += row.plus - row.minus;
		else totals.set(key, { caseId: row.caseId, kind: row.kind, total: row.plus - row.minus });
	}
	return [...totals.values()].sort(compareCounterKeys);
}

/** Orders last-writer-wins stamps: by updatedAt, then by device id. */
export function compareDetailsStamps(
	a: Pick<StampedEventDetails, 'updatedAt' | 'updatedBy'>,
	b: Pick<StampedEventDetails, 'updatedAt' | 'updatedBy'>
): number {
	return a.updatedAt - b.updatedAt || byCodeUnits(a.updatedBy, b.updatedBy);
}

const DETAIL_FIELDS = ['name', 'venue', 'city', 'province', 'date'] as const;

/**
 * Last writer wins by (updatedAt, updatedBy). Two different edits with the same stamp should not
 * happen (a device bumps updatedAt past its previous edit); if they do, the content decides, so
 * the choice stays commutative and every replica picks the same one.
 */
export function pickLatestDetails(
	a: StampedEventDetails,
	b: StampedEventDetails
): StampedEventDetails {
	const byStamp = compareDetailsStamps(a, b);
	if (byStamp !== 0) return byStamp > 0 ? a : b;
	for (const field of DETAIL_FIELDS) {
		const byField = byCodeUnits(a[field], b[field]);
		if (byField !== 0) return byField > 0 ? a : b;
	}
	return a;
}
