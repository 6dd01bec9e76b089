/**
 * Compression of the responses Node renders (pages, JSON answers, exports), used by
 * scripts/serve.js. adapter-node serves the built files precompressed (.br/.gz beside them) but
 * sends everything SvelteKit renders as is; a participant sheet is about 12 KB as is and 4 KB
 * gzipped, and /api/cases about 60 KB.
 *
 * The rules:
 * - brotli when Accept-Encoding allows br, else gzip, else nothing;
 * - only text types (COMPRESSIBLE), only bodies of THRESHOLD bytes or more: below that the
 *   saving is a few hundred bytes, not worth the CPU on the sync endpoint's small answers;
 * - never a response that already has a Content-Encoding (the precompressed files), nor HEAD,
 *   ranges, 1xx/204/206/304, nor Cache-Control: no-transform;
 * - every text-typed response says Vary: Accept-Encoding, compressed or not, so a shared cache
 *   never hands a brotli body to a client that did not ask for one;
 * - a compressed response's strong ETag becomes weak (W/"…", as nginx does): the bytes differ
 *   from the identity body's. If-None-Match is compared weakly by SvelteKit and by
 *   src/lib/server/http/etag.ts, so revalidating with W/"…" still gets a 304, and the 304 echoes
 *   the weak form the client holds.
 *
 * A body that arrives whole (SvelteKit writes a rendered page or a JSON answer as one chunk and
 * ends it within the same turn of the event loop) is held until it ends and compressed in one
 * synchronous call, which is cheaper than a zlib stream and lets the answer carry its
 * Content-Length. A body still open when the event loop moves on (a streamed page, a large file)
 * goes through a zlib stream, flushed whenever its producer pauses so nothing waits in the
 * compressor for the next chunk.
 */
import zlib from 'node:zlib';

export const THRESHOLD = 1024;
/** Fast settings for bodies rendered per request (brotli 11 is for build time only). */
export const BROTLI_QUALITY = 4;
export const GZIP_LEVEL = 6;
/** Held bodies past this size go to a stream rather than one synchronous call. */
const HOLD_MAX = 256 * 1024;

const COMPRESSIBLE =
	/^\s*(?:text\/(?:html|css|javascript|csv|plain)|application\/(?:json|javascript|manifest\+json)|image\/svg\+xml)\s*(?:;|$)/i;

/** @param {unknown} type a Content-Type header value */
export function compressible(type) {
	return typeof type === 'string' && COMPRESSIBLE.test(type);
}

/**
 * The coding to send for an Accept-Encoding header: 'br', 'gzip' or null. The highest quality
 * wins, brotli on a tie; `q=0` refuses a coding, `*` stands for any coding not named.
 * @param {string | string[] | undefined} header
 * @returns {'br' | 'gzip' | null}
 */
export function negotiate(header) {
	if (!header) return null;
	/** @type {Record<string, number>} */
	const q = {};
	for (const part of String(header).split(',')) {
		const [name = '', ...params] = part.trim().toLowerCase().split(';');
		const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const value = qParam ? Number(qParam.slice(2)) : 1;
		if (name) q[name.trim()] = Number.isFinite(value) ? value : 0;
	}
	const of = (/** @type {string} */ name) => q[name] ?? q['*'] ?? 0;
	const br = of('br');
	const gzip = Math.max(of('gzip'), q['x-gzip'] ?? 0);
	if (br > 0 && br >= gzip) return 'br';
	if (gzip > 0) return 'gzip';
	return null;
}

/** @param {import('node:http').ServerResponse} response */
function addVary(response) {
	const vary = response.getHeader('vary');
	const current = Array.isArray(vary) ? vary.join(', ') : String(vary ?? '');
	if (/(^|,)\s*(\*|accept-encoding)\s*(,|$)/i.test(current)) return;
	response.setHeader('vary', current.trim() ? `${current}, Accept-Encoding` : 'Accept-Encoding');
}

/** The ETag a client holds when its If-None-Match names `etag` in the weak form. */
function clientHoldsWeak(
	/** @type {string | undefined} */ ifNoneMatch,
	/** @type {string} */ etag
) {
	return (ifNoneMatch ?? '').split(',').some((tag) => tag.trim() === `W/${etag}`);
}

