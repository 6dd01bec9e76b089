import { localizedPack } from '$lib/server/case-pack';
import type { PageServerLoad } from './$types';
import { cacheHeaders, requireLocale } from '../helpers.server';

export const load: PageServerLoad = ({ params, setHeaders, url }) => {
	const lang = requireLocale(params.lang);
	const { pack, etag } = localizedPack(lang);
	cacheHeaders(setHeaders, etag, url);
	return {
		lang,
		notice: pack.notice,
		version: pack.version,
		published: pack.published,
		cases: pack.cases.map(({ id, name, country, initials, summary }) => ({
			id,
			name,
			country,
			initials,
			summary
		}))
	};
};
