import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { readEventPage } from '$lib/server/organizer/pages';
import { isId } from '$lib/shared/ids';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const page = isId(params.id)
		? await readEventPage(await getDb(), params.id, locals.lang, Date.now())
		: null;
	if (!page) error(404, { message: 'No such event', code: 'not_found' });
	return page;
};
