import { apiError } from '$lib/server/http/errors';
import { handlePhotoPut } from '$lib/server/highlights/handler';
import { highlightRouteDeps as deps } from '$lib/server/highlights/route-deps';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = ({ request, params }) =>
	handlePhotoPut(request, params.eventId, params.highlightId, deps);

export const fallback: RequestHandler = () => {
	const response = apiError(405, 'method_not_allowed', 'Use PUT to send a chunk of the photo');
	response.headers.set('allow', 'PUT');
	return response;
};
