/**
 * GET /api/cases?lang=en|fr: the case pack in one language. The body is built once per pack and
 * language; clients revalidate with If-None-Match (Cache-Control: no-cache) and get a 304 when
 * their copy is current.
 */
import type { RequestHandler } from './$types';
import { apiError } from '$lib/server/http/errors';
import { etagResponse } from '$lib/server/http/etag';
import { localizedPack, type LocalizedPackResponse } from '$lib/server/case-pack';
import { isLocale, LOCALES } from '$lib/shared/domain';

export const GET: RequestHandler = ({ url, request }) => {
	const lang = url.searchParams.get('lang');
	if (!isLocale(lang)) {
		const allowed = LOCALES.map((locale) => `"${locale}"`).join(' or ');
		return apiError(400, 'bad_lang', `The lang query parameter must be ${allowed}.`);
	}
	let localized: LocalizedPackResponse;
	try {
		localized = localizedPack(lang);
	} catch (error) {
		// A bad CASE_PACK_FILE at first use: say so to the operator, not to every caller.
		console.error(error);
		return apiError(503, 'case_pack_unavailable', 'The case pack could not be loaded.');
	}
	return etagResponse(request, localized.etag, localized.body, {
		cacheControl: 'no-cache',
		contentType: 'application/json; charset=utf-8'
	});
};
