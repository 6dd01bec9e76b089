/**
 * The highlight endpoints, thin: parse, authenticate, validate, apply, answer (docs/highlights.md).
 *   PUT    /api/events/{eventId}/highlights/{id}               JSON HighlightUpload -> HighlightAnswer
 *   PUT    /api/events/{eventId}/highlights/{id}/photo?offset=N raw bytes          -> HighlightAnswer
 *   DELETE /api/events/{eventId}/highlights/{id}                                   -> 204
 * Every refusal answers `{ error: { code, message } }` and changes nothing.
 */
import { apiError } from '$lib/server/http/errors';
import { checkDeclaredLength, readCapped, readJsonBody } from '$lib/server/sync/read-body';
import { HIGHLIGHT_CHUNK_BYTES, parseHighlightUpload } from '$lib/shared/highlight-wire';
import { eventAccess, type HighlightDeps } from './access';
import { receiveChunk } from './chunk';
import { receiveHighlight } from './receive';
import { removeHighlight } from './remove';

export type { HighlightDeps } from './access';

/** A highlight's details: a poem of MAX_HIGHLIGHT_BODY characters, escaped, fits with room. */
export const HIGHLIGHT_JSON_BYTES = 32 * 1024;

const answer = (value: unknown) =>
	new Response(JSON.stringify(value), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});

/** An unexpected failure: logged, answered in the API's shape, nothing promised stored. */
async function guarded(what: string, work: () => Promise<Response>): Promise<Response> {
	try {
		return await work();
	} catch (error) {
		console.error(`highlights: could not ${what}`, error);
		return apiError(500, 'internal_error', `The highlight could not be ${what}d; try again later`);
	}
}

export function handleHighlightPut(
	request: Request,
	eventId: string,
	highlightId: string,
	deps: HighlightDeps
): Promise<Response> {
	return guarded('store', async () => {
		const access = await eventAccess(request, eventId, highlightId, deps);
		if (!access.ok) return access.response;
		const body = await readJsonBody(request, HIGHLIGHT_JSON_BYTES);
		if (!body.ok) {
			const refused = apiError(body.status, body.code, body.message);
			// Bytes left unread would stall the next request on a kept-alive socket.
			if (!body.drained) refused.headers.set('connection', 'close');
			return refused;
		}
		const now = (deps.now ?? Date.now)();
		const upload = parseHighlightUpload(body.value, now);
		if (!upload.ok) return apiError(400, upload.code, upload.message);
		if (upload.value.id !== highlightId) {
			return apiError(400, 'bad_highlight', 'The id in the body must be the id in the URL');
		}
		const result = await receiveHighlight(access.db, eventId, upload.value, now);
		if (!result.ok) return apiError(result.status, result.code, result.message);
		if (result.dropBytes) await deps.media().remove(highlightId);
		return answer(result.answer);
	});
}

/** `offset` as the device sends it: a whole number of bytes, written in plain digits. */
function parseOffset(raw: string | null): number | undefined {
	return raw !== null && /^\d{1,10}$/.test(raw) ? Number(raw) : undefined;
}

export function handlePhotoPut(
	request: Request,
	eventId: string,
	highlightId: string,
	deps: HighlightDeps
): Promise<Response> {
	return guarded('store', async () => {
		const access = await eventAccess(request, eventId, highlightId, deps);
		if (!access.ok) return access.response;
		const closing = (response: Response) => {
			response.headers.set('connection', 'close');
			return response;
		};
		const offset = parseOffset(new URL(request.url).searchParams.get('offset'));
		if (offset === undefined) {
			return closing(apiError(400, 'bad_chunk', 'offset must be a whole number of bytes'));
		}
		// Refused before a byte is read when the size is declared; counted as it arrives otherwise.
		const tooLarge = () =>
			closing(
				apiError(413, 'payload_too_large', `A chunk is at most ${HIGHLIGHT_CHUNK_BYTES} bytes`)
			);
		if (checkDeclaredLength(request, HIGHLIGHT_CHUNK_BYTES)) return tooLarge();
		let bytes: Uint8Array | undefined;
		try {
			bytes = await readCapped(request, HIGHLIGHT_CHUNK_BYTES);
		} catch (error) {
			// adapter-node errors the stream itself past BODY_SIZE_LIMIT or a short Content-Length.
			if ((error as { status?: unknown })?.status === 413) return tooLarge();
			return apiError(400, 'bad_request', 'The body could not be read');
		}
		if (!bytes) return tooLarge();
		if (bytes.byteLength === 0) return apiError(400, 'bad_chunk', 'The chunk is empty');
		const now = (deps.now ?? Date.now)();
		const result = await receiveChunk(
			access.db,
			deps.media(),
			{ eventId, id: highlightId, offset, bytes },
			now
		);
		if (result.ok) return answer(result.answer);
		const refused = apiError(result.status, result.code, result.message);
		if (result.received === undefined) return refused;
		// 409 bad_offset carries `received` beside `error`: where the device goes on from.
		const body = { ...((await refused.json()) as object), received: result.received };
		return new Response(JSON.stringify(body), { status: refused.status, headers: refused.headers });
	});
}

export function handleHighlightDelete(
	request: Request,
	eventId: string,
	highlightId: string,
	deps: HighlightDeps
): Promise<Response> {
	return guarded('delete', async () => {
		const access = await eventAccess(request, eventId, highlightId, deps);
		if (!access.ok) return access.response;
		const result = await removeHighlight(access.db, deps.media(), eventId, highlightId);
		if (!result.ok) return apiError(result.status, result.code, result.message);
		return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
	});
}
