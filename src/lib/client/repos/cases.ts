import type { Locale } from '$lib/shared/domain';
import { LOCALES } from '$lib/shared/domain';
import type { LocalizedCasePack } from '$lib/shared/case-pack';
import { db } from '../db/database';
import type { CaseRow, PackRow } from '../db/rows';

export class PackDownloadError extends Error {}

/**
 * Downloads the case pack in one language and replaces the device's copy in one transaction, so
 * a dropped connection half-way leaves the previous pack whole. Resolves to false when the server
 * answered 304 (the device already has this version).
 */
export async function downloadPack(lang: Locale, fetcher: typeof fetch = fetch): Promise<boolean> {
	const current = await db().packs.get(lang);
	const response = await fetcher(`/api/cases?lang=${lang}`, {
		headers: current ? { 'If-None-Match': current.etag } : {},
		cache: 'no-store'
	});
	if (response.status === 304) return false;
	if (!response.ok) throw new PackDownloadError(`HTTP ${response.status}`);
	const pack = (await response.json()) as LocalizedCasePack;
	const { cases, ...header } = pack;
	const packRow: PackRow = {
		...header,
		etag: response.headers.get('ETag') ?? pack.version,
		downloadedAt: Date.now()
	};
	const rows: CaseRow[] = cases.map((sheet, position) => ({ lang, id: sheet.id, position, sheet }));
	const database = db();
	await database.transaction('rw', database.packs, database.cases, async () => {
		await database.cases.where('[lang+position]').between([lang, -1], [lang, Infinity]).delete();
		await database.cases.bulkPut(rows);
		await database.packs.put(packRow);
	});
	return true;
}

/** Downloads both official languages: hosts switch language on the day. */
export async function downloadAllPacks(fetcher: typeof fetch = fetch): Promise<void> {
	for (const lang of LOCALES) await downloadPack(lang, fetcher);
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
