/** Reads a JSON request body within a byte limit, without trusting Content-Length alone. */

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

export async function readJsonBody(request: Request, limit: number): Promise<BodyResult> {
	if (!isJsonContentType(request.headers.get('content-type'))) {
		return {
			ok: false,
			status: 415,
			code: 'unsupported_media_type',
			message: 'Send the body as Content-Type: application/json',
			drained: false
		};
	}
	const declared = checkDeclaredLength(request, limit);
	if (declared) return declared;

	// A client may lie about Content-Length or send chunks: count what actually arrives.
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (request.body) {
		const reader = request.body.getReader();
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				size += value.byteLength;
				// Not reader.cancel(): on adapter-node that destroys the socket before the 413 is
				// written. The answer closes the connection instead.
				if (size > limit) return tooLarge(limit);
				chunks.push(value);
			}
		} catch (error) {
			// adapter-node errors the stream itself past BODY_SIZE_LIMIT or a short Content-Length.
			if ((error as { status?: unknown })?.status === 413) return tooLarge(limit);
			return {
				ok: false,
				status: 400,
				code: 'bad_request',
				message: 'The body could not be read',
				drained: false
			};
		}
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
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
