/**
 * The one gate in front of every organizer page and endpoint (hooks.server.ts runs it on every
 * request), so a new organizer route is protected without remembering to protect it:
 * - pages redirect to the login page, coming back afterwards;
 * - data (exports, /organizer/api) answers 401 in the API's error shape;
 * - a state-changing request must come from this origin (CSRF), logged in or not.
 */
import { json, redirect, type RequestEvent } from '@sveltejs/kit';
import { apiError } from '$lib/server/http/errors';

/** Reachable without a session: logging in, and the one-time setup and invitation links. */
const PUBLIC_PATHS = ['/organizer/login', '/organizer/setup', '/organizer/invite'];
/** Answered with data, never a page: a redirect would hand a script HTML. */
const DATA_PREFIXES = ['/organizer/export/', '/organizer/api/'];

export const isOrganizerPath = (pathname: string) =>
	pathname === '/organizer' || pathname.startsWith('/organizer/');

const isPublic = (pathname: string) =>
	PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));

const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD';

/** Where the login page may send a person back to: an organizer page of this site only. */
export function safeNext(next: string | null): string {
	return next && isOrganizerPath(next.split(/[?#]/)[0] ?? '') && !next.startsWith('//')
		? next
		: '/organizer';
}

/**
 * The refusal for this request, or null to let it through. Throws SvelteKit's redirect for
 * pages (which also works for client-side navigations' data requests).
 */
export function organizerGate(event: RequestEvent): Response | null {
	const { url, request } = event;
	if (!isOrganizerPath(url.pathname)) return null;

	// SameSite=Lax keeps the cookie off cross-site POSTs already; this also refuses same-site
	// attackers (another port, a sibling subdomain) and requests that hide their origin.
	if (!isSafeMethod(request.method) && request.headers.get('origin') !== url.origin) {
		return apiError(
			403,
			'cross_origin',
			'This request must come from an organizer page of this site'
		);
	}
	if (event.locals.organizer || isPublic(url.pathname)) return null;

	if (DATA_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) {
		return apiError(401, 'no_session', 'Log in as an organizer to read this');
	}
	const back = isSafeMethod(request.method) ? url.pathname + url.search : url.pathname;
	const login = `/organizer/login?next=${encodeURIComponent(back)}`;
	// A form sent by use:enhance reads an ActionResult, not a redirect it would follow blindly.
	if (request.headers.get('x-sveltekit-action') === 'true') {
		return json({ type: 'redirect', status: 303, location: login });
	}
	redirect(303, login);
}
