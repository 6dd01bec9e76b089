import { fail } from '@sveltejs/kit';
import { changePassword } from '$lib/server/auth/organizer/accounts';
import { getDb } from '$lib/server/db';
import { clientAddressOf } from '$lib/server/http/client-address';
import {
	PASSWORD_FIELD_MAX,
	field,
	newPasswordErrors,
	type FieldErrors,
	readForm
} from '$lib/server/organizer/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		// The gate has let only a logged-in organizer through (hooks.server.ts).
		const session = locals.organizer!;
		const form = await readForm(request);
		const current = field(form, 'current', PASSWORD_FIELD_MAX);
		const password = field(form, 'password', PASSWORD_FIELD_MAX);
		const errors: FieldErrors = {
			...(current ? {} : { current: 'accountCurrentMissing' }),
			...newPasswordErrors(
				password,
				field(form, 'password-again', PASSWORD_FIELD_MAX),
				'accountNewMissing'
			)
		};
		if (Object.keys(errors).length > 0) return fail(400, { errors });

		const result = await changePassword(
			await getDb(),
			session.organizerId,
			current,
			password,
			session.tokenHash,
			clientAddressOf(event)
		);
		if (!result.ok) {
			return result.reason === 'limited'
				? fail(429, { until: result.until })
				: fail(400, { errors: { current: 'accountCurrentWrong' } as FieldErrors });
		}
		return { changed: true };
	}
};
