/**
 * The case pack: the year's case sheets in both official languages. The server keeps the
 * bilingual pack (format documented in docs/case-pack.md); clients get one language at a time
 * as a LocalizedCasePack from GET /api/cases?lang=.
 */
import type { LocalizedCaseUpdate } from './case-updates';
import type { Locale } from './domain';
// Types only: the schemas they are inferred from, and valibot, stay on the server.
import type {
	Addressee,
	AddressLines,
	CasePack,
	CaseSheet,
	Localized
} from '$lib/server/case-pack/schema';

export type { Addressee, AddressLines, CasePack, CaseSheet, Localized };

export const CASE_PACK_FORMAT = 1;

/** A case id's shape: lowercase letters and digits in words joined by single hyphens. */
export const CASE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** The most cases a pack may hold (and so a counter snapshot may name). */
export const MAX_CASES = 100;

type Flatten<T> = T extends Localized
	? string
	: T extends (infer U)[]
		? Flatten<U>[]
		: T extends object
			? { [K in keyof T]: Flatten<T[K]> }
			: T;

/** A case sheet in one language: every Localized field replaced by its text; as served, with the
 * case's visible updates in that language, latest first (absent: none). */
export type LocalizedCaseSheet = Flatten<CaseSheet> & { updates?: LocalizedCaseUpdate[] };

export interface LocalizedCasePack extends Flatten<Omit<CasePack, 'cases'>> {
	lang: Locale;
	cases: LocalizedCaseSheet[];
}

/** What GET /api/cases answers: one language, and the content hash of the bilingual pack it came
 * from (the sync answer announces the active pack's hash: docs/api.md). */
export interface ServedCasePack extends LocalizedCasePack {
	hash: string;
}
