/**
 * POST /api/events/{eventId}/sync, thin: read, validate, authenticate, apply, answer. Every
 * failure answers `{ error: { code, message } }` before anything is written, or rolls back.
 */
import { apiError } from '$lib/server/http/errors';
import { bearerEventKey, hashEventKey } from '$lib/server/auth/event-key';
import type { AppDb } from '$lib/server/db/open';
import { applySnapshot } from '$lib/server/db/sync-repo';
import { isId } from '$lib/shared/ids';
import { MAX_SYNC_BODY_BYTES, PUBLIC_KEY_RULE, parseCounterSnapshot } from '$lib/shared/sync-wire';
import { readJsonBody } from './read-body';

export interface SyncDeps {
	/** The database, opened lazily so bad requests are answered even while it is down. */
	database: () => Promise<AppDb>;
	/** Ids of the current case pack's cases. */
	caseIds: () => ReadonlySet<string>;
	now?: () => number;
}

export async function handleSync(
	request: Request,
	eventId: string,
	deps: SyncDeps
): Promise<Response> {
	// Answers given before the body is read whole close the connection: the unread bytes would
	// otherwise stall the next request on a kept-alive socket.
	const refuseUnread = (status: number, code: string, message: string) => {
		const response = apiError(status, code, message);
		if (request.body) response.headers.set('connection', 'close');
		return response;
	};
	if (!isId(eventId)) {
		return refuseUnread(
			400,
			'bad_event_id',
			'The event id must be 16 to 64 characters of A-Z, a-z, 0-9, _ and -'
		);
	}
	const key = bearerEventKey(request.headers.get('authorization'));
	if (!key.ok) return refuseUnread(401, key.code, key.message);

	const body = await readJsonBody(request, MAX_SYNC_BODY_BYTES);
	if (!body.ok) {
		return body.drained
			? apiError(body.status, body.code, body.message)
			: refuseUnread(body.status, body.code, body.message);
	}
	let caseIds: ReadonlySet<string>;
	try {
		caseIds = deps.caseIds();
	} catch (error) {
		console.error('sync: no case pack', error);
		return apiError(500, 'internal_error', 'The case pack could not be loaded; try again later');
	}
	const snapshot = parseCounterSnapshot(body.value, caseIds);
	if (!snapshot.ok) return apiError(400, snapshot.code, snapshot.message, snapshot.field);

	let db: AppDb;
	try {
		db = await deps.database();
	} catch (error) {
		console.error('sync: database unavailable', error);
		return apiError(503, 'db_unavailable', 'The database is unavailable; try again later');
	}
	let result;
	try {
		result = await applySnapshot(db, {
			eventId,
			auth: { by: 'key', keyHash: hashEventKey(key.key) },
			snapshot: snapshot.value,
			now: (deps.now ?? Date.now)()
		});
	} catch (error) {
		console.error('sync: could not apply', error);
		return apiError(500, 'internal_error', 'The sync could not be stored; try again later');
	}
	if (!result.ok) {
		return result.reason === 'bad_public_key'
			? apiError(400, 'bad_public_key', PUBLIC_KEY_RULE)
			: apiError(403, 'wrong_key', 'This event is registered with another key');
	}
	return new Response(JSON.stringify(result.answer), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
}
