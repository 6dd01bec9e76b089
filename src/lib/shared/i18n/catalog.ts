/**
 * The one i18n layer: each area of the app defines its messages in both official languages with
 * `defineMessages`. The French side is typed from the English side, so a missing or extra key
 * fails `svelte-check` and the build instead of showing a raw key to a person.
 */
import type { Locale } from '../domain';

/** A message is a template with {placeholders}, or plural forms chosen by the `count` param. */
export type Message = string | { one: string; other: string };
export type Params = Record<string, string | number>;

export interface Catalog<K extends string> {
	en: Record<K, Message>;
	fr: Record<K, Message>;
}

export function defineMessages<const E extends Record<string, Message>>(
	en: E,
	fr: { [K in keyof E]: Message }
): Catalog<Extract<keyof E, string>> {
	return { en, fr } as Catalog<Extract<keyof E, string>>;
}

/** Canadian conventions in both languages: 1,234 and 1 234, "Nov. 26, 2026" and « 26 nov. 2026 ». */
export const intlLocale = (locale: Locale) => (locale === 'fr' ? 'fr-CA' : 'en-CA');

// Intl objects are costly to build and every tally repaint formats numbers: make each once.
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

export function formatNumber(value: number, locale: Locale): string {
	let format = numberFormats.get(locale);
	if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(intlLocale(locale))));
	return format.format(value);
}

function pluralOf(count: number, locale: Locale): Intl.LDMLPluralRule {
	let rules = pluralRules.get(locale);
	if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(intlLocale(locale))));
	return rules.select(count);
}

/** Formats a YYYY-MM-DD day without letting the time zone move it to the day before. */
export function formatDay(
	day: string,
	locale: Locale,
	dateStyle: 'long' | 'medium' = 'long'
): string {
	const date = new Date(`${day}T12:00:00Z`);
	if (Number.isNaN(date.getTime())) return day;
	return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle, timeZone: 'UTC' }).format(date);
}

/**
 * A moment as a date and time. `timeZone` pins the zone where the server and the browser must
 * agree (organizer pages are rendered on one and updated on the other); else the runtime's own.
 */
export function formatDateTime(epochMs: number, locale: Locale, timeZone?: string): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(new Date(epochMs));
}

/** A moment as a time of day with its zone: "2:32 p.m. EST", « 14 h 32 HNE ». */
export function formatTime(epochMs: number, locale: Locale, timeZone?: string): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		hour: 'numeric',
		minute: '2-digit',
		timeZoneName: 'short',
		timeZone
	}).format(new Date(epochMs));
}

export function translate<K extends string>(
	catalog: Catalog<K>,
	locale: Locale,
	key: K,
	params: Params = {}
): string {
	const message = catalog[locale][key];
	const template =
		typeof message === 'string'
			? message
			: pluralOf(Number(params.count ?? 0), locale) === 'one'
				? message.one
				: message.other;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) return whole;
		return typeof value === 'number' ? formatNumber(value, locale) : value;
	});
}
