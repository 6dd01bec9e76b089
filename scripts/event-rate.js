/**
 * Syncs per event per second, per server process, checked by the server entry (serve.js) before
 * SvelteKit sees the request: a token bucket per event id, for `POST /api/events/{id}/sync` and
 * `…/report` together (relaying reports cannot get round it), and another for the event's
 * highlight uploads. A flood of one event, made-up
 * devices syncing in a loop, is turned away for the price of its request line, so it cannot take
 * the event loop or the database from other events. An event's real devices each sync a few
 * seconds after their last tap, so even a big event stays well below the rate; a device turned
 * away (429 `too_many_syncs`, Retry-After) retries with backoff and loses nothing.
 */

/** `SYNCS_PER_EVENT_PER_SECOND`'s default; a burst may take twice as many. */
export const DEFAULT_SYNCS_PER_EVENT_PER_SECOND = 10;

/** Buckets kept before idle (full again) ones are swept: bounds memory, not events. */
const SWEEP_AT = 10_000;

const SYNC_PATH = /^\/api\/events\/([^/?#]{1,64})\/(?:sync|report)(?:[?#]|$)/;
const HIGHLIGHT_PATH = /^\/api\/events\/([^/?#]{1,64})\/highlights\//;

/**
 * The bucket a request takes from, or null for requests the rate leaves alone. Highlight uploads
 * (a photo is up to 16 chunks, docs/highlights.md) have a bucket of their own per event, so
 * sending photos can never turn a count's sync away.
 * @param {string | undefined} method @param {string | undefined} url
 * @returns {{ key: string, what: string } | null}
 */
export function rateBucketOf(method, url = '') {
	const sync = method === 'POST' ? SYNC_PATH.exec(url) : null;
	if (sync) return { key: `sync:${sync[1]}`, what: 'syncs' };
	const highlight = method === 'PUT' || method === 'DELETE' ? HIGHLIGHT_PATH.exec(url) : null;
	if (highlight) return { key: `highlights:${highlight[1]}`, what: 'highlight uploads' };
	return null;
}

export class EventRate {
	/** @type {Map<string, { tokens: number, at: number }>} */
	#buckets = new Map();

	/** @param {number} perSecond @param {number} burst */
	constructor(perSecond, burst = perSecond * 2) {
		this.perSecond = perSecond;
		this.burst = burst;
	}

	/** 0 when the event may sync now (and takes a token), else the milliseconds until it may.
	 * @param {string} eventId @param {number} now */
	take(eventId, now) {
		const bucket = this.#buckets.get(eventId);
		const tokens = bucket ? this.#refilled(bucket, now) : this.burst;
		if (tokens < 1) return Math.ceil(((1 - tokens) / this.perSecond) * 1000);
		if (!bucket && this.#buckets.size >= SWEEP_AT) this.#sweep(now);
		this.#buckets.set(eventId, { tokens: tokens - 1, at: now });
		return 0;
	}

	get size() {
		return this.#buckets.size;
	}

	/** @param {{ tokens: number, at: number }} bucket @param {number} now */
	#refilled(bucket, now) {
		return Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
	}

	/** @param {number} now */
	#sweep(now) {
		for (const [id, bucket] of this.#buckets) {
			if (this.#refilled(bucket, now) >= this.burst) this.#buckets.delete(id);
		}
	}
}

/**
 * Answers a sync, report or highlight upload over its event's rate with 429 and the API's error shape, and says
 * so (true); leaves every other request alone (false). The body is never parsed, only drained,
 * so the connection stays usable for the client's next request.
 * @param {EventRate} rate
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
export function refuseOverRate(rate, request, response, now = Date.now()) {
	const bucket = rateBucketOf(request.method, request.url);
	if (!bucket) return false;
	const waitMs = rate.take(bucket.key, now);
	if (waitMs === 0) return false;
	const body = JSON.stringify({
		error: {
			code: 'too_many_syncs',
			message: `This event sends more than ${rate.perSecond} ${bucket.what} a second: try again shortly`
		}
	});
	response.writeHead(429, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(body),
		'cache-control': 'no-store',
		'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000)))
	});
	// Read and dropped (a sync body is at most 256 KB; the request timeout bounds a slow one),
	// so the connection stays usable and a flood costs no new connection per request.
	request.resume();
	response.end(body);
	return true;
}
