import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { activePack } from '$lib/server/case-pack';
import { startCasePacks } from '$lib/server/case-pack/start';
import { bootstrapOrganizers } from '$lib/server/auth/organizer/bootstrap';
import { organizerGate, isOrganizerPath } from '$lib/server/auth/organizer/guard';
import { SESSION_COOKIE, findSession } from '$lib/server/auth/organizer/sessions';
import { closeDb, getDb } from '$lib/server/db';
import { hostCheckFromEnv } from '$lib/server/http/allowed-host';
import { apiError } from '$lib/server/http/errors';
import { logRequestError } from '$lib/server/http/log';
import { organizerLocale } from '$lib/server/organizer/locale';
import { NODE_SYNC_ROUTE, createNodeSyncRoute } from '$lib/server/sync/node-route';
import { syncRouteDeps } from '$lib/server/sync/route-deps';
import { SHELL_SCRIPT } from '$lib/shared/shell-script.js';

/** Opens the database and runs its migrations at start, so a bad DATABASE_URL or a failed
 * migration shows in the log at once, then makes sure an organizer can get in and seeds the case
 * pack or publishes CASE_PACK_FILE. The server still starts: getDb() and the case pack are retried
 * on first use and /api/health answers 503 meanwhile. */
export const init: ServerInit = async () => {
	if (building) return;
	// The lean sync route for scripts/serve.js. Published here because init runs while
	// build/handler.js is imported (adapter-node awaits server.init), so serve.js finds it right
	// after its import, built by the same bundle with the same database handle, case packs and
	// limits as the SvelteKit route; a second bundle would duplicate those module instances.
	(globalThis as Record<symbol, unknown>)[NODE_SYNC_ROUTE] = createNodeSyncRoute(syncRouteDeps);
	// adapter-node emits this once the server stopped taking requests: closing the pool now lets
	// a PostgreSQL-backed process exit at once instead of waiting out its idle connections.
	process.once('sveltekit:shutdown', () => void closeDb());
	try {
		const db = await getDb();
		console.log(`database ready (${db.dialect})`);
		await bootstrapOrganizers(db, process.env);
		const published = await startCasePacks(db);
		if (published) console.log(published);
		const active = await activePack(db);
		console.log(`case pack ${active.stamp.version} active (${active.pack.cases.length} cases)`);
	} catch (error) {
		console.error('database or case pack not ready at start; will retry on first use', error);
	}
};

const hostAllowed = hostCheckFromEnv();

export const handle: Handle = async ({ event, resolve }) => {
	// Before anything renders: a forged Host would otherwise become the origin of QR codes.
	if (!building && !hostAllowed(event.url)) {
		const message = 'This server does not answer for that host name (see ALLOWED_HOSTS)';
		if (event.url.pathname.startsWith('/api/')) return apiError(400, 'bad_host', message);
		return new Response(message, {
			status: 400,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
		});
	}
	event.locals.organizer = null;
	event.locals.lang = event.url.pathname.startsWith('/c/fr') ? 'fr' : 'en';
	// Only organizer requests pay for a session lookup; the sync path never does.
	if (isOrganizerPath(event.url.pathname)) {
		const db = await getDb();
		event.locals.organizer = await findSession(db, event.cookies.get(SESSION_COOKIE));
		const refused = organizerGate(event);
		if (refused) return refused;
		event.locals.lang = organizerLocale(event);
	}
	// Participant pages live under /c/{lang}/…; the host app sets <html lang> itself once it
	// knows the host's choice, and its shell's script does so before the first paint.
	const shell = event.route.id?.startsWith('/(host)') ? `<script>${SHELL_SCRIPT}</script>` : '';
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%lang%', event.locals.lang).replace('%letterday.shell%', shell)
	});
};

/** Replaces SvelteKit's default, which logs every 404's whole path and a stack for a 405. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	logRequestError(status, event.request.method, event.url.pathname, error);
	return { message };
};
