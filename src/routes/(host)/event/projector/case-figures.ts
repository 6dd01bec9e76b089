import { CASE_KINDS } from '$lib/shared/domain';
import { counterKey } from '$lib/shared/counters';
import { latestStatus, type CaseStatus, type LocalizedCaseUpdate } from '$lib/shared/case-updates';

export interface CaseFigure {
	id: string;
	name: string;
	total: number;
	/** The case's latest status from its updates (case pack), shown by its name. */
	status: CaseStatus | null;
}

interface CaseLike {
	id: string;
	sheet: { name: string; updates?: LocalizedCaseUpdate[] };
}

/**
 * Each case's total of the four kinds, largest first, for the projector's ranked list. Ties and
 * the cases nobody wrote for yet keep the pack's order. A case the pack dropped (retired) shows
 * only when it was counted, so the list still adds up to the event's total.
 */
export function rankCases(
	current: readonly CaseLike[],
	retired: readonly CaseLike[],
	figures: ReadonlyMap<string, number>
): CaseFigure[] {
	const totalOf = (id: string) =>
		CASE_KINDS.reduce((sum, kind) => sum + (figures.get(counterKey(id, kind)) ?? 0), 0);
	const seen = new Set<string>();
	const all: CaseFigure[] = [];
	for (const row of current) {
		seen.add(row.id);
		const status = latestStatus(row.sheet.updates);
		all.push({ id: row.id, name: row.sheet.name, total: totalOf(row.id), status });
	}
	for (const row of retired) {
		const total = totalOf(row.id);
		if (total > 0 && !seen.has(row.id)) {
			all.push({ id: row.id, name: row.sheet.name, total, status: null });
		}
	}
	// Array.prototype.sort is stable: equal totals stay in pack order.
	return all.sort((a, b) => b.total - a.total);
}

/**
 * How many of `count` rows to draw when `fit` rows fit: all of them, or one fewer than fit so
 * the last line can say how many more there are.
 */
export function rowsToShow(count: number, fit: number): number {
	if (fit <= 0 || count <= fit) return count;
	return Math.max(0, fit - 1);
}
