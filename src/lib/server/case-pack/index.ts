/**
 * The case pack the server hands out: the active one of the packs published in the database
 * (docs/case-pack.md, "Publishing"). At first use the bundled sample seeds an empty database, or
 * CASE_PACK_FILE is published (start.ts); organizers publish later ones (publish.ts). Every
 * server process holds the active pack in memory and re-checks its id every few seconds
 * (active.ts), so a pack published through one process is served by all of them.
 */
import { createHash } from 'node:crypto';
import type { LocalizedCaseSheet, ServedCasePack } from '$lib/shared/case-pack';
import { localize, localizePack } from '$lib/shared/case-pack-localize';
import type { Locale } from '$lib/shared/domain';
import type { AppDb } from '$lib/server/db/open';
import { cachedActivePack, type ActivePack } from './active';
import { startCasePacks } from './start';

export { localize };
export { NoActivePackError, RECHECK_MS, type ActivePack } from './active';
export { publishCasePack, type PublishResult } from './publish';
export { SAMPLE_PACK_JSON, samplePack } from './source';
export { listPublishedPacks, type PublishedPack } from './store';
export { CasePackError, formatIssue, validateCasePack } from './validate';
export type { CasePackIssue, CasePackValidation } from './validate';

export interface LocalizedPackResponse {
	pack: ServedCasePack;
	/** A strong ETag: the quoted SHA-256 of `body`. */
	etag: string;
	/** The JSON text served by GET /api/cases. */
	body: string;
}

/** The active pack (seeding or publishing CASE_PACK_FILE first, once per handle). */
export async function activePack(db: AppDb): Promise<ActivePack> {
	await startCasePacks(db);
	return cachedActivePack(db);
}

// Keyed by the ActivePack object: a newly active pack starts afresh.
const localizedCache = new WeakMap<ActivePack, Map<Locale, LocalizedPackResponse>>();

/** The active pack in one language, with its JSON body and ETag, computed once per pack. */
export async function localizedPack(db: AppDb, lang: Locale): Promise<LocalizedPackResponse> {
	const active = await activePack(db);
	let byLang = localizedCache.get(active);
	if (!byLang) {
		byLang = new Map();
		localizedCache.set(active, byLang);
	}
	let entry = byLang.get(lang);
	if (!entry) {
		// The content hash (of the pack and its case updates) travels with each language, so a
		// device can tell the pack it holds from the one a sync answer announces (docs/api.md).
		const localized = localizePack(active.pack, lang);
		const cases = localized.cases.map((sheet) => withUpdates(sheet, active, lang));
		const pack: ServedCasePack = { ...localized, cases, hash: active.stamp.hash };
		const body = JSON.stringify(pack);
		const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
		entry = { pack, etag, body };
		byLang.set(lang, entry);
	}
	return entry;
}

/** The sheet with its case's visible updates in `lang` (none: the sheet as it was). */
function withUpdates(
	sheet: LocalizedCaseSheet,
	active: ActivePack,
	lang: Locale
): LocalizedCaseSheet {
	const updates = active.updates.get(sheet.id);
	if (!updates) return sheet;
	return {
		...sheet,
		updates: updates.map(({ id, date, status, noteEn, noteFr }) => ({
			id,
			date,
			status,
			note: lang === 'fr' ? noteFr : noteEn
		}))
	};
}
