/**
 * The three downloads (docs/organizers.md, "Exports"): their fields, in order, and their rows,
 * each read in one consistent transaction. table-file.ts writes them as CSV or JSON.
 */
import type { AppDb } from '$lib/server/db';
import type { Locale } from '$lib/shared/domain';
import type { EventOrder } from '$lib/shared/event-order';
import { activeCases, caseNames } from './case-names';
import type { EventFilter } from './event-filter';
import { readEventFigures, sortEvents } from './events';
import { readCases, readProvinces } from './national';
import { readConsistently } from './read';
import { isoTime, type Table } from './table-file';

const KIND_FIELDS = ['letter', 'card', 'petition', 'online', 'total'] as const;

export const CASE_FIELDS = ['case_id', 'name', ...KIND_FIELDS] as const;

export const EVENT_FIELDS = [
	'event_id',
	'name',
	'venue',
	'city',
	'province',
	'date',
	'devices',
	'participants',
	'first_timers',
	...KIND_FIELDS,
	'last_sync_at'
] as const;

export const PROVINCE_FIELDS = [
	'province',
	'events',
	'participants',
	'first_timers',
	...KIND_FIELDS
] as const;

export const EXPORT_NAMES = ['cases', 'events', 'provinces'] as const;
export type ExportName = (typeof EXPORT_NAMES)[number];
export const isExportName = (value: string): value is ExportName =>
	(EXPORT_NAMES as readonly string[]).includes(value);

export interface ExportInput {
	/** The language of the case names. */
	lang: Locale;
	/** The events page's filter and order (events and provinces only). */
	filter: EventFilter;
	order: EventOrder;
}

export async function readExport(db: AppDb, name: ExportName, input: ExportInput): Promise<Table> {
	const active = name === 'cases' ? await activeCases(db, input.lang) : [];
	return readConsistently(db, async (trx): Promise<Table> => {
		switch (name) {
			case 'cases':
				return {
					name,
					fields: CASE_FIELDS,
					rows: (await readCases(trx, await caseNames(trx, active))).map((c) => ({
						case_id: c.caseId,
						name: c.name,
						letter: c.letter,
						card: c.card,
						petition: c.petition,
						online: c.online,
						total: c.total
					}))
				};
			case 'events': {
				const events = sortEvents(
					await readEventFigures(trx, input.filter),
					input.order,
					input.lang
				);
				return {
					name,
					fields: EVENT_FIELDS,
					rows: events.map((e) => ({
						event_id: e.id,
						name: e.name,
						venue: e.venue,
						city: e.city,
						province: e.province,
						date: e.date,
						devices: e.devices,
						participants: e.participants,
						first_timers: e.firstTimers,
						letter: e.letter,
						card: e.card,
						petition: e.petition,
						online: e.online,
						total: e.total,
						last_sync_at: isoTime(e.lastSyncAt)
					}))
				};
			}
			case 'provinces':
				return {
					name,
					fields: PROVINCE_FIELDS,
					rows: (await readProvinces(trx, input.filter)).map((p) => ({
						province: p.province,
						events: p.events,
						participants: p.participants,
						first_timers: p.firstTimers,
						letter: p.letter,
						card: p.card,
						petition: p.petition,
						online: p.online,
						total: p.total
					}))
				};
		}
	});
}
