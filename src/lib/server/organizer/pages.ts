/**
 * What each organizer page and export shows, each read in ONE consistent transaction
 * (read.ts), the live-update version included, so a page's figures always agree with each other
 * and with the version it polls against. The routes parse their input, call one of these and
 * render.
 */
import type { AppDb } from '$lib/server/db';
import type { Locale } from '$lib/shared/domain';
import type { EventOrder } from '$lib/shared/event-order';
import type {
	CaseFigures,
	EventFigures,
	EventToFollowUp,
	ProvinceFigures
} from '$lib/shared/organizer-figures';
import { activeCases, caseNames } from './case-names';
import { readEventDetail, type EventDetail } from './event-page';
import type { EventFilter } from './event-filter';
import { countEvents, readEventFigures, readEventsToFollowUp, sortEvents } from './events';
import { DEFAULT_SILENT_DAYS, followUp, type FollowUp } from './follow-up';
import { readCases, readNational, readProvinces, type NationalFigures } from './national';
import { readConsistently } from './read';
import { readVersion } from './version';

/** When the figures were read, and the version the live update compares with. */
export interface Snapshot {
	version: string;
	readAt: number;
}

export interface Dashboard extends Snapshot {
	national: NationalFigures;
	cases: CaseFigures[];
	provinces: ProvinceFigures[];
	followUp: { awaitingReport: number; silent: number; silentDays: number };
}

export async function readDashboard(db: AppDb, lang: Locale, now: number): Promise<Dashboard> {
	const active = await activeCases(db, lang);
	return readConsistently(db, async (trx) => {
		const national = await readNational(trx);
		const cases = await readCases(trx, await caseNames(trx, active));
		const provinces = await readProvinces(trx);
		const lists = followUp(await readEventsToFollowUp(trx), now, DEFAULT_SILENT_DAYS);
		return {
			national,
			cases,
			provinces,
			followUp: {
				awaitingReport: lists.awaitingReport.length,
				silent: lists.silent.length,
				silentDays: lists.silentDays
			},
			version: await readVersion(trx),
			readAt: now
		};
	});
}

export interface EventsPage extends Snapshot {
	events: EventFigures[];
	provinces: ProvinceFigures[];
	/** Events on the server, whatever the filter. */
	allEvents: number;
}

export function readEventsPage(
	db: AppDb,
	input: { filter: EventFilter; order: EventOrder; lang: Locale; now: number }
): Promise<EventsPage> {
	return readConsistently(db, async (trx) => {
		const events = await readEventFigures(trx, input.filter);
		const provinces = await readProvinces(trx, input.filter);
		return {
			events: sortEvents(events, input.order, input.lang),
			provinces,
			allEvents: await countEvents(trx),
			version: await readVersion(trx),
			readAt: input.now
		};
	});
}

export type EventPage = EventDetail & Snapshot;

export async function readEventPage(
	db: AppDb,
	eventId: string,
	lang: Locale,
	now: number
): Promise<EventPage | null> {
	const active = await activeCases(db, lang);
	return readConsistently(db, async (trx) => {
		const detail = await readEventDetail(trx, eventId, await caseNames(trx, active));
		return detail && { ...detail, version: await readVersion(trx), readAt: now };
	});
}

export type FollowUpPage = FollowUp<EventToFollowUp> & Snapshot;

export function readFollowUpPage(
	db: AppDb,
	silentDays: number,
	now: number
): Promise<FollowUpPage> {
	return readConsistently(db, async (trx) => ({
		...followUp(await readEventsToFollowUp(trx), now, silentDays),
		version: await readVersion(trx),
		readAt: now
	}));
}

/** The live update's answer: the version alone, read on its own. */
export function readLiveVersion(db: AppDb): Promise<string> {
	return readConsistently(db, readVersion);
}
