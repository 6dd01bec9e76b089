import { apiError } from '$lib/server/http/errors';
import { getDb } from '$lib/server/db';
import { getMediaStore } from '$lib/server/media';
import { readHighlightPhoto } from '$lib/server/organizer/highlights';
import type { RequestHandler } from './$types';

/**
 * GET /organizer/highlights/:id/photo: a complete photo highlight, whatever its review, for the
 * gallery. The gate (hooks.server.ts) has sent anyone without an organizer session to the login
 * page already, so no photo leaves the server unseen by an organizer. Private cache only: a
 * shared proxy must never keep a photo that may not be published.
 */
export const GET: RequestHandler = async ({ params }) => {
	const photo = await readHighlightPhoto(await getDb(), getMediaStore(), params.id);
	if (!photo) return apiError(404, 'not_found', 'No such photo');
	// The disk store reads into a fresh ArrayBuffer (never a shared one).
	return new Response(photo.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'Content-Type': photo.type,
			'Content-Length': String(photo.bytes.byteLength),
			'Content-Disposition': 'inline',
			'X-Content-Type-Options': 'nosniff',
			// A photo never changes under its id; its review can, but that is not the photo.
			'Cache-Control': 'private, max-age=86400'
		}
	});
};
