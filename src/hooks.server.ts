import type { Handle } from '@sveltejs/kit';

/** Participant pages live under /c/{lang}/…; everything else starts in English and the host app
 * sets <html lang> itself once it knows the host's choice. */
function pageLang(pathname: string): string {
	return pathname.startsWith('/c/fr') ? 'fr' : 'en';
}

export const handle: Handle = async ({ event, resolve }) => {
	const lang = pageLang(event.url.pathname);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
