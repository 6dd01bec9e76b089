/**
 * The organizer's thank-you form, read and checked at the boundary: a bounded title and message
 * (line breaks allowed in the message, no other control character), and highlight ids that are
 * publishable for the year (anything else posted is dropped, never stored).
 */
import { field, type FieldErrors } from '$lib/server/organizer/forms';
import { hasControlCharacter } from '$lib/shared/event-details';
import { isLocale, type Locale } from '$lib/shared/domain';
import {
	FIRST_YEAR,
	lastYear,
	MAX_CHOSEN,
	MAX_MESSAGE,
	MAX_TITLE,
	type ThanksDraft
} from './pages';

/** `?year=` / `?page=` (or the posted fields): a year in range and a language, else defaults. */
export function pageKey(
	year: string | null,
	lang: string | null,
	now: number
): { year: number; lang: Locale; yearProblem: boolean } {
	const fallback = new Date(now).getUTCFullYear();
	const asked = year && /^\d{4}$/.test(year) ? Number(year) : NaN;
	const ok = asked >= FIRST_YEAR && asked <= lastYear(now);
	return {
		year: ok ? asked : fallback,
		lang: isLocale(lang) ? lang : 'en',
		yearProblem: year !== null && year !== '' && !ok
	};
}

export function readDraft(
	form: FormData,
	allowed: ReadonlySet<string>
): { draft: ThanksDraft; errors: FieldErrors } {
	const title = field(form, 'title', MAX_TITLE + 1).trim();
	const message = field(form, 'message', MAX_MESSAGE + 1)
		.replace(/\r\n?/g, '\n')
		.trim();
	const picked = form.getAll('highlight').filter((id): id is string => typeof id === 'string');
	const highlightIds = [...new Set(picked)].filter((id) => allowed.has(id));
	const errors: FieldErrors = {};
	if (!title) errors.title = 'thanksTitleMissing';
	else if (title.length > MAX_TITLE) errors.title = 'thanksTitleLong';
	else if (hasControlCharacter(title)) errors.title = 'thanksMessageControl';
	if (!message) errors.message = 'thanksMessageMissing';
	else if (message.length > MAX_MESSAGE) errors.message = 'thanksMessageLong';
	else if (hasControlCharacter(message.replaceAll('\n', '').replaceAll('\t', ' ')))
		errors.message = 'thanksMessageControl';
	if (highlightIds.length > MAX_CHOSEN) errors.highlights = 'thanksTooMany';
	return { draft: { title, message, highlightIds }, errors };
}
