/**
 * One home for a counter's identity within an event, (caseId, kind): its map key, its order, and
 * the per-key figures built from rows. The device's screens, the sync wire and the server all use
 * these, so "the same counter" means the same thing everywhere.
 */
import { byCodeUnits, type CounterKind, type CounterState, type CounterTotal } from './domain';

/** NUL cannot occur in a case id or a kind, so the key splits back unambiguously. */
const SEPARATOR = '\u0000';

export const counterKey = (caseId: string, kind: string): string => `${caseId}${SEPARATOR}${kind}`;

/** The case id part of a counterKey. */
export const caseIdOfKey = (key: string): string => key.slice(0, key.indexOf(SEPARATOR));

/** Sorts by case id, then kind: the order of the server's answers and of its row locks. */
export const compareCounterKeys = (
	a: Pick<CounterState, 'caseId' | 'kind'>,
	b: Pick<CounterState, 'caseId' | 'kind'>
): number => byCodeUnits(a.caseId, b.caseId) || byCodeUnits(a.kind, b.kind);

/** One device's figure per key: plus - minus. */
export function totalsOfStates(
	rows: readonly Pick<CounterState, 'caseId' | 'kind' | 'plus' | 'minus'>[]
): Map<string, number> {
	return new Map(rows.map((row) => [counterKey(row.caseId, row.kind), row.plus - row.minus]));
}

export function totalsByKey(totals: readonly CounterTotal[]): Map<string, number> {
	return new Map(totals.map((total) => [counterKey(total.caseId, total.kind), total.total]));
}

/** Sum of one kind over every case (head counts are their own kinds, so they never mix in). */
export function sumOfKind(totals: ReadonlyMap<string, number>, kind: CounterKind): number {
	let sum = 0;
	for (const [key, value] of totals) if (key.endsWith(`${SEPARATOR}${kind}`)) sum += value;
	return sum;
}
