/**
 * The one place that names a case id for organizers, in pages and exports alike. Today it asks
 * the current case pack; when packs are published year by year it is where cases a newer pack
 * dropped will be found, so that last year's letters keep their names. Unknown ids fall back to
 * the id itself rather than vanish: the letters were written all the same.
 */
import { getCasePack, localizedPack } from '$lib/server/case-pack';
import type { Locale } from '$lib/shared/domain';

export function caseName(caseId: string, lang: Locale): string {
	// The localized pack is built once per pack and language, so a lookup costs a find.
	const sheet = localizedPack(lang).pack.cases.find((candidate) => candidate.id === caseId);
	return sheet?.name ?? caseId;
}

/** The cases organizers expect to see even before anyone counts for them, in pack order. */
export function currentCaseIds(): string[] {
	return getCasePack().cases.map((sheet) => sheet.id);
}
