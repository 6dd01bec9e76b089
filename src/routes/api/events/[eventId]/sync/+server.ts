import { clientAddressOf } from '$lib/server/http/client-address';
import { apiError } from '$lib/server/http/errors';
import { syncRouteDeps as deps } from '$lib/server/sync/route-deps';
import { handleSync } from '$lib/server/sync/handler';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	handleSync(event.request, event.params.eventId, deps, clientAddressOf(event));

export const fallback: RequestHandler = () => {
	const response = apiError(405, 'method_not_allowed', 'Use POST to sync an event');
	response.headers.set('allow', 'POST');
	return response;
};
