/**
 * The organizer pages' language: `?lang=fr` (the switch in the page header) sets it and is
 * remembered in a cookie; otherwise the browser's preferred language; otherwise English.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { isLocale, type Locale } from '$lib/shared/domain';

const LANG_COOKIE = 'letterday_lang';

export function organizerLocale(event: Pick<RequestEvent, 'url' | 'cookies' | 'request'>): Locale {
	const asked = event.url.searchParams.get('lang');
	if (isLocale(asked)) {
		event.cookies.set(LANG_COOKIE, asked, {
			path: '/organizer',
			httpOnly: true,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:',
			maxAge: 365 * 24 * 60 * 60
		});
		return asked;
	}
	const remembered = event.cookies.get(LANG_COOKIE);
	if (isLocale(remembered)) return remembered;
	const accept = event.request.headers.get('accept-language') ?? '';
	return /^\s*fr\b/i.test(accept) ? 'fr' : 'en';
}
