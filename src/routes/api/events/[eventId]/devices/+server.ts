import { getDb } from '$lib/server/db';
import { apiError } from '$lib/server/http/errors';
import { handleDevices, type DevicesDeps } from '$lib/server/sync/devices';
import { limitsFromEnv } from '$lib/server/sync/limits';
import type { RequestHandler } from './$types';

const deps: DevicesDeps = { database: getDb, limits: limitsFromEnv() };

export const GET: RequestHandler = (event) =>
	handleDevices(event.request, event.params.eventId, deps);

export const fallback: RequestHandler = () => {
	const response = apiError(405, 'method_not_allowed', 'Use GET to read the devices of an event');
	response.headers.set('allow', 'GET');
	return response;
};
