import { getDb } from '$lib/server/db';
import { parseSilentDays } from '$lib/server/organizer/follow-up';
import { readFollowUpPage } from '$lib/server/organizer/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const asked = url.searchParams.get('days');
	const { days, valid } = parseSilentDays(asked);
	const page = await readFollowUpPage(await getDb(), days, Date.now());
	return { ...page, daysAsked: valid ? String(days) : (asked ?? ''), daysInvalid: !valid };
};
