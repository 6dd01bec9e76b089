/**
 * GET /api/events/{eventId}/devices: which devices counted for the event, for whoever holds its
 * key (the host and co-hosts). Authenticated as a sync is; reads only, off the sync's hot path.
 */
import { checkKeyHolder } from '$lib/server/auth/key-holder';
import type { AppDb } from '$lib/server/db/open';
import { readDevicesCounted } from '$lib/server/db/devices-counted';
import { apiError } from '$lib/server/http/errors';
import type { DevicesAnswer } from '$lib/shared/devices-wire';
import { DEFAULT_LIMITS, type SyncLimits } from './limits';

export interface DevicesDeps {
	database: () => Promise<AppDb>;
	limits?: SyncLimits;
}

export async function handleDevices(
	request: Request,
	eventId: string,
	deps: DevicesDeps
): Promise<Response> {
	try {
		const holder = await checkKeyHolder(request, eventId, {
			database: deps.database,
			area: 'devices',
			unknownEvent: () => apiError(404, 'unknown_event', 'No event with this id has synced yet')
		});
		if (!holder.ok) return holder.response;
		const { db, event } = holder;
		// Bounded by the event's cap: no more devices than that count at once. Removed ones may
		// add to them, hence one more row read, to say that the list stops short.
		const cap = event.max_devices ?? (deps.limits ?? DEFAULT_LIMITS).maxDevicesPerEvent;
		const devices = await readDevicesCounted(db, eventId, cap + 1);
		const answer: DevicesAnswer = { devices: devices.slice(0, cap), more: devices.length > cap };
		return new Response(JSON.stringify(answer), {
			headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
		});
	} catch (error) {
		console.error('devices: could not read', error);
		return apiError(500, 'internal_error', 'The devices could not be read; try again later');
	}
}
