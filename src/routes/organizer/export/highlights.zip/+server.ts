import { apiError } from '$lib/server/http/errors';
import { getDb } from '$lib/server/db';
import { getMediaStore } from '$lib/server/media';
import { parseHighlightFilter } from '$lib/server/organizer/highlights';
import { highlightsZip, MAX_ZIP_HIGHLIGHTS } from '$lib/server/organizer/highlights-zip';
import { organizerTimeZone } from '$lib/server/organizer/time-zone';
import { dayIn } from '$lib/server/organizer/zoned-time';
import type { RequestHandler } from './$types';

/**
 * GET /organizer/export/highlights.zip?event=&province=: the approved highlights of the
 * gallery's filter, photos and highlights.csv. Under /organizer/export/, so the gate answers 401
 * without a session (a script gets an error, not a login page).
 */
export const GET: RequestHandler = async ({ url }) => {
	const filter = parseHighlightFilter(url.searchParams);
	try {
		const zip = await highlightsZip(await getDb(), getMediaStore(), filter);
		if (zip === 'too_many') {
			return apiError(
				400,
				'too_many',
				`More than ${MAX_ZIP_HIGHLIGHTS} approved highlights: choose a province or an event`
			);
		}
		const day = dayIn(organizerTimeZone(), Date.now());
		return new Response(zip.stream, {
			headers: {
				'Content-Type': 'application/zip',
				'Content-Disposition': `attachment; filename="letterday-highlights-${day}.zip"`,
				'Cache-Control': 'no-store',
				'X-Content-Type-Options': 'nosniff'
			}
		});
	} catch (error) {
		console.error('organizer export highlights.zip failed', error);
		return apiError(503, 'db_unavailable', 'The highlights could not be read; try again later');
	}
};
