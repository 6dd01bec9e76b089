/**
 * POST /api/events/{eventId}/sync, thin: read, validate, authenticate, apply, answer. Every
 * failure answers `{ error: { code, message } }` before anything is written, or rolls back.
 */
import { apiError } from '$lib/server/http/errors';
import { logRefusedProof } from '$lib/server/http/log';
import { bearerEventKey, hashEventKey } from '$lib/server/auth/event-key';
import type { AppDb } from '$lib/server/db/open';
import { applySnapshot, type ApplyResult, type SnapshotAuth } from '$lib/server/db/sync-repo';
import { EVENT_ID_RULE, isId } from '$lib/shared/ids';
import {
	MAX_SYNC_BODY_BYTES,
	PUBLIC_KEY_RULE,
	parseCounterSnapshot,
	type CounterSnapshot,
	type PackStamp
} from '$lib/shared/sync-wire';
import { DEFAULT_LIMITS, type SyncLimits } from './limits';
import { readJsonBody, type BodyResult } from './read-body';
import { registrationRight } from './registration';

/** What a sync needs to know of the case packs. */
export interface SyncCases {
	/** The case ids counters may name: every case of every published pack, so a case a newer
	 * pack dropped stays countable and a device that counted it still syncs. */
	ids: ReadonlySet<string>;
	/** The active pack, announced in the answer so devices fetch a newer one by themselves. */
	stamp?: PackStamp;
}

export interface SyncDeps {
	/** The database, opened lazily so requests refused on their URL, key or body size are
	 * answered even while it is down. */
	database: () => Promise<AppDb>;
	/** The case packs as this process last checked them (cached: cheap on the hot path). */
	cases: (db: AppDb) => Promise<SyncCases> | SyncCases;
	now?: () => number;
	/** What one client may create (limits.ts); DEFAULT_LIMITS when absent. */
	limits?: SyncLimits;
}

/** An answer as plain data, so the SvelteKit route and the lean node:http route (node-route.ts)
 * send the very same thing. */
