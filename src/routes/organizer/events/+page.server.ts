import { getDb } from '$lib/server/db';
import { filterParams, parseEventFilter } from '$lib/server/organizer/event-filter';
import { readEventsPage } from '$lib/server/organizer/pages';
import { parseEventOrder } from '$lib/shared/event-order';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const { filter, problems } = parseEventFilter(url.searchParams);
	const order = parseEventOrder(url.searchParams);
	const page = await readEventsPage(await getDb(), {
		filter,
		order,
		lang: locals.lang,
		now: Date.now()
	});
	return { ...page, filter, filterQuery: filterParams(filter), problems, order };
};
