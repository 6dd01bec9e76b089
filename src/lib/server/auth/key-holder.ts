/**
 * Whoever holds an event's key, for the endpoints beside the sync that never register an event
 * (its devices, its highlights): the id's shape, the bearer key, the database, the event, then
 * the key against the hash the event was registered with. The sync itself checks the key inside
 * its write (it may register the event), so it does not come through here.
 */
import { bearerEventKey, hashEventKey, keyHashesEqual } from './event-key';
import type { AppDb } from '$lib/server/db/open';
import { apiError } from '$lib/server/http/errors';
import { logRefusedProof } from '$lib/server/http/log';
import { EVENT_ID_RULE, isId } from '$lib/shared/ids';

export type KeyHolderCheck =
	| { ok: true; db: AppDb; event: { max_devices: number | null } }
	| { ok: false; response: Response };

export interface KeyHolderOptions {
	/** Opened lazily, so a request refused on its id or key is answered while it is down. */
	database: () => Promise<AppDb>;
	/** Names the endpoint in the log. */
	area: 'devices' | 'highlights';
	/** The answer when no event with this id has synced yet. */
	unknownEvent: () => Response;
}

export async function checkKeyHolder(
	request: Request,
	eventId: string,
	{ database, area, unknownEvent }: KeyHolderOptions
): Promise<KeyHolderCheck> {
	const refuse = (response: Response): KeyHolderCheck => ({ ok: false, response });
	if (!isId(eventId)) return refuse(apiError(400, 'bad_event_id', EVENT_ID_RULE));
	const key = bearerEventKey(request.headers.get('authorization'));
	if (!key.ok) return refuse(apiError(401, key.code, key.message));

	let db: AppDb;
	try {
		db = await database();
	} catch (error) {
		console.error(`${area}: database unavailable`, error);
		return refuse(apiError(503, 'db_unavailable', 'The database is unavailable; try again later'));
	}
	const event = await db.kysely
		.selectFrom('events')
		.select(['key_hash', 'max_devices'])
		.where('id', '=', eventId)
		.executeTakeFirst();
	if (!event) return refuse(unknownEvent());
	if (!keyHashesEqual(event.key_hash, hashEventKey(key.key))) {
		logRefusedProof(area, eventId, 'wrong_key');
		return refuse(apiError(403, 'wrong_key', 'This event is registered with another key'));
	}
	return { ok: true, db, event };
}
