import type { LayoutServerLoad } from './$types';

// hooks.server.ts has already refused requests without a session (organizerGate).
export const load: LayoutServerLoad = ({ locals }) => ({
	lang: locals.lang,
	organizer: locals.organizer ? { email: locals.organizer.email } : null
});
