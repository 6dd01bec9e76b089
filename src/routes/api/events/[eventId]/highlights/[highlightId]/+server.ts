import { apiError } from '$lib/server/http/errors';
import { handleHighlightDelete, handleHighlightPut } from '$lib/server/highlights/handler';
import { highlightRouteDeps as deps } from '$lib/server/highlights/route-deps';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = ({ request, params }) =>
	handleHighlightPut(request, params.eventId, params.highlightId, deps);

export const DELETE: RequestHandler = ({ request, params }) =>
	handleHighlightDelete(request, params.eventId, params.highlightId, deps);

export const fallback: RequestHandler = () => {
	const response = apiError(
		405,
		'method_not_allowed',
		'Use PUT to send a highlight, DELETE to withdraw it'
	);
	response.headers.set('allow', 'PUT, DELETE');
	return response;
};
