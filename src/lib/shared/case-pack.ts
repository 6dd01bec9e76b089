/**
 * The case pack: the year's case sheets in both official languages. The server keeps the
 * bilingual pack (format documented in docs/case-pack.md); clients get one language at a time
 * as a LocalizedCasePack from GET /api/cases?lang=.
 */
import type { Locale } from './domain';

export const CASE_PACK_FORMAT = 1;

export interface Localized {
	en: string;
	fr: string;
}

/** A postal address as printed on an envelope, one line per entry. */
export type AddressLines = string[];

export interface Addressee {
	/** The official's name when the source gives one. */
	name?: string;
	title: Localized;
	salutation: Localized;
	address: AddressLines;
}

export interface CaseSheet {
	/** Stable slug used in URLs, counters and QR codes: lowercase letters, digits, hyphens. */
	id: string;
	/** The person or group. */
	name: string;
	country: Localized;
	/** The Write for Rights campaign year. */
	year: number;
	/** Shown in place of a photo. */
	initials: string;
	photo?: { src: string; width: number; height: number; alt: Localized };
	/** One sentence for lists. */
	summary: Localized;
	/** Paragraphs separated by a blank line. */
	story: Localized;
	ask: Localized;
	/** What has happened since the campaign, when known. */
	update?: Localized;
	/** Where appeal letters go; null when the sample has no sourced address. */
	addressee: Addressee | null;
	/** Guidance about letters: who to write to when addressee is null, tone, etc. */
	letterGuidance: Localized;
	sampleLetter: Localized;
	/** Where solidarity cards go; null when no sourced address exists. */
	solidarityAddress: AddressLines | null;
	solidarityGuidance: Localized;
	/** Things never to write or draw, shown prominently. */
	safety: Localized[];
	onlineAction: { url: string; label: Localized } | null;
	/** Where the facts come from. */
	sources: string[];
}

export interface CasePack {
	format: typeof CASE_PACK_FORMAT;
	/** Changes whenever any sheet changes, e.g. "2026.1". */
	version: string;
	/** Publication day, YYYY-MM-DD. */
	published: string;
	/** Shown on every sheet of a sample pack. */
	notice: Localized;
	/** Postage guidance for international letters from Canada. */
	postage: Localized;
	/** Card and letter rules shared by every case. */
	generalSafety: Localized[];
	cases: CaseSheet[];
}

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
