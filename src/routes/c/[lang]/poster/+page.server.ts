import type { PageServerLoad } from './$types';
import { cacheHeaders, cleanEventName, EVENT_NAME_MAX, requireLocale } from '../../helpers.server';
import { isLoopback } from '../print/loopback';

export const load: PageServerLoad = ({ params, setHeaders, url }) => {
	const lang = requireLocale(params.lang);
	// The poster shows no case text, so only the build and the URL decide its ETag.
	cacheHeaders(setHeaders, '', url);
	return {
		lang,
		eventName: cleanEventName(url.searchParams.get('event')),
		maxLength: EVENT_NAME_MAX,
		// The participants' QR: the case list only, never an event id or key.
		listUrl: `${url.origin}/c/${lang}`,
		localOnly: isLoopback(url.origin),
		origin: url.origin
	};
};
