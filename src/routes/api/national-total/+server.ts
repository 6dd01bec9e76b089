import { nationalTotal } from '$lib/server/thanks/national-total';
import { apiError } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

/**
 * The campaign's national total for participant pages and projectors: public, one figure and a
 * stamp, never an event's details. Cached per process (national-total.ts) and by clients for
 * 30 s; the ETag lets a projector's poll cost a 304.
 */
export const GET: RequestHandler = async ({ request }) => {
	const figure = await nationalTotal();
	if (!figure) {
		const response = apiError(503, 'db_unavailable', 'The national total is unavailable');
		response.headers.set('cache-control', 'no-store');
		return response;
	}
	const headers = {
		'cache-control': 'public, max-age=30',
		etag: figure.etag,
		'x-content-type-options': 'nosniff'
	};
	if (request.headers.get('if-none-match') === figure.etag) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(JSON.stringify({ year: figure.year, total: figure.total, at: figure.at }), {
		headers: { ...headers, 'content-type': 'application/json' }
	});
};
