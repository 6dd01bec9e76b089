/**
 * Who to follow up with (docs/organizers.md, "Follow-up"). Two lists, each a plain rule over an
 * event's date, province and last sync, with `now` passed in so the rules can be tested at their
 * edges:
 *
 * - **No report since the event**: the event's day is over where it happens (midnight has begun
 *   the next day in its province's time zone) and the server has had no sync or relayed report
 *   from it since that midnight. Counts made late on the day may still sit on a device.
 * - **Silent for N days**: the server has had no sync or report from the event for N × 24 hours
 *   or more, whatever its date.
 */
import { PROVINCE_TIME_ZONES } from '$lib/shared/provinces';
import { byCodeUnits } from '$lib/shared/domain';
import type { EventSummary } from '$lib/shared/organizer-figures';
import { startOfDay } from './zoned-time';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_SILENT_DAYS = 7;
export const MAX_SILENT_DAYS = 365;

type Dated = Pick<EventSummary, 'date' | 'province' | 'lastSyncAt'>;

/** Midnight at the start of the day after the event, in its province's time zone. */
export function dayAfterEvent(event: Pick<EventSummary, 'date' | 'province'>): number {
	return startOfDay(event.date, PROVINCE_TIME_ZONES[event.province], 1);
}

/** The event's day is over and nothing has come from it since. */
export function awaitsReport(event: Dated, now: number): boolean {
	const after = dayAfterEvent(event);
	return now >= after && event.lastSyncAt < after;
}

/** Nothing from the event for `days` whole days or more. */
export function isSilent(event: Pick<EventSummary, 'lastSyncAt'>, now: number, days: number) {
	return now - event.lastSyncAt >= days * DAY_MS;
}

/** N from the page's form: a whole number of days from 1 to 365, else the default. */
export function parseSilentDays(value: string | null): { days: number; valid: boolean } {
	if (value === null || value.trim() === '') return { days: DEFAULT_SILENT_DAYS, valid: true };
	const days = Number(value);
	return Number.isInteger(days) && days >= 1 && days <= MAX_SILENT_DAYS
		? { days, valid: true }
		: { days: DEFAULT_SILENT_DAYS, valid: false };
}

export interface FollowUp<E extends EventSummary = EventSummary> {
	/** Oldest event day first: the longest wait. */
	awaitingReport: E[];
	/** Longest silence first. */
	silent: E[];
	silentDays: number;
}

export function followUp<E extends EventSummary>(
	events: E[],
	now: number,
	silentDays: number
): FollowUp<E> {
	return {
		awaitingReport: events
			.filter((event) => awaitsReport(event, now))
			.sort((a, b) => byCodeUnits(a.date, b.date) || byCodeUnits(a.name, b.name)),
		silent: events
			.filter((event) => isSilent(event, now, silentDays))
			.sort((a, b) => a.lastSyncAt - b.lastSyncAt || byCodeUnits(a.name, b.name)),
		silentDays
	};
}
