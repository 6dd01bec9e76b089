import { MAX_COUNTER_VALUE, isLocale, type Locale, type Province } from '$lib/shared/domain';
import {
	DETAIL_TEXT_FIELDS,
	detailProblem,
	normalizeText,
	type DetailTextField
} from '$lib/shared/event-details';
import {
	CONTACT_FIELDS,
	contactProblem,
	normalizeContact,
	type ContactProblem
} from '$lib/shared/event-contact';
import type { NewEvent } from '$lib/client/repos/events';

export interface NewEventForm {
	name: string;
	venue: string;
	city: string;
	province: string;
	date: string;
	expected: string;
	lang: Locale;
	/** The organizers' contact, optional: empty means none. */
	groupName: string;
	email: string;
}

export type Problem =
	'required' | 'tooLong' | 'controlCharacters' | 'dateInvalid' | 'expectedInvalid' | 'emailInvalid';
export type FormErrors = Partial<Record<keyof NewEventForm, Problem>>;
export type NewEventResult = { ok: true; value: NewEvent } | { ok: false; errors: FormErrors };

/** The contact's problems in the form's words; a typed value is always text. */
const CONTACT_PROBLEMS: Record<Exclude<ContactProblem, 'not_text'>, Problem> = {
	too_long: 'tooLong',
	control_character: 'controlCharacters',
	bad_email: 'emailInvalid'
};

/**
 * Checks the event form (new or edit) with the same rules the server applies to synced details
 * and contacts (`$lib/shared/event-details`, `event-contact`), plus what a person must fill in,
 * and tidies the text.
 */
export function validateNewEvent(form: NewEventForm): NewEventResult {
	const errors: FormErrors = {};
	const text = {} as Record<DetailTextField, string>;
	for (const field of DETAIL_TEXT_FIELDS) {
		text[field] = normalizeText(form[field]);
		const problem = detailProblem(field, text[field]);
		if (!text[field]) errors[field] = 'required';
		else if (problem === 'too_long') errors[field] = 'tooLong';
		else if (problem) errors[field] = 'controlCharacters';
	}
	if (detailProblem('province', form.province)) errors.province = 'required';
	if (!form.date) errors.date = 'required';
	else if (detailProblem('date', form.date)) errors.date = 'dateInvalid';
	const expectedText = form.expected.trim();
	const expected = expectedText === '' ? null : Number(expectedText);
	if (
		expected !== null &&
		(!Number.isInteger(expected) || expected < 0 || expected > MAX_COUNTER_VALUE)
	) {
		errors.expected = 'expectedInvalid';
	}
	if (!isLocale(form.lang)) errors.lang = 'required';
	const contact = normalizeContact(form);
	for (const field of CONTACT_FIELDS) {
		const problem = contactProblem(field, contact[field]);
		if (problem && problem !== 'not_text') errors[field] = CONTACT_PROBLEMS[problem];
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		value: {
			...text,
			province: form.province as Province,
			date: form.date,
			expected,
			lang: form.lang,
			contact
		}
	};
}

/**
 * The errors still true after an edit: a field shown in error is checked again as the person types
 * and its error goes (or changes) as soon as the value does; a field not shown in error gets none
 * while typing, only at the next submit.
 */
export function recheckErrors(errors: FormErrors, form: NewEventForm): FormErrors {
	const fields = Object.keys(errors) as (keyof NewEventForm)[];
	if (fields.length === 0) return errors;
	const result = validateNewEvent(form);
	const now: FormErrors = result.ok ? {} : result.errors;
	const next: FormErrors = {};
	for (const field of fields) if (now[field]) next[field] = now[field];
	return next;
}
