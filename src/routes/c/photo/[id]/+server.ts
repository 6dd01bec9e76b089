import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getMediaStore, MEDIA_KEY } from '$lib/server/media';
import { publishablePhotoType } from '$lib/server/thanks/highlights';
import type { RequestHandler } from './$types';

/**
 * A highlight's photo for the public thank-you page: ONLY a whole photo an organizer approved and
 * its host allowed to publish. Any other id (pending, hidden, organizers only, still uploading,
 * unknown, malformed) gets the same 404, so a guessed id learns nothing.
 */
export const GET: RequestHandler = async ({ params }) => {
	const notFound = () => error(404, { message: 'Not found', code: 'not-found' });
	if (!MEDIA_KEY.test(params.id)) notFound();
	const type = await publishablePhotoType(await getDb(), params.id);
	if (!type) notFound();
	const stored = await getMediaStore().read(params.id);
	if (!stored) notFound();
	return new Response(stored!.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': type!,
			'content-length': String(stored!.size),
			// A day: an organizer who hides a photo takes it off the page at once; copies already
			// fetched by phones age out within the day.
			'cache-control': 'public, max-age=86400',
			'x-content-type-options': 'nosniff',
			'content-disposition': 'inline'
		}
	});
};
