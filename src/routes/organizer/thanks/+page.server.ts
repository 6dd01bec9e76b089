/**
 * /organizer/thanks: the thank-you page of one year in one language (`?year=2026&page=fr`):
 * its words, the highlights shown, publish and unpublish. Plain form actions (no JavaScript
 * needed); the gate in hooks.server.ts has checked the session and the request's origin.
 */
import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/organizer/forms';
import { readConsistently } from '$lib/server/organizer/read';
import { pageKey, readDraft } from '$lib/server/thanks/form';
import { listPublishable } from '$lib/server/thanks/highlights';
import {
	FIRST_YEAR,
	getThanksPage,
	lastYear,
	MAX_CHOSEN,
	MAX_MESSAGE,
	MAX_TITLE,
	saveThanksPage
} from '$lib/server/thanks/pages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const now = Date.now();
	const key = pageKey(url.searchParams.get('year'), url.searchParams.get('page'), now);
	const db = await getDb();
	const [page, highlights] = await Promise.all([
		getThanksPage(db, key.year, key.lang),
		readConsistently(db, (trx) => listPublishable(trx, key.year))
	]);
	return {
		year: key.year,
		pageLang: key.lang,
		yearProblem: key.yearProblem,
		years: { from: FIRST_YEAR, to: lastYear(now) },
		limits: { title: MAX_TITLE, message: MAX_MESSAGE, chosen: MAX_CHOSEN },
		page,
		highlights
	};
};

/** Saves the posted page; `publish` true/false publishes or unpublishes it in the same step. */
async function save(event: RequestEvent, publish: boolean | undefined) {
	if (!event.locals.organizer) error(401, 'Log in as an organizer');
	const form = await readForm(event.request);
	const now = Date.now();
	const key = pageKey(
		typeof form.get('year') === 'string' ? (form.get('year') as string) : null,
		typeof form.get('page') === 'string' ? (form.get('page') as string) : null,
		now
	);
	if (key.yearProblem) error(400, 'Unknown year');
	const db = await getDb();
	const allowed = new Set(
		(await readConsistently(db, (trx) => listPublishable(trx, key.year))).map((h) => h.id)
	);
	const { draft, errors } = readDraft(form, allowed);
	// Unpublishing never needs valid words: the draft as it stands goes back to draft.
	if (publish !== false && Object.keys(errors).length > 0) {
		return fail(400, { errors, draft });
	}
	if (publish === false) {
		const current = await getThanksPage(db, key.year, key.lang);
		if (!current) return fail(404, { errors: {}, draft });
		await saveThanksPage(
			db,
			{ ...key, draft: current, publish: false, by: event.locals.organizer.organizerId },
			now
		);
		return { done: 'unpublished' as const };
	}
	await saveThanksPage(db, { ...key, draft, publish, by: event.locals.organizer.organizerId }, now);
	return { done: publish ? ('published' as const) : ('saved' as const) };
}

export const actions: Actions = {
	save: (event) => save(event, undefined),
	publish: (event) => save(event, true),
	unpublish: (event) => save(event, false)
};
