/**
 * The events page's filters (province, date range, a search in name and city), parsed from its
 * GET form's query string and applied in SQL, so the per-province sums beside the list are sums
 * over exactly the events listed. The exports take the same parameters.
 */
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database } from '$lib/server/db';
import type { Province } from '$lib/shared/domain';
import { isCalendarDate, isProvince } from '$lib/shared/event-details';

export interface EventFilter {
	/** Words to find in the name or the city, already trimmed; '' finds everything. */
	q: string;
	province: Province | null;
	/** Inclusive days, YYYY-MM-DD. */
	from: string | null;
	to: string | null;
}

export const NO_FILTER: EventFilter = { q: '', province: null, from: null, to: null };

/** A value the form sent that cannot be used; the page says which and ignores it. */
export type FilterProblem = 'from' | 'to' | 'range';

const MAX_QUERY = 100;

export function parseEventFilter(params: URLSearchParams): {
	filter: EventFilter;
	problems: FilterProblem[];
} {
	const problems: FilterProblem[] = [];
	const day = (name: 'from' | 'to') => {
		const value = params.get(name)?.trim() ?? '';
		if (!value) return null;
		if (isCalendarDate(value)) return value;
		problems.push(name);
		return null;
	};
	const province = params.get('province');
	let from = day('from');
	let to = day('to');
	if (from && to && from > to) {
		// Both are real days in the wrong order: say so rather than show an empty list.
		problems.push('range');
		[from, to] = [null, null];
	}
	return {
		filter: {
			q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY),
			province: isProvince(province) ? province : null,
			from,
			to
		},
		problems
	};
}

/** The filter as query parameters: for links that keep it (sorting, exports). */
export function filterParams(filter: EventFilter): [string, string][] {
	const params: [string, string][] = [];
	if (filter.q) params.push(['q', filter.q]);
	if (filter.province) params.push(['province', filter.province]);
	if (filter.from) params.push(['from', filter.from]);
	if (filter.to) params.push(['to', filter.to]);
	return params;
}

/**
 * Letters folded away by the search on both sides, so "quebec" finds "Québec" and "c'est" finds
 * "c’est". Written out because the two databases share no accent-stripping function: SQLite's
 * lower() knows ASCII only, hence the capitals too. Letters outside this list still match, but
 * only in the same case.
 */
const FOLDS: [string, string][] = [
	...pairs('àáâãäå', 'a'),
	...pairs('ÀÁÂÃÄÅ', 'a'),
	...pairs('çćč', 'c'),
	...pairs('ÇĆČ', 'c'),
	...pairs('èéêëę', 'e'),
	...pairs('ÈÉÊËĘ', 'e'),
	...pairs('ìíîï', 'i'),
	...pairs('ÌÍÎÏ', 'i'),
	...pairs('ñń', 'n'),
	...pairs('ÑŃ', 'n'),
	...pairs('òóôõö', 'o'),
	...pairs('ÒÓÔÕÖ', 'o'),
	...pairs('ùúûü', 'u'),
	...pairs('ÙÚÛÜ', 'u'),
	...pairs('ýÿ', 'y'),
	...pairs('ÝŸ', 'y'),
	['œ', 'oe'],
	['Œ', 'oe'],
	['æ', 'ae'],
	['Æ', 'ae'],
	...pairs('’‘ʼ', "'")
];

function pairs(letters: string, to: string): [string, string][] {
	return [...letters].map((letter) => [letter, to]);
}

/** The search text as the database will compare it. */
export function foldText(text: string): string {
	let out = text.toLowerCase();
	for (const [from, to] of FOLDS) out = out.replaceAll(from, to);
	return out;
}

function foldSql(column: Expression<string>) {
	let folded = sql<string>`lower(${column})`;
	for (const [from, to] of FOLDS)
		folded = sql<string>`replace(${folded}, ${sql.lit(from)}, ${sql.lit(to)})`;
	return folded;
}

/** A LIKE pattern that finds `text` anywhere, its own % _ and \ taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The filter's conditions on `events as e`; no filter, no condition. */
export function whereEvents(
	eb: ExpressionBuilder<Database & { e: Database['events'] }, 'e'>,
	filter: EventFilter | undefined
): Expression<SqlBool> {
	const conditions: Expression<SqlBool>[] = [];
	if (filter?.province) conditions.push(eb('e.province', '=', filter.province));
	if (filter?.from) conditions.push(eb('e.date', '>=', filter.from));
	if (filter?.to) conditions.push(eb('e.date', '<=', filter.to));
	if (filter?.q) {
		const pattern = containsPattern(foldText(filter.q));
		const matches = (column: 'e.name' | 'e.city') =>
			sql<SqlBool>`${foldSql(eb.ref(column))} like ${pattern} escape '\\'`;
		conditions.push(eb.or([matches('e.name'), matches('e.city')]));
	}
	return eb.and(conditions);
}
