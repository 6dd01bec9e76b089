/**
 * Events with their figures: the events page, the follow-up lists and the events export. One
 * aggregate query over events left-joined to their counters, so an event with no counts yet is
 * listed with zeros.
 */
import { sql } from 'kysely';
import { intlLocale } from '$lib/shared/i18n/catalog';
import type { Locale, Province } from '$lib/shared/domain';
import { byCodeUnits } from '$lib/shared/domain';
import type { EventFigures, EventSummary, EventToFollowUp } from '$lib/shared/organizer-figures';
import type { EventOrder } from '$lib/shared/event-order';
import { whereEvents, type EventFilter } from './event-filter';
import type { Reader } from './read';
import { caseKindSums, headCountSums, headCounts, kindFigures, num } from './sums';

/** The columns of an event's summary (summaryOf), as every events query selects them. */
const SUMMARY_COLUMNS = [
	'e.id',
	'e.name',
	'e.venue',
	'e.city',
	'e.province',
	'e.date',
	'e.last_sync_at',
	'e.created_at'
] as const;

/** Every event the filter lets through, or the one event `eventId` names. */
export async function readEventFigures(
	trx: Reader,
	filter?: EventFilter,
	eventId?: string
): Promise<EventFigures[]> {
	const rows = await trx
		.selectFrom('events as e')
		.leftJoin('counters as c', 'c.event_id', 'e.id')
		.select([
			...SUMMARY_COLUMNS,
			sql<number>`count(distinct c.device_id)`.as('devices'),
			...caseKindSums(),
			...headCountSums()
		])
		.where((eb) => whereEvents(eb, filter))
		.$if(eventId !== undefined, (query) => query.where('e.id', '=', eventId!))
		// e.id is the primary key, so the other columns of e depend on it (PostgreSQL allows them).
		.groupBy('e.id')
		.execute();
	return rows.map((row) => ({
		...summaryOf(row),
		devices: num(row.devices),
		...headCounts(row),
		...kindFigures(row)
	}));
}

interface EventRow {
	id: string;
	name: string;
	venue: string;
	city: string;
	province: string;
	date: string;
	last_sync_at: number;
	created_at: number;
}

export function summaryOf(row: EventRow): EventSummary {
	return {
		id: row.id,
		name: row.name,
		venue: row.venue,
		city: row.city,
		province: row.province as Province,
		date: row.date,
		lastSyncAt: num(row.last_sync_at),
		createdAt: num(row.created_at)
	};
}

export async function countEvents(trx: Reader): Promise<number> {
	const row = await trx
		.selectFrom('events')
		.select(sql<number>`count(*)`.as('n'))
		.executeTakeFirstOrThrow();
	return num(row.n);
}

/** The events without figures, with their organizers' contact: what follow-up needs. */
export async function readEventsToFollowUp(trx: Reader): Promise<EventToFollowUp[]> {
	const rows = await trx
		.selectFrom('events as e')
		.select([...SUMMARY_COLUMNS, 'e.group_name', 'e.contact_email'])
		.execute();
	return rows.map((row) => ({
		...summaryOf(row),
		groupName: row.group_name,
		contactEmail: row.contact_email
	}));
}

/**
 * Sorted here rather than in SQL: names and cities sort as a French or English reader expects
 * (Intl.Collator: "Écrire" beside "Ecole", case ignored) and the same on both databases, whose
 * collations differ. Ties fall back to the date, the name, then the id, so the order is stable.
 */
export function sortEvents<T extends EventFigures>(
	events: T[],
	order: EventOrder,
	lang: Locale
): T[] {
	const collator = new Intl.Collator(intlLocale(lang), { sensitivity: 'base', numeric: true });
	const compareField = (a: T, b: T): number => {
		const x = a[order.sort];
		const y = b[order.sort];
		return typeof x === 'number' && typeof y === 'number'
			? x - y
			: collator.compare(String(x), String(y));
	};
	const sign = order.dir === 'asc' ? 1 : -1;
	return [...events].sort(
		(a, b) =>
			sign * compareField(a, b) ||
			byCodeUnits(b.date, a.date) ||
			collator.compare(a.name, b.name) ||
			byCodeUnits(a.id, b.id)
	);
}
