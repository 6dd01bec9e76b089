import { apiError } from '$lib/server/http/errors';
import { etagResponse } from '$lib/server/http/etag';
import { getDb } from '$lib/server/db';
import { readLiveVersion } from '$lib/server/organizer/pages';
import type { RequestHandler } from './$types';

/**
 * The live update's question, "has anything synced since?", asked every 10 s by each open
 * organizer page: a version of the figures (organizer/version.ts) as JSON and as the ETag, so an
 * unchanged answer is a 304 with no body. The gate has already refused requests without a
 * session (401).
 */
export const GET: RequestHandler = async ({ request }) => {
	let version: string;
	try {
		version = await readLiveVersion(await getDb());
	} catch (error) {
		console.error('organizer version: database unavailable', error);
		return apiError(503, 'db_unavailable', 'The database is unavailable; try again later');
	}
	return etagResponse(request, `"${version}"`, JSON.stringify({ version }), {
		// Per organizer, and always asked again: the browser may keep it only to revalidate.
		cacheControl: 'private, no-cache',
		contentType: 'application/json'
	});
};