/** @param {'br' | 'gzip'} coding @param {number} [sizeHint] */
function options(coding, sizeHint) {
	if (coding === 'gzip') return { level: GZIP_LEVEL };
	/** @type {Record<number, number>} */
	const params = {
		[zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
		[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT
	};
	if (sizeHint) params[zlib.constants.BROTLI_PARAM_SIZE_HINT] = sizeHint;
	return { params };
}

/** @param {'br' | 'gzip'} coding @param {Buffer} body */
function compressSync(coding, body) {
	return coding === 'br'
		? zlib.brotliCompressSync(body, options('br', body.length))
		: zlib.gzipSync(body, options('gzip'));
}

/** @param {'br' | 'gzip'} coding @param {number} [sizeHint] */
function compressStream(coding, sizeHint) {
	return coding === 'br'
		? zlib.createBrotliCompress(options('br', sizeHint))
		: zlib.createGzip(options('gzip'));
}

/** @param {unknown} chunk @param {unknown} [encoding] */
function toBuffer(chunk, encoding) {
	if (chunk === undefined || chunk === null) return Buffer.alloc(0);
	if (typeof chunk === 'string')
		return Buffer.from(chunk, /** @type {BufferEncoding} */ (encoding || 'utf8'));
	return Buffer.from(
		/** @type {Uint8Array} */ (chunk).buffer,
		/** @type {Uint8Array} */ (chunk).byteOffset,
		/** @type {Uint8Array} */ (chunk).byteLength
	);
}

/**
 * Makes `response` compress what it sends, when `request` allows it and the response qualifies.
 * Call it before the handler writes anything: it wraps the response's writeHead, write and end.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
export function compress(request, response) {
	const coding =
		request.method === 'HEAD' || request.headers.range
			? null
			: negotiate(request.headers['accept-encoding']);
	/** @type {(...args: any[]) => any} */
	const writeHead = response.writeHead;
	/** @type {(...args: any[]) => any} */
	const write = response.write;
	/** @type {(...args: any[]) => any} */
	const end = response.end;

	/** 'pending' until writeHead; then 'identity', 'held' (waiting for the body's end) or 'stream'. */
	let mode = 'pending';
	/** @type {number} */
	let status = 200;
	/** @type {Buffer[]} */
	let held = [];
	let heldBytes = 0;
	/** @type {zlib.BrotliCompress | zlib.Gzip | undefined} */
	let stream;
	let flushScheduled = false;

	/** Applies writeHead's header argument through setHeader, so the decision sees it. */
	function absorbHeaders(/** @type {unknown[]} */ args) {
		const headers = typeof args[1] === 'object' ? args[1] : args[2];
		if (!headers || Array.isArray(headers)) return !Array.isArray(headers);
		for (const [name, value] of Object.entries(headers)) {
			if (value !== undefined) response.setHeader(name, /** @type {string} */ (value));
		}
		return true;
	}

	// The overloads of writeHead, write and end, collapsed into one signature each.
	/** @type {any} */
	const patched = response;

	/** @param {number} statusCode @param {any[]} rest */
	patched.writeHead = function (statusCode, ...rest) {
		if (mode !== 'pending') return writeHead.call(response, statusCode, ...rest);
		if (!absorbHeaders([statusCode, ...rest])) {
			// A raw header array: rare and opaque here, so sent as is.
			mode = 'identity';
			return writeHead.call(response, statusCode, ...rest);
		}
		const reason = typeof rest[0] === 'string' ? rest[0] : undefined;
		status = statusCode;
		mode = decide();
		if (mode === 'identity') {
			return reason === undefined
				? writeHead.call(response, statusCode)
				: writeHead.call(response, statusCode, reason);
		}
		if (reason !== undefined) response.statusMessage = reason;
		return response;
	};

	/** @returns {'identity' | 'held'} */
	function decide() {
		const etag = response.getHeader('etag');
		if (status === 304) {
			addVary(response);
			if (typeof etag === 'string' && etag.startsWith('"')) {
				const inm = request.headers['if-none-match'];
				if (clientHoldsWeak(inm, etag)) response.setHeader('etag', `W/${etag}`);
			}
			return 'identity';
		}
		if (!compressible(response.getHeader('content-type'))) return 'identity';
		addVary(response);
		if (!coding || status < 200 || status === 204 || status === 206) return 'identity';
		if (response.getHeader('content-encoding')) return 'identity';
		if (/no-transform/i.test(String(response.getHeader('cache-control') ?? ''))) {
			return 'identity';
		}
		const length = response.getHeader('content-length');
		if (length !== undefined && Number(length) < THRESHOLD) return 'identity';
		return 'held';
	}

	function startHeaders() {
		response.removeHeader('content-length');
		response.setHeader('content-encoding', /** @type {string} */ (coding));
		const etag = response.getHeader('etag');
		if (typeof etag === 'string' && etag.startsWith('"')) response.setHeader('etag', `W/${etag}`);
	}

	/** Sends what is held without compressing it (too small once it ended). */
	function sendIdentity(/** @type {(() => void) | undefined} */ callback) {
		mode = 'identity';
		const body = Buffer.concat(held);
		held = [];
		response.setHeader('content-length', body.length);
		writeHead.call(response, status);
		return end.call(response, body, callback);
	}

	/** The whole body is here: one synchronous compression. */
	function sendCompressed(/** @type {(() => void) | undefined} */ callback) {
		mode = 'identity';
		const body = compressSync(/** @type {'br' | 'gzip'} */ (coding), Buffer.concat(held));
		held = [];
		startHeaders();
		response.setHeader('content-length', body.length);
		writeHead.call(response, status);
		return end.call(response, body, callback);
	}

	/** The body is still coming: compress it as it streams. */
	function startStream() {
		mode = 'stream';
		const known = Number(response.getHeader('content-length')) || undefined;
		startHeaders();
		writeHead.call(response, status);
		const zip = compressStream(/** @type {'br' | 'gzip'} */ (coding), known);
		stream = zip;
		zip.on('data', (/** @type {Buffer} */ chunk) => {
			if (!write.call(response, chunk)) {
				zip.pause();
				response.once('drain', () => zip.resume());
			}
		});
		zip.on('end', () => end.call(response));
		zip.on('error', (error) => response.destroy(error));
		zip.on('drain', () => response.emit('drain'));
		response.once('close', () => zip.destroy());
		for (const chunk of held) zip.write(chunk);
		held = [];
		scheduleFlush();
	}

	function scheduleFlush() {
		if (flushScheduled) return;
		flushScheduled = true;
		setImmediate(() => {
			flushScheduled = false;
			if (stream && !stream.writableEnded && !stream.destroyed) {
				stream.flush(
					coding === 'br' ? zlib.constants.BROTLI_OPERATION_FLUSH : zlib.constants.Z_SYNC_FLUSH
				);
			}
		});
	}

	/** After the first chunk: if the body has not ended by the next turn, it is a stream. */
	let checkScheduled = false;
	function scheduleCheck() {
		if (checkScheduled) return;
		checkScheduled = true;
		setImmediate(() => {
			if (mode === 'held' && !response.destroyed) startStream();
		});
	}

	/** @param {any} chunk @param {any} [encoding] @param {any} [callback] */
	patched.write = function (chunk, encoding, callback) {
		if (mode === 'pending') response.writeHead(response.statusCode);
		if (mode === 'identity') return write.call(response, chunk, encoding, callback);
		const cb = typeof encoding === 'function' ? encoding : callback;
		const buffer = toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined);
		if (mode === 'held') {
			held.push(buffer);
			heldBytes += buffer.length;
			if (heldBytes > HOLD_MAX) startStream();
			else scheduleCheck();
			if (cb) process.nextTick(cb);
			return true;
		}
		const ok = /** @type {NonNullable<typeof stream>} */ (stream).write(buffer, cb);
		scheduleFlush();
		return ok;
	};

	/** @param {any} [chunk] @param {any} [encoding] @param {any} [callback] */
	patched.end = function (chunk, encoding, callback) {
		if (typeof chunk === 'function') [chunk, callback] = [undefined, chunk];
		else if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding];
		if (mode === 'pending') response.writeHead(response.statusCode);
		if (mode === 'identity') return end.call(response, chunk, encoding, callback);
		const buffer = toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined);
		if (mode === 'held') {
			held.push(buffer);
			heldBytes += buffer.length;
			return heldBytes < THRESHOLD ? sendIdentity(callback) : sendCompressed(callback);
		}
		const zip = /** @type {NonNullable<typeof stream>} */ (stream);
		if (callback) response.once('finish', callback);
		zip.end(buffer);
		return response;
	};
}
