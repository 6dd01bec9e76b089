import { localizedPack } from '$lib/server/case-pack';
import { getDb } from '$lib/server/db';
import { latestStatus } from '$lib/shared/case-updates';
import { nationalTotal } from '$lib/server/thanks/national-total';
import { recentPublishedYear } from '$lib/server/thanks/pages';
import type { PageServerLoad } from './$types';
import { cacheHeaders, requireLocale } from '../helpers.server';

export const load: PageServerLoad = async ({ params, setHeaders, url }) => {
	const lang = requireLocale(params.lang);
	const { pack, etag } = await localizedPack(await getDb(), lang);
	// The cached national figure (30 s per process); shown only when there is one to show.
	const national = (await nationalTotal())?.total || null;
	const thanksYear = await recentPublishedYear(await getDb(), lang).catch(() => null);
	cacheHeaders(setHeaders, `${etag}:${national ?? ''}:${thanksYear ?? ''}`, url);
	return {
		lang,
		national,
		thanksYear,
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
