/**
 * GET /api/cases?lang=en|fr: the active case pack in one language. The body is built once per
 * pack and language; clients revalidate with If-None-Match (Cache-Control: no-cache) and get a
 * 304 when their copy is current.
 */
import type { RequestHandler } from './$types';
import { apiError } from '$lib/server/http/errors';
import { etagResponse } from '$lib/server/http/etag';
import { localizedPack, type LocalizedPackResponse } from '$lib/server/case-pack';
import { getDb } from '$lib/server/db';
import { isLocale, LOCALES } from '$lib/shared/domain';

export const GET: RequestHandler = async ({ url, request }) => {
	const lang = url.searchParams.get('lang');
	if (!isLocale(lang)) {
		const allowed = LOCALES.map((locale) => `"${locale}"`).join(' or ');
		return apiError(400, 'bad_lang', `The lang query parameter must be ${allowed}.`);
	}
	let localized: LocalizedPackResponse;
	try {
		localized = await localizedPack(await getDb(), lang);
	} catch (error) {
		// No database, or nothing published (a bad CASE_PACK_FILE on an empty database): say so
		// to the operator, not to every caller.
		console.error(error);
		return apiError(503, 'case_pack_unavailable', 'The case pack could not be loaded.');
	}
	return etagResponse(request, localized.etag, localized.body, {
		cacheControl: 'no-cache',
		contentType: 'application/json; charset=utf-8'
	});
};
