import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { paragraphsOf, readPublicPage } from '$lib/server/thanks/pages';
import type { PageServerLoad } from './$types';
import { requireLocale } from '../../../helpers.server';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const lang = requireLocale(params.lang);
	const year = /^\d{4}$/.test(params.year) ? Number(params.year) : NaN;
	const notFound = () => error(404, { message: 'Not found', code: 'not-found' });
	if (!Number.isInteger(year)) notFound();
	const thanks = await readPublicPage(await getDb(), year, lang);
	if (!thanks) notFound();
	const { page, figures, highlights, cases } = thanks!;
	// Short: the figures move while late reports arrive, and a hidden photo must leave soon.
	setHeaders({ 'cache-control': 'public, max-age=60, stale-while-revalidate=600' });
	return {
		lang,
		year,
		title: page.title,
		paragraphs: paragraphsOf(page.message),
		figures,
		highlights,
		cases,
		other: (lang === 'en' ? 'fr' : 'en') as 'en' | 'fr'
	};
};
