import { fail, redirect } from '@sveltejs/kit';
import { countActiveOrganizers } from '$lib/server/auth/organizer/accounts';
import { setSessionCookie } from '$lib/server/auth/organizer/sessions';
import { joinWithCode } from '$lib/server/auth/organizer/team';
import { getDb } from '$lib/server/db';
import {
	PASSWORD_FIELD_MAX,
	emailErrors,
	field,
	newPasswordErrors,
	oneTimeCode,
	type FieldErrors,
	readForm
} from '$lib/server/organizer/forms';
import type { Actions, PageServerLoad } from './$types';

/** The code itself never reaches the server in a URL: it sits in the link's #fragment, and the
 * page posts it in the form's body. */
export const load: PageServerLoad = async ({ locals }) => {
	if (locals.organizer) redirect(303, '/organizer');
	return { alreadySetUp: (await countActiveOrganizers(await getDb())) > 0 };
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await readForm(request);
		const code = oneTimeCode(form);
		const email = field(form, 'email').trim();
		const password = field(form, 'password', PASSWORD_FIELD_MAX);
		const again = field(form, 'password-again', PASSWORD_FIELD_MAX);
		const errors: FieldErrors = {
			...(code ? {} : { code: 'setupCodeMissing' }),
			...emailErrors(email),
			...newPasswordErrors(password, again)
		};
		// Each problem once, in the order of the fields (the summary lists them so).
		if (Object.keys(errors).length > 0) return fail(400, { code, email, errors });

		const joined = await joinWithCode(await getDb(), 'setup', code, password, email);
		if (!joined.ok) {
			// 'exists' cannot happen while there is no organizer; say the code is spent either way.
			return fail(400, { code, email, errors: { code: 'setupCodeWrong' } as FieldErrors });
		}
		setSessionCookie(cookies, joined.sessionToken, url);
		redirect(303, '/organizer');
	}
};
