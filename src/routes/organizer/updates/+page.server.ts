/**
 * /organizer/updates: case updates ("What your letters did"). The active pack's cases with their
 * latest status and every update; a form that previews or publishes an update; a withdrawal
 * confirmed on a page of its own (?withdraw=id), so the whole screen works without JavaScript.
 * The gate in hooks.server.ts has checked the session and the request's origin already.
 */
import { error, fail } from '@sveltejs/kit';
import { field, readForm } from '$lib/server/organizer/forms';
import { organizerTimeZone } from '$lib/server/organizer/time-zone';
import { activePack, localize } from '$lib/server/case-pack';
import { allCaseUpdates, publishCaseUpdate, withdrawCaseUpdate } from '$lib/server/case-updates';
import { getDb } from '$lib/server/db';
import { NOTE_MAX, parseCaseUpdate } from '$lib/shared/case-updates';
import type { Actions, PageServerLoad } from './$types';

/** Today where the organizers are (ORGANIZER_TIME_ZONE), as YYYY-MM-DD. */
const today = () =>
	new Intl.DateTimeFormat('en-CA', {
		timeZone: organizerTimeZone(),
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(new Date());

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await getDb();
	const [active, updates] = await Promise.all([activePack(db), allCaseUpdates(db)]);
	const lang = locals.lang;
	const cases = active.pack.cases.map((sheet) => ({
		id: sheet.id,
		name: sheet.name,
		country: localize(sheet, lang).country,
		updates: updates.filter((update) => update.caseId === sheet.id)
	}));
	const withdrawId = url.searchParams.get('withdraw');
	const confirming = withdrawId
		? (updates.find((update) => update.id === withdrawId && update.withdrawnAt === null) ?? null)
		: null;
	return { cases, today: today(), confirming, noteMax: NOTE_MAX };
};

/** The submitted fields; notes are read a little past the cap so "too long" can be said. */
function submitted(form: FormData) {
	return {
		caseId: field(form, 'caseId', 100),
		date: field(form, 'date', 40),
		status: field(form, 'status', 40),
		noteEn: field(form, 'noteEn', NOTE_MAX * 4 + 16),
		noteFr: field(form, 'noteFr', NOTE_MAX * 4 + 16)
	};
}

export const actions: Actions = {
	preview: async ({ request }) => {
		const values = submitted(await readForm(request));
		const { ids } = await activePack(await getDb());
		const parsed = parseCaseUpdate(values, today(), ids);
		if (!parsed.ok) return fail(400, { values, problems: parsed.problems });
		return { values, preview: parsed.value };
	},
	publish: async ({ request, locals }) => {
		if (!locals.organizer) error(401, 'Log in as an organizer');
		const values = submitted(await readForm(request));
		const result = await publishCaseUpdate(await getDb(), values, locals.organizer.organizerId, {
			today: today()
		});
		if (!result.ok) return fail(400, { values, problems: result.problems });
		return { published: { caseId: result.update.caseId } };
	},
	withdraw: async ({ request, locals }) => {
		if (!locals.organizer) error(401, 'Log in as an organizer');
		const id = field(await readForm(request), 'id', 100);
		if (!(await withdrawCaseUpdate(await getDb(), id))) return fail(404, { gone: true });
		return { withdrawn: true };
	}
};
