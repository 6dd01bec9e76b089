import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { activePack } from '$lib/server/case-pack';
import { startCasePacks } from '$lib/server/case-pack/start';
import { getDb } from '$lib/server/db';

/** Opens the database and runs its migrations at start, so a bad DATABASE_URL or a failed
 * migration shows in the log at once; then seeds the case pack or publishes CASE_PACK_FILE. The
 * server still starts: both are retried on first use and /api/health answers 503 meanwhile. */
export const init: ServerInit = async () => {
	if (building) return;
	try {
		const db = await getDb();
		console.log(`database ready (${db.dialect})`);
		const published = await startCasePacks(db);
		if (published) console.log(published);
		const active = await activePack(db);
		console.log(`case pack ${active.stamp.version} active (${active.pack.cases.length} cases)`);
	} catch (error) {
		console.error('database or case pack not ready at start; will retry on first use', error);
	}
};

/** Participant pages live under /c/{lang}/…; everything else starts in English and the host app
 * sets <html lang> itself once it knows the host's choice. */
function pageLang(pathname: string): string {
	return pathname.startsWith('/c/fr') ? 'fr' : 'en';
}

export const handle: Handle = async ({ event, resolve }) => {
	const lang = pageLang(event.url.pathname);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
