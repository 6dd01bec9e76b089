import { MAX_COUNTER_VALUE, isLocale, type Locale, type Province } from '$lib/shared/domain';
import {
	DETAIL_TEXT_FIELDS,
	detailProblem,
	normalizeText,
	type DetailTextField
} from '$lib/shared/event-details';
import type { NewEvent } from '$lib/client/repos/events';

export interface NewEventForm {
	name: string;
	venue: string;
	city: string;
	province: string;
	date: string;
	expected: string;
	lang: Locale;
}

export type Problem =
	'required' | 'tooLong' | 'controlCharacters' | 'dateInvalid' | 'expectedInvalid';
export type FormErrors = Partial<Record<keyof NewEventForm, Problem>>;
export type NewEventResult = { ok: true; value: NewEvent } | { ok: false; errors: FormErrors };

/**
 * Checks the event form (new or edit) with the same rules the server applies to synced details
 * (`$lib/shared/event-details`), plus what a person must fill in, and tidies the text.
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
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		value: {
			...text,
			province: form.province as Province,
			date: form.date,
			expected,
			lang: form.lang
		}
	};
}
