/** Reads a JSON request body within a byte limit, without trusting Content-Length alone: from a
 * Web Request (the SvelteKit routes) or straight from node:http (the lean sync route). */
import type { IncomingMessage } from 'node:http';

export type BodyResult =
	| { ok: true; value: unknown }
	| {
			ok: false;
			status: 400 | 413 | 415;
			code: string;
			message: string;
			/** False when part of the body is still unread on the connection: the answer should
			 * close it, or the next request on a kept-alive socket would wait behind those bytes. */
			drained: boolean;
	  };

const tooLarge = (limit: number): BodyResult => ({
	ok: false,
	status: 413,
	code: 'payload_too_large',
	message: `The body is larger than ${limit} bytes`,
	drained: false
});

/** True for application/json with any parameters (charset=utf-8 and the like). */
export function isJsonContentType(contentType: string | null): boolean {
	return contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

/** Fails fast on a declared size over the limit, before reading a byte. */
export function checkDeclaredLength(request: Request, limit: number): BodyResult | undefined {
	const declared = request.headers.get('content-length');
	if (declared !== null && Number(declared) > limit) return tooLarge(limit);
	return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body's bytes, or undefined past `limit`. */
export async function readCapped(request: Request, limit: number): Promise<Uint8Array | undefined> {
	if (!request.body) return new Uint8Array(0);
	if (request.headers.has('content-length')) {
		// HTTP framing stops the body at the declared length, already checked against the limit:
		// read it in one go. The size check after is for a proxy that framed it otherwise.
		const whole = new Uint8Array(await request.arrayBuffer());
		return whole.byteLength > limit ? undefined : whole;
	}
	// Chunked: nothing said the size up front, so count what actually arrives.
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = request.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		// Not reader.cancel(): on adapter-node that destroys the socket before the 413 is
		// written. The answer closes the connection instead.
		if (size > limit) return undefined;
		chunks.push(value);
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

const NOT_JSON: BodyResult = {
	ok: false,
	status: 415,
	code: 'unsupported_media_type',
	message: 'Send the body as Content-Type: application/json',
	drained: false
};

const UNREADABLE: BodyResult = {
	ok: false,
	status: 400,
	code: 'bad_request',
	message: 'The body could not be read',
	drained: false
};

export async function readJsonBody(request: Request, limit: number): Promise<BodyResult> {
	if (!isJsonContentType(request.headers.get('content-type'))) return NOT_JSON;
	const declared = checkDeclaredLength(request, limit);
	if (declared) return declared;

	let bytes: Uint8Array;
	try {
		const read = await readCapped(request, limit);
		if (!read) return tooLarge(limit);
		bytes = read;
	} catch (error) {
		// adapter-node errors the stream itself past BODY_SIZE_LIMIT or a short Content-Length.
		if ((error as { status?: unknown })?.status === 413) return tooLarge(limit);
		return UNREADABLE;
	}
	return parseJsonBytes(bytes);
}

/**
 * The same over node:http, without the Web Request and streams in between (the lean sync route,
 * node-route.ts). `cap` is where reading stops when the server's BODY_SIZE_LIMIT is below
 * `limit`, as adapter-node stops there; the refusal names `limit` either way, as readJsonBody's.
 */
export function readNodeJsonBody(
	request: IncomingMessage,
	limit: number,
	cap = limit
): Promise<BodyResult> {
	if (!isJsonContentType(request.headers['content-type'] ?? null)) return Promise.resolve(NOT_JSON);
	const declared = request.headers['content-length'];
	if (declared !== undefined && Number(declared) > Math.min(limit, cap)) {
		return Promise.resolve(tooLarge(limit));
	}
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const onData = (chunk: Buffer) => {
			size += chunk.length;
			if (size > Math.min(limit, cap)) {
				// Left unread: the refusal closes the connection (drained: false).
				request.off('data', onData);
				request.pause();
				resolve(tooLarge(limit));
				return;
			}
			chunks.push(chunk);
		};
		request.on('data', onData);
		request.on('end', () => resolve(parseJsonBytes(Buffer.concat(chunks, size))));
		// A client gone mid-body: nothing to parse (a later resolve is ignored).
		request.on('error', () => resolve(UNREADABLE));
		request.on('close', () => resolve(UNREADABLE));
	});
}

function parseJsonBytes(bytes: Uint8Array): BodyResult {
	let text: string;
	try {
		text = utf8.decode(bytes);
	} catch {
		return {
			ok: false,
			status: 400,
			code: 'bad_request',
			message: 'The body is not UTF-8',
			drained: true
		};
	}
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return {
			ok: false,
			status: 400,
			code: 'bad_request',
			message: 'The body is not valid JSON',
			drained: true
		};
	}
}
