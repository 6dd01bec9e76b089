/**
 * GET /api/events/{eventId}/devices: which devices counted for the event, for whoever holds its
 * key (the host and co-hosts). Authenticated as a sync is; reads only, off the sync's hot path.
 */
import { bearerEventKey, hashEventKey, keyHashesEqual } from '$lib/server/auth/event-key';
import type { AppDb } from '$lib/server/db/open';
import { readDevicesCounted } from '$lib/server/db/devices-counted';
import { apiError } from '$lib/server/http/errors';
import { logRefusedProof } from '$lib/server/http/log';
import type { DevicesAnswer } from '$lib/shared/devices-wire';
import { EVENT_ID_RULE, isId } from '$lib/shared/ids';
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
	if (!isId(eventId)) {
		return apiError(400, 'bad_event_id', EVENT_ID_RULE);
	}
	const key = bearerEventKey(request.headers.get('authorization'));
	if (!key.ok) return apiError(401, key.code, key.message);

	let db: AppDb;
	try {
		db = await deps.database();
	} catch (error) {
		console.error('devices: database unavailable', error);
		return apiError(503, 'db_unavailable', 'The database is unavailable; try again later');
	}
	try {
		const event = await db.kysely
			.selectFrom('events')
			.select(['key_hash', 'max_devices'])
			.where('id', '=', eventId)
			.executeTakeFirst();
		if (!event) {
			return apiError(404, 'unknown_event', 'No event with this id has synced yet');
		}
		if (!keyHashesEqual(event.key_hash, hashEventKey(key.key))) {
			logRefusedProof('devices', eventId, 'wrong_key');
			return apiError(403, 'wrong_key', 'This event is registered with another key');
		}
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
