/**
 * National figures: the totals per case and kind, the head counts, and the same per province.
 * Each function is one SQL aggregate; the page functions (pages.ts) run them inside one
 * consistent read.
 */
import { sql } from 'kysely';
import { byCodeUnits } from '$lib/shared/domain';
import type {
	CaseFigures,
	HeadCounts,
	KindFigures,
	ProvinceFigures
} from '$lib/shared/organizer-figures';
import type { CaseNames } from './case-names';
import type { EventFilter } from './event-filter';
import { whereEvents } from './event-filter';
import type { Reader } from './read';
import { caseKindSums, headCountSums, headCounts, isCaseCounter, kindFigures, num } from './sums';

export interface NationalFigures extends KindFigures, HeadCounts {
	events: number;
	/** Provinces and territories with at least one event. */
	provinces: number;
}

export async function readNational(trx: Reader): Promise<NationalFigures> {
	const sums = await trx
		.selectFrom('counters as c')
		.select([...caseKindSums(), ...headCountSums()])
		.executeTakeFirstOrThrow();
	const events = await trx
		.selectFrom('events')
		.select([
			sql<number>`count(*)`.as('events'),
			sql<number>`count(distinct province)`.as('provinces')
		])
		.executeTakeFirstOrThrow();
	return {
		...kindFigures(sums),
		...headCounts(sums),
		events: num(events.events),
		provinces: num(events.provinces)
	};
}

/**
 * Every case of the current pack (zeros included, so a case nobody wrote for shows) and every
 * case id counted anywhere (a case a newer pack dropped keeps its letters), largest total first;
 * nationally, or for the one event `eventId` names.
 */
export async function readCases(
	trx: Reader,
	names: CaseNames,
	eventId?: string
): Promise<CaseFigures[]> {
	const rows = await trx
		.selectFrom('counters as c')
		.select(['c.case_id', ...caseKindSums()])
		.where(isCaseCounter)
		.$if(eventId !== undefined, (query) => query.where('c.event_id', '=', eventId!))
		.groupBy('c.case_id')
		.execute();
	const counted = new Map(rows.map((row) => [row.case_id, kindFigures(row)]));
	const ids = new Set([...names.current, ...counted.keys()]);
	return [...ids]
		.map((caseId) => ({
			caseId,
			name: names.name(caseId),
			...(counted.get(caseId) ?? kindFigures({}))
		}))
		.sort((a, b) => b.total - a.total || byCodeUnits(a.caseId, b.caseId));
}

/**
 * Per province or territory with at least one event: events, head counts and actions. `filter`
 * narrows the events summed (the events page's filters); none means every event.
 */
export async function readProvinces(trx: Reader, filter?: EventFilter): Promise<ProvinceFigures[]> {
	const rows = await trx
		.selectFrom('events as e')
		.leftJoin('counters as c', 'c.event_id', 'e.id')
		.select([
			'e.province',
			sql<number>`count(distinct e.id)`.as('events'),
			...caseKindSums(),
			...headCountSums()
		])
		.where((eb) => whereEvents(eb, filter))
		.groupBy('e.province')
		.execute();
	// The sync accepts only the 13 codes (event-details.ts), so every row is one of them.
	return rows
		.map((row) => ({
			province: row.province as ProvinceFigures['province'],
			events: num(row.events),
			...headCounts(row),
			...kindFigures(row)
		}))
		.sort((a, b) => byCodeUnits(a.province, b.province));
}
