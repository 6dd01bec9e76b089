/** Domain vocabulary shared by the host app, the participant pages and the server. */

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const isLocale = (value: unknown): value is Locale =>
	typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** What participants do for a case. */
export const CASE_KINDS = ['letter', 'card', 'petition', 'online'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Head counts kept once per event, under the pseudo case id EVENT_CASE_ID. */
export const EVENT_KINDS = ['participants', 'firstTimers'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_CASE_ID = '_event';

export type CounterKind = CaseKind | EventKind;

/** Canadian provinces and territories, by their postal abbreviation. */
export const PROVINCES = [
	'AB',
	'BC',
	'MB',
	'NB',
	'NL',
	'NS',
	'NT',
	'NU',
	'ON',
	'PE',
	'QC',
	'SK',
	'YT'
] as const;
export type Province = (typeof PROVINCES)[number];

/** Bumped whenever the sync request or answer changes shape. */
export const SYNC_FORMAT_VERSION = 1;

/** A counter value above this is refused as absurd for one device at one event. */
export const MAX_COUNTER_VALUE = 100_000;

/** Code-unit order, the same on every engine and locale (unlike localeCompare or SQL collations). */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One device's PN-counter for one (case, kind): absolute, monotonic values. */
export interface CounterState {
	caseId: string;
	kind: CounterKind;
	plus: number;
	minus: number;
}

export interface CounterTotal {
	caseId: string;
	kind: CounterKind;
	total: number;
}
