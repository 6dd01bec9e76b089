/**
 * The orders of the organizers' events table: which columns sort, which way each starts, and how
 * an order reads from and writes to a query string (the column headers are plain links, so the
 * order works without JavaScript and is part of a shareable URL).
 */
export const EVENT_SORTS = [
	'name',
	'city',
	'province',
	'date',
	'devices',
	'participants',
	'firstTimers',
	'letter',
	'card',
	'petition',
	'online',
	'total',
	'lastSyncAt'
] as const;
export type EventSort = (typeof EVENT_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export interface EventOrder {
	sort: EventSort;
	dir: SortDirection;
}

/** Newest events first until someone asks otherwise. */
export const DEFAULT_ORDER: EventOrder = { sort: 'date', dir: 'desc' };

/** Figures and days read best largest or latest first; words in alphabetical order. */
export const firstDirection = (sort: EventSort): SortDirection =>
	sort === 'name' || sort === 'city' || sort === 'province' ? 'asc' : 'desc';

export function parseEventOrder(params: URLSearchParams): EventOrder {
	const sort = params.get('sort');
	if (!(EVENT_SORTS as readonly string[]).includes(sort ?? '')) return DEFAULT_ORDER;
	const dir = params.get('dir');
	return {
		sort: sort as EventSort,
		dir: dir === 'asc' || dir === 'desc' ? dir : firstDirection(sort as EventSort)
	};
}

/** The order a click on `sort`'s header gives: the other way if it is the current column. */
export function nextOrder(current: EventOrder, sort: EventSort): EventOrder {
	if (current.sort !== sort) return { sort, dir: firstDirection(sort) };
	return { sort, dir: current.dir === 'asc' ? 'desc' : 'asc' };
}
