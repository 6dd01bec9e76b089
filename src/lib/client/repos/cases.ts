import type { Locale } from '$lib/shared/domain';
import type { LocalizedCaseSheet } from '$lib/shared/case-pack';
import { db } from '../db/database';
import type { CaseRow, PackRow } from '../db/rows';

/**
 * Replaces the device's pack in one language in one transaction, so a failure half-way leaves the
 * previous pack whole.
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
	const database = db();
	await database.transaction('rw', database.packs, database.cases, async () => {
		await database.cases.where('[lang+position]').between([lang, -1], [lang, Infinity]).delete();
		await database.cases.bulkPut(rows);
		await database.packs.put(header);
	});
}

export function packInfo(lang: Locale): Promise<PackRow | undefined> {
	return db().packs.get(lang);
}

export async function listCases(lang: Locale): Promise<CaseRow[]> {
	return db().cases.where('[lang+position]').between([lang, -1], [lang, Infinity]).toArray();
}

export function getCase(lang: Locale, id: string): Promise<CaseRow | undefined> {
	return db().cases.get([lang, id]);
}
