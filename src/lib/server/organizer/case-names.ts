/**
 * The one place that names a case id for organizers, in pages and exports alike: the active
 * pack's name in the page's language; for a case a newer pack dropped, the name the latest
 * published pack that held it gave it (docs/case-pack.md: every published pack stays, so last
 * year's letters keep their names); else the id itself, rather than let counted letters vanish.
 */
import { localizedPack } from '$lib/server/case-pack';
import type { AppDb } from '$lib/server/db';
import type { Locale } from '$lib/shared/domain';
import type { Reader } from './read';

export interface ActiveCase {
	id: string;
	name: string;
}

/**
 * The active pack's cases in one language, in pack order. Read BEFORE a page's transaction: the
 * pack cache may query the database itself, and SQLite's one connection is the transaction's.
 */
export async function activeCases(db: AppDb, lang: Locale): Promise<ActiveCase[]> {
	return (await localizedPack(db, lang)).pack.cases.map((sheet) => ({
		id: sheet.id,
		name: sheet.name
	}));
}

export interface CaseNames {
	/** The active pack's case ids, in pack order: listed even before anyone counts for them. */
	current: string[];
	/** The name of a case id. */
	name(caseId: string): string;
}

export async function caseNames(trx: Reader, active: ActiveCase[]): Promise<CaseNames> {
	const names = new Map(active.map((c) => [c.id, c.name]));
	const published = await trx
		.selectFrom('case_pack_cases')
		.select(['case_id', 'name'])
		.orderBy('pack_id', 'desc')
		.execute();
	// Newest pack first: the first name met for an id is its latest.
	for (const row of published) if (!names.has(row.case_id)) names.set(row.case_id, row.name);
	return { current: active.map((c) => c.id), name: (caseId) => names.get(caseId) ?? caseId };
}
