import { fail, redirect } from '@sveltejs/kit';
import { peekOneTimeToken } from '$lib/server/auth/organizer/one-time';
import { setSessionCookie } from '$lib/server/auth/organizer/sessions';
import { joinWithCode } from '$lib/server/auth/organizer/team';
import { getDb } from '$lib/server/db';
import {
	PASSWORD_FIELD_MAX,
	field,
	newPasswordErrors,
	oneTimeCode,
	type FieldErrors,
	readForm
} from '$lib/server/organizer/forms';
import type { Actions } from './$types';

/**
 * Two steps, both POSTs so the code stays out of URLs: the code (from the link's #fragment, sent
 * by the page's script, or pasted), which shows the invited address; then the password.
 */
export const actions: Actions = {
	open: async ({ request }) => {
		const code = oneTimeCode(await readForm(request));
		if (!code) return fail(400, { code, errors: { code: 'inviteCodeMissing' } as FieldErrors });
		const grant = await peekOneTimeToken(await getDb(), code, 'invite');
		if (!grant?.email) {
			return fail(400, { code, errors: { code: 'inviteCodeWrong' } as FieldErrors });
		}
		return { opened: { code, email: grant.email } };
	},

	accept: async ({ request, cookies, url }) => {
		const form = await readForm(request);
		const code = oneTimeCode(form);
		const db = await getDb();
		const grant = code ? await peekOneTimeToken(db, code, 'invite') : null;
		if (!grant?.email) {
			return fail(400, { code, errors: { code: 'inviteCodeWrong' } as FieldErrors });
		}
		const opened = { code, email: grant.email };
		const password = field(form, 'password', PASSWORD_FIELD_MAX);
		const errors = newPasswordErrors(password, field(form, 'password-again', PASSWORD_FIELD_MAX));
		if (Object.keys(errors).length > 0) return fail(400, { opened, errors });

		const joined = await joinWithCode(db, 'invite', code, password, null);
		if (!joined.ok) {
			return joined.reason === 'exists'
				? fail(409, { opened, exists: true })
				: fail(400, { code, errors: { code: 'inviteCodeWrong' } as FieldErrors });
		}
		setSessionCookie(cookies, joined.sessionToken, url);
		redirect(303, '/organizer');
	}
};
