import { activePack } from '$lib/server/case-pack';
import { getDb } from '$lib/server/db';
import { clientAddressOf } from '$lib/server/http/client-address';
import { apiError } from '$lib/server/http/errors';
import { limitsFromEnv } from '$lib/server/sync/limits';
import type { SyncDeps } from '$lib/server/sync/handler';
import { handleReport } from '$lib/server/sync/report';
import type { RequestHandler } from './$types';

const deps: SyncDeps = { database: getDb, cases: activePack, limits: limitsFromEnv() };

export const POST: RequestHandler = (event) =>
	handleReport(event.request, event.params.eventId, deps, clientAddressOf(event));

export const fallback: RequestHandler = () => {
	const response = apiError(405, 'method_not_allowed', 'Use POST to relay a report');
	response.headers.set('allow', 'POST');
	return response;
};
