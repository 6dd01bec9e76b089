/**
 * The case pack: the year's case sheets in both official languages. The server keeps the
 * bilingual pack (format documented in docs/case-pack.md); clients get one language at a time
 * as a LocalizedCasePack from GET /api/cases?lang=.
 */
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

type Flatten<T> = T extends Localized
	? string
	: T extends (infer U)[]
		? Flatten<U>[]
		: T extends object
			? { [K in keyof T]: Flatten<T[K]> }
			: T;

/** A case sheet in one language: every Localized field replaced by its text. */
export type LocalizedCaseSheet = Flatten<CaseSheet>;

export interface LocalizedCasePack extends Flatten<Omit<CasePack, 'cases'>> {
	lang: Locale;
	cases: LocalizedCaseSheet[];
}