export interface PlainAnswer {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/** What a sync request is, taken out of whichever HTTP stack carried it. */
export interface SyncInput {
	eventId: string;
	authorization: string | null;
	/** Whether the request may still have unread body bytes: answers given before reading it
	 * then close the connection. */
	hasBody: boolean;
	/** Reads and parses the JSON body within MAX_SYNC_BODY_BYTES; called once, after the id and
	 * the key passed, so a refused request is not read. */
	readBody: (limit: number) => Promise<BodyResult>;
	/** Counts new events against the address's registration limit; the routes always pass it
	 * (tests that register many events from one caller leave it out). */
	clientAddress?: string;
}

/**
 * The sync itself, shared by both routes: validate, authenticate, apply, answer. Refusals come
 * from apiError (a Response, off the hot path) and are read back into plain data.
 */
export async function syncCore(input: SyncInput, deps: SyncDeps): Promise<PlainAnswer> {
	const { eventId } = input;
	// Answers given before the body is read whole close the connection: the unread bytes would
	// otherwise stall the next request on a kept-alive socket.
	const refuseUnread = (status: number, code: string, message: string) => {
		const response = apiError(status, code, message);
		if (input.hasBody) response.headers.set('connection', 'close');
		return plainOf(response);
	};
	if (!isId(eventId)) {
		return refuseUnread(400, 'bad_event_id', EVENT_ID_RULE);
	}
	const key = bearerEventKey(input.authorization);
	if (!key.ok) return refuseUnread(401, key.code, key.message);

	const body = await input.readBody(MAX_SYNC_BODY_BYTES);
	if (!body.ok) {
		return body.drained
			? plainOf(apiError(body.status, body.code, body.message))
			: refuseUnread(body.status, body.code, body.message);
	}
	const applied = await checkAndApply(
		body.value,
		eventId,
		{ by: 'key', keyHash: hashEventKey(key.key) },
		deps,
		'sync',
		input.clientAddress
	);
	if (!applied.ok) return plainOf(applied.response);
	const { result } = applied;
	if (!result.ok) {
		if (result.reason === 'bad_public_key') {
			return plainOf(apiError(400, 'bad_public_key', PUBLIC_KEY_RULE));
		}
		const limited = limitRefusal(result);
		if (limited) return plainOf(limited);
		logRefusedProof('sync', eventId, 'wrong_key');
		return plainOf(apiError(403, 'wrong_key', 'This event is registered with another key'));
	}
	return {
		status: 200,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
		body: JSON.stringify(result.answer)
	};
}

export async function plainOf(response: Response): Promise<PlainAnswer> {
	return {
		status: response.status,
		headers: Object.fromEntries(response.headers),
		body: await response.text()
	};
}

/** POST /api/events/{eventId}/sync through SvelteKit: syncCore over a Web Request. */
export async function handleSync(
	request: Request,
	eventId: string,
	deps: SyncDeps,
	clientAddress?: string
): Promise<Response> {
	const answer = await syncCore(
		{
			eventId,
			authorization: request.headers.get('authorization'),
			hasBody: request.body !== null,
			readBody: (limit) => readJsonBody(request, limit),
			clientAddress
		},
		deps
	);
	return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

export type Checked =
	{ ok: true; result: ApplyResult; snapshot: CounterSnapshot } | { ok: false; response: Response };

/**
 * What a sync and a relayed report share once the request is authenticated in its own way: the
 * snapshot checked against the published cases, then applied in one transaction. Failures
 * come back as the answer to give; the caller words the refusals of its own kind of proof.
 */
export async function checkAndApply(
	body: unknown,
	eventId: string,
	auth: SnapshotAuth,
	deps: SyncDeps,
	what: 'sync' | 'report',
	clientAddress?: string
): Promise<Checked> {
	let db: AppDb;
	try {
		db = await deps.database();
	} catch (error) {
		console.error(`${what}: database unavailable`, error);
		return refuse(503, 'db_unavailable', 'The database is unavailable; try again later');
	}
	let cases: SyncCases;
	try {
		cases = await deps.cases(db);
	} catch (error) {
		console.error(`${what}: no case pack`, error);
		return refuse(500, 'internal_error', 'The case pack could not be loaded; try again later');
	}
	const snapshot = parseCounterSnapshot(body, cases.ids);
	if (!snapshot.ok) return refuse(400, snapshot.code, snapshot.message, snapshot.field);
	const now = (deps.now ?? Date.now)();
	const limits = deps.limits ?? DEFAULT_LIMITS;
	const ahead = stampTooFarAhead(snapshot.value, now, limits.maxClockAheadMs);
	if (ahead) return refuse(400, 'bad_event', ahead.message, ahead.field);
	const right = await registrationRight(eventId, auth, snapshot.value);
	if (right === 'bad_proof') {
		logRefusedProof(what, eventId, 'bad_proof');
		return refuse(400, 'bad_proof', 'The proof does not match this event’s id and key');
	}

	try {
		const result = await applySnapshot(db, {
			eventId,
			auth,
			snapshot: snapshot.value,
			now,
			limits,
			mayRegister: right === 'may',
			clientAddress
		});
		if (!result.ok && result.reason === 'unregistered') {
			return refuse(
				409,
				'unregistered_event',
				'This event’s id is derived from its public key: only a request that proves it holds the event’s private key can register it'
			);
		}
		// Read before the transaction: a pack published meanwhile shows at the next sync.
		if (result.ok && cases.stamp) result.answer.pack = cases.stamp;
		return { ok: true, result, snapshot: snapshot.value };
	} catch (error) {
		console.error(`${what}: could not apply`, error);
		return refuse(500, 'internal_error', `The ${what} could not be stored; try again later`);
	}
}

/**
 * A last-writer-wins stamp far ahead of the server's clock would win against every later edit
 * until that time comes: refused. A few minutes ahead is allowed, as devices' clocks drift (a
 * phone set by hand, one that has not synced its time); the device whose clock is far off sees
 * the refusal and the details it sent stay on it.
 */
function stampTooFarAhead(
	snapshot: CounterSnapshot,
	now: number,
	allowedMs: number
): { field: string; message: string } | undefined {
	const limit = now + allowedMs;
	const minutes = Math.round(allowedMs / 60_000);
	const message = (what: string) =>
		`${what} is more than ${minutes} minutes ahead of the server's clock: check this device's date and time`;
	if (snapshot.event.updatedAt > limit) {
		return { field: 'updatedAt', message: message('event.updatedAt') };
	}
	if (snapshot.contact && snapshot.contact.updatedAt > limit) {
		return { field: 'contact.updatedAt', message: message('contact.updatedAt') };
	}
	return undefined;
}

/** The answers to the refusals that bound what one client can make the server store. */
export function limitRefusal(result: Extract<ApplyResult, { ok: false }>): Response | undefined {
	switch (result.reason) {
		case 'too_many_devices':
			return apiError(
				409,
				'too_many_devices',
				`This event already counts ${result.limit} devices, its limit: an organizer can raise it on the event's page`
			);
		case 'device_removed':
			return apiError(
				409,
				'device_removed',
				'An organizer removed this device’s counts from this event: it cannot count for it any more'
			);
		case 'too_many_registrations': {
			const seconds = Math.max(1, Math.ceil((result.retryAfterMs ?? 0) / 1000));
			const response = apiError(
				429,
				'too_many_registrations',
				`This address registered ${result.limit} new events within the hour: try again in ${Math.ceil(seconds / 60)} minutes`
			);
			response.headers.set('retry-after', String(seconds));
			return response;
		}
		default:
			return undefined;
	}
}

const refuse = (status: number, code: string, message: string, field?: string): Checked => ({
	ok: false,
	response: apiError(status, code, message, field)
});
