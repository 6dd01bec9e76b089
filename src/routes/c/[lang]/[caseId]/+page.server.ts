import { error } from '@sveltejs/kit';
import { localizedPack } from '$lib/server/case-pack';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';
import { cacheHeaders, requireLocale } from '../../helpers.server';

export const load: PageServerLoad = async ({ params, setHeaders, url }) => {
	const lang = requireLocale(params.lang);
	const { pack, etag } = await localizedPack(await getDb(), lang);
	const sheet = pack.cases.find((c) => c.id === params.caseId);
	if (!sheet) error(404, { message: 'Unknown case', code: 'unknown-case' });
	cacheHeaders(setHeaders, etag, url);
	return {
		lang,
		sheet,
		pack: { notice: pack.notice, postage: pack.postage, generalSafety: pack.generalSafety },
		version: pack.version,
		published: pack.published
	};
};
