import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { field, readForm } from '$lib/server/organizer/forms';
import {
	highlightFilterParams,
	isReview,
	parseHighlightFilter,
	readGallery,
	setReview
} from '$lib/server/organizer/highlights';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const filter = parseHighlightFilter(url.searchParams);
	const page = Number(url.searchParams.get('page') ?? '1');
	const gallery = await readGallery(await getDb(), filter, page);
	return { ...gallery, filter, filterQuery: highlightFilterParams(filter) };
};

/** The gate has let only a logged-in organizer through, from this origin (hooks.server.ts). */
export const actions: Actions = {
	review: async ({ request, locals }) => {
		const form = await readForm(request);
		const id = field(form, 'id', 100);
		const review = field(form, 'review', 20);
		if (!isReview(review)) return fail(400, { reviewRefused: 'unknown' as const, id });
		const result = await setReview(await getDb(), {
			id,
			review,
			organizerId: locals.organizer!.organizerId,
			now: Date.now()
		});
		if (result !== 'saved') return fail(409, { reviewRefused: result, id });
		return { id, reviewed: review };
	}
};
