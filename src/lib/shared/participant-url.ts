import type { Locale } from './domain';

/**
 * Where participants land from the room's QR codes: the case list in the event's language, on
 * the origin the app is served from. The host's QR screen and the projector both show it, so
 * a code on the wall and a code on the table always lead to the same page.
 */
export function participantListUrl(origin: string, lang: Locale): string {
	return `${origin}/c/${lang}`;
}

/** The campaign's public thank-you page for the year of an event dated `date` (YYYY-MM-DD). */
export function thanksPageUrl(origin: string, lang: Locale, date: string): string {
	return `${origin}/c/${lang}/thanks/${date.slice(0, 4)}`;
}
