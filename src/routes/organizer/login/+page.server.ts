import { fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/organizer/forms';
import { logIn } from '$lib/server/auth/organizer/accounts';
import { safeNext } from '$lib/server/auth/organizer/guard';
import { setSessionCookie } from '$lib/server/auth/organizer/sessions';
import { getDb } from '$lib/server/db';
import { clientAddressOf } from '$lib/server/http/client-address';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.organizer) redirect(303, safeNext(url.searchParams.get('next')));
	return { loggedOut: url.searchParams.has('out') };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url } = event;
		const form = await readForm(request);
		const email = String(form.get('email') ?? '').slice(0, 300);
		const password = String(form.get('password') ?? '').slice(0, 300);
		if (!email.trim() || !password) return fail(400, { email, problem: 'missing' as const });
		const result = await logIn(await getDb(), email, password, clientAddressOf(event));
		if (!result.ok) {
			return result.reason === 'limited'
				? fail(429, { email, problem: 'limited' as const, until: result.until })
				: fail(400, { email, problem: 'wrong' as const });
		}
		setSessionCookie(cookies, result.token, url);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
