import { getDb } from '$lib/server/db';
import { readDashboard } from '$lib/server/organizer/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) =>
	readDashboard(await getDb(), locals.lang, Date.now());
