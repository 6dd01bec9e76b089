import { activePack } from '$lib/server/case-pack';
import { getDb } from '$lib/server/db';
import { apiError } from '$lib/server/http/errors';
import { handleSync, type SyncDeps } from '$lib/server/sync/handler';
import type { RequestHandler } from './$types';

const deps: SyncDeps = { database: getDb, cases: activePack };

export const POST: RequestHandler = ({ request, params }) =>
	handleSync(request, params.eventId, deps);

export const fallback: RequestHandler = () => {
	const response = apiError(405, 'method_not_allowed', 'Use POST to sync an event');
	response.headers.set('allow', 'POST');
	return response;
};
