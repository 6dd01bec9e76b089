import {
	MAX_COUNTER_VALUE,
	PROVINCES,
	isLocale,
	type Locale,
	type Province
} from '$lib/shared/domain';
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

type Problem = 'required' | 'expectedInvalid';
export type NewEventResult =
	| { ok: true; value: NewEvent }
	| { ok: false; errors: Partial<Record<keyof NewEventForm, Problem>> };

/** Checks the form the way the server will check the synced details, and trims the text. */
export function validateNewEvent(form: NewEventForm): NewEventResult {
	const errors: Partial<Record<keyof NewEventForm, Problem>> = {};
	const text = (value: string) => value.trim().replace(/\s+/g, ' ');
	for (const field of ['name', 'venue', 'city'] as const) {
		if (!text(form[field])) errors[field] = 'required';
	}
	if (!(PROVINCES as readonly string[]).includes(form.province)) errors.province = 'required';
	if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) errors.date = 'required';
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
			name: text(form.name),
			venue: text(form.venue),
			city: text(form.city),
			province: form.province as Province,
			date: form.date,
			expected,
			lang: form.lang
		}
	};
}
