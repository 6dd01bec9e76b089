import { activePack } from '$lib/server/case-pack';
import { getDb } from '$lib/server/db';
import { apiError } from '$lib/server/http/errors';
import type { SyncDeps } from '$lib/server/sync/handler';
import { handleReport } from '$lib/server/sync/report';
import type { RequestHandler } from './$types';

const deps: SyncDeps = { database: getDb, cases: activePack };

export const POST: RequestHandler = ({ request, params }) =>
	handleReport(request, params.eventId, deps);

export const fallback: RequestHandler = () => {
	const response = apiError(405, 'method_not_allowed', 'Use POST to relay a report');
	response.headers.set('allow', 'POST');
	return response;
};
