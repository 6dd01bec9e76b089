import { localizedPack } from '$lib/server/case-pack';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';
import { cacheHeaders, requireLocale } from '../../helpers.server';
import { isLoopback } from './loopback';

const PAPERS = ['a4', 'letter'] as const;
type Paper = (typeof PAPERS)[number];
const isPaper = (value: string | null): value is Paper =>
	(PAPERS as readonly (string | null)[]).includes(value);

export const load: PageServerLoad = async ({ params, setHeaders, url }) => {
	const lang = requireLocale(params.lang);
	const { pack, etag } = await localizedPack(await getDb(), lang);
	cacheHeaders(setHeaders, etag, url);
	const paper = url.searchParams.get('paper');
	return {
		lang,
		paper: isPaper(paper) ? paper : null,
		origin: url.origin,
		localOnly: isLoopback(url.origin),
		pack: { notice: pack.notice, postage: pack.postage, generalSafety: pack.generalSafety },
		cases: pack.cases
	};
};
