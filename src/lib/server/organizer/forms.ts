/**
 * Reading the organizer forms: every field a bounded string, and the checks the account forms
 * share. Problems are message keys per field id, so a page shows them in its own language both
 * beside the field and in the error summary.
 */
import { error } from '@sveltejs/kit';
import { passwordProblem } from '$lib/server/auth/organizer/password';
import { isEmail, normalizeEmail } from '$lib/shared/email';
import type { OrganizerMessageKey } from '$lib/shared/i18n/organizer';

/** Field id -> what is wrong with it. Ordered as the fields are, for the error summary. */
export type FieldErrors = Record<string, OrganizerMessageKey>;

/**
 * The posted form. A body that is not a form (text/plain, JSON, a multipart body with a broken
 * boundary) makes `request.formData()` throw, which would be a 500: it is the sender's mistake, so
 * a 400, and nothing read. Every organizer action reads its form through here.
 */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, 'The request body is not a form.');
	}
}

/** A text field: '' when absent or not text, cut at `max` so a huge body cannot cost much. */
export function field(form: FormData, name: string, max = 300): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.slice(0, max) : '';
}

/** The one-time code a person pasted: whatever surrounds it (the link, the #) is dropped. */
export function oneTimeCode(form: FormData): string {
	const raw = field(form, 'code', 2000).trim();
	return raw.slice(raw.lastIndexOf('#') + 1).trim();
}

export function emailErrors(email: string, id = 'email'): FieldErrors {
	if (!email.trim()) return { [id]: 'emailMissing' };
	return isEmail(normalizeEmail(email)) ? {} : { [id]: 'emailWrong' };
}

/** A new password typed twice. Read with `max` above the limit, so "too long" can be said. */
export function newPasswordErrors(
	password: string,
	again: string,
	/** Said when the first field is empty, in the words of its label. */
	missing: OrganizerMessageKey = 'passwordMissing'
): FieldErrors {
	const ids = { password: 'password', again: 'password-again' };
	const errors: FieldErrors = {};
	const problem = password ? passwordProblem(password) : 'missing';
	if (problem === 'missing') errors[ids.password] = missing;
	else if (problem === 'short') errors[ids.password] = 'passwordShort';
	else if (problem === 'long') errors[ids.password] = 'passwordLong';
	if (!again) errors[ids.again] = 'passwordAgainMissing';
	else if (password && again !== password) errors[ids.again] = 'passwordsDiffer';
	return errors;
}

/** Room for a password over the limit to be read whole and refused as too long. */
export const PASSWORD_FIELD_MAX = 1000;
