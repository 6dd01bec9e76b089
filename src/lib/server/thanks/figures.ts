/**
 * A campaign year's figures for the thank-you page, from the synced counts of the events whose
 * date falls in that year. The sums are the organizers' read model's own (organizer/national.ts,
 * sums.ts, event-filter.ts): the page can never disagree with the dashboard filtered to the year.
 */
import type { EventFilter } from '$lib/server/organizer/event-filter';
import { whereEvents } from '$lib/server/organizer/event-filter';
import { readProvinces } from '$lib/server/organizer/national';
import type { Reader } from '$lib/server/organizer/read';
import { caseKindSums, isCaseCounter, kindFigures } from '$lib/server/organizer/sums';
import type { KindFigures } from '$lib/shared/organizer-figures';

export interface YearFigures extends KindFigures {
	year: number;
	events: number;
	/** Provinces and territories with at least one event that year. */
	provinces: number;
	participants: number;
	firstTimers: number;
}

/** Events dated within the calendar year, as the events page's date filter reads them. */
export function yearFilter(year: number): EventFilter {
	return { q: '', province: null, from: `${year}-01-01`, to: `${year}-12-31` };
}

export async function readYearFigures(trx: Reader, year: number): Promise<YearFigures> {
	const provinces = await readProvinces(trx, yearFilter(year));
	const figures: YearFigures = {
		year,
		events: 0,
		provinces: provinces.length,
		participants: 0,
		firstTimers: 0,
		letter: 0,
		card: 0,
		petition: 0,
		online: 0,
		total: 0
	};
	for (const row of provinces) {
		for (const key of [
			'events',
			'participants',
			'firstTimers',
			'letter',
			'card',
			'petition',
			'online',
			'total'
		] as const) {
			figures[key] += row[key];
		}
	}
	return figures;
}

/** Actions per case id over the year's events (cases nobody counted for are absent). */
export async function readYearCaseTotals(
	trx: Reader,
	year: number
): Promise<Map<string, KindFigures>> {
	const rows = await trx
		.selectFrom('counters as c')
		.innerJoin('events as e', 'e.id', 'c.event_id')
		.select(['c.case_id', ...caseKindSums()])
		.where(isCaseCounter)
		.where((eb) => whereEvents(eb, yearFilter(year)))
		.groupBy('c.case_id')
		.execute();
	return new Map(rows.map((row) => [row.case_id, kindFigures(row)]));
}
