import type { Locale } from '$lib/shared/domain';
import type { LocalizedCaseSheet } from '$lib/shared/case-pack';
import { db } from '../db/database';
import type { CaseRow, PackRow } from '../db/rows';

const inLang = (lang: Locale) =>
	db().cases.where('[lang+position]').between([lang, -1], [lang, Infinity]);

/**
 * Replaces the device's pack in one language in one transaction, so a failure half-way leaves the
 * previous pack whole. A case the new pack no longer holds is kept, marked retired: counts made
 * for it still sync (the server keeps every published case countable) and still need its name.
 */
export async function replacePack(
	lang: Locale,
	header: PackRow,
	sheets: readonly LocalizedCaseSheet[]
): Promise<void> {
	const rows: CaseRow[] = sheets.map((sheet, position) => ({
		lang,
		id: sheet.id,
		position,
		sheet
	}));
	const current = new Set(rows.map((row) => row.id));
	const database = db();
	await database.transaction('rw', database.packs, database.cases, async () => {
		const dropped = (await inLang(lang).toArray())
			.filter((row) => !current.has(row.id))
			.map((row): CaseRow => ({ ...row, retired: 1 }));
		await inLang(lang).delete();
		await database.cases.bulkPut([...rows, ...dropped]);
		await database.packs.put(header);
	});
}

export function packInfo(lang: Locale): Promise<PackRow | undefined> {
	return db().packs.get(lang);
}

/** The current pack's cases, in the pack's order. */
export async function listCases(lang: Locale): Promise<CaseRow[]> {
	return (await inLang(lang).toArray()).filter((row) => !row.retired);
}

/** Cases earlier packs held and the current one dropped, as last known. */
export async function listRetiredCases(lang: Locale): Promise<CaseRow[]> {
	return (await inLang(lang).toArray()).filter((row) => row.retired === 1);
}

export function getCase(lang: Locale, id: string): Promise<CaseRow | undefined> {
	return db().cases.get([lang, id]);
}
