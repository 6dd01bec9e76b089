/**
 * The thank-you pages: one per (year, language), written by organizers, public once published.
 * `readPublicPage` assembles what /c/{lang}/thanks/{year} shows in one consistent read: the
 * year's figures, the chosen highlights still publishable now, and each case's outcome.
 */
import type { AppDb } from '$lib/server/db';
import type { Locale } from '$lib/shared/domain';
import { activeCases, caseNames } from '$lib/server/organizer/case-names';
import { readConsistently } from '$lib/server/organizer/read';
import { readYearCaseTotals, readYearFigures, type YearFigures } from './figures';
import { readChosen, type PublicHighlight } from './highlights';
import { readOutcomes, type CaseOutcome } from './outcomes';

/** Years a page may be written for: Write for Rights began in 2001; a little ahead is fine. */
export const FIRST_YEAR = 2001;
export const lastYear = (now: number) => new Date(now).getUTCFullYear() + 1;
export const MAX_TITLE = 120;
export const MAX_MESSAGE = 6000;
/** A page is read on a phone: a handful of photos and words, not the whole gallery. */
export const MAX_CHOSEN = 24;

export interface ThanksPage {
	year: number;
	lang: Locale;
	title: string;
	message: string;
	highlightIds: string[];
	publishedAt: number | null;
	updatedAt: number;
}

function parseIds(json: string): string[] {
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
	} catch {
		return [];
	}
}

export async function getThanksPage(
	db: AppDb,
	year: number,
	lang: Locale
): Promise<ThanksPage | null> {
	const row = await db.kysely
		.selectFrom('thanks_pages')
		.selectAll()
		.where('year', '=', year)
		.where('lang', '=', lang)
		.executeTakeFirst();
	return row
		? {
				year: row.year,
				lang: row.lang,
				title: row.title,
				message: row.message,
				highlightIds: parseIds(row.highlight_ids),
				publishedAt: row.published_at === null ? null : Number(row.published_at),
				updatedAt: Number(row.updated_at)
			}
		: null;
}

export interface ThanksDraft {
	title: string;
	message: string;
	highlightIds: string[];
}

/** Saves the words and choice; `publish` true/false publishes or unpublishes, undefined keeps. */
export async function saveThanksPage(
	db: AppDb,
	input: { year: number; lang: Locale; draft: ThanksDraft; publish?: boolean; by: string },
	now = Date.now()
): Promise<void> {
	const values = {
		title: input.draft.title,
		message: input.draft.message,
		highlight_ids: JSON.stringify(input.draft.highlightIds),
		updated_at: now,
		updated_by: input.by
	};
	const published = input.publish === undefined ? {} : { published_at: input.publish ? now : null };
	await db.kysely
		.insertInto('thanks_pages')
		.values({
			year: input.year,
			lang: input.lang,
			...values,
			published_at: input.publish ? now : null
		})
		.onConflict((oc) => oc.columns(['year', 'lang']).doUpdateSet({ ...values, ...published }))
		.execute();
}

export interface CaseLine {
	caseId: string;
	name: string;
	/** Actions for the case that year. */
	total: number;
	outcome: CaseOutcome | null;
}

export interface PublicThanks {
	page: ThanksPage;
	figures: YearFigures;
	highlights: PublicHighlight[];
	cases: CaseLine[];
}

/** The published page with everything it shows, or null (no page, or a draft). */
export async function readPublicPage(
	db: AppDb,
	year: number,
	lang: Locale
): Promise<PublicThanks | null> {
	const page = await getThanksPage(db, year, lang);
	if (!page || page.publishedAt === null) return null;
	// Read before the transaction: the pack cache may query, and SQLite has one connection.
	const active = await activeCases(db, lang);
	return readConsistently(db, async (trx) => {
		const figures = await readYearFigures(trx, year);
		const totals = await readYearCaseTotals(trx, year);
		const names = await caseNames(trx, active);
		// The cases people wrote for that year, most actions first; else this year's pack.
		const ids =
			totals.size > 0
				? [...totals.keys()].sort((a, b) => totals.get(b)!.total - totals.get(a)!.total)
				: names.current;
		const outcomes = await readOutcomes(trx, ids, lang);
		return {
			page,
			figures,
			highlights: await readChosen(trx, page.highlightIds),
			cases: ids.map((caseId) => ({
				caseId,
				name: names.name(caseId),
				total: totals.get(caseId)?.total ?? 0,
				outcome: outcomes.get(caseId) ?? null
			}))
		};
	});
}

/**
 * The year of the newest published page in `lang`, this year's or last year's (a campaign's
 * thank-you goes out in the new year), or null: for a small link on the participants' list.
 */
export async function recentPublishedYear(
	db: AppDb,
	lang: Locale,
	now = Date.now()
): Promise<number | null> {
	const year = new Date(now).getUTCFullYear();
	const row = await db.kysely
		.selectFrom('thanks_pages')
		.select('year')
		.where('lang', '=', lang)
		.where('published_at', 'is not', null)
		.where('year', '>=', year - 1)
		.where('year', '<=', year)
		.orderBy('year', 'desc')
		.executeTakeFirst();
	return row ? Number(row.year) : null;
}

/** The message's paragraphs: blank lines separate them, single newlines stay inside one. */
export function paragraphsOf(message: string): string[] {
	return message
		.split(/\n\s*\n/)
		.map((part) => part.trim())
		.filter(Boolean);
}
