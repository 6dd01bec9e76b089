import { error } from '@sveltejs/kit';
import { localizedPack } from '$lib/server/case-pack';
import { getDb } from '$lib/server/db';
import { nationalTotal } from '$lib/server/thanks/national-total';
import type { PageServerLoad } from './$types';
import { cacheHeaders, requireLocale } from '../../helpers.server';

export const load: PageServerLoad = async ({ params, setHeaders, url }) => {
	const lang = requireLocale(params.lang);
	const { pack, etag } = await localizedPack(await getDb(), lang);
	// The cached national figure (30 s per process); shown only when there is one to show.
	const national = (await nationalTotal())?.total || null;
	const sheet = pack.cases.find((c) => c.id === params.caseId);
	if (!sheet) error(404, { message: 'Unknown case', code: 'unknown-case' });
	cacheHeaders(setHeaders, `${etag}:${national ?? ''}`, url);
	return {
		lang,
		national,
		sheet,
		pack: { notice: pack.notice, postage: pack.postage, generalSafety: pack.generalSafety },
		version: pack.version,
		published: pack.published
	};
};
