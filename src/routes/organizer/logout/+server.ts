import { redirect } from '@sveltejs/kit';
import { clearSessionCookie, endSession } from '$lib/server/auth/organizer/sessions';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** Ends this browser's session (the row, not only the cookie) and goes back to the login page. */
export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.organizer) await endSession(await getDb(), locals.organizer.tokenHash);
	clearSessionCookie(cookies, url);
	redirect(303, '/organizer/login?out=1');
};
