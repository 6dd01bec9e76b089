import { localizedPack } from '$lib/server/case-pack';
import { getDb } from '$lib/server/db';
import { latestStatus } from '$lib/shared/case-updates';
import type { PageServerLoad } from './$types';
import { cacheHeaders, requireLocale } from '../helpers.server';

export const load: PageServerLoad = async ({ params, setHeaders, url }) => {
	const lang = requireLocale(params.lang);
	const { pack, etag } = await localizedPack(await getDb(), lang);
	cacheHeaders(setHeaders, etag, url);
	return {
		lang,
		notice: pack.notice,
		version: pack.version,
		published: pack.published,
		cases: pack.cases.map(({ id, name, country, initials, summary, updates }) => ({
			id,
			name,
			country,
			initials,
			summary,
			status: latestStatus(updates)
		}))
	};
};
