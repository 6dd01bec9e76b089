import type { RequestHandler } from './$types';
import { preferredLocale } from './helpers.server';

/** The shortest QR target: sends each phone to the case list in the language it prefers. */
export const GET: RequestHandler = ({ request }) =>
	new Response(null, {
		status: 302,
		headers: {
			location: `/c/${preferredLocale(request.headers.get('accept-language'))}`,
			vary: 'Accept-Language',
			'cache-control': 'private, no-cache'
		}
	});
