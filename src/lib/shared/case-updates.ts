/**
 * Case updates (issue 14, part 4): an organizer's dated note on a case, in both official
 * languages, with an optional new status. Isomorphic: the organizer form validates with it on
 * the server, and the participant pages, the host app and the projector label statuses with it.
 */
import type { Locale } from './domain';
import { hasControlCharacter, isCalendarDate } from './event-details';

export const CASE_STATUSES = [
	'released',
	'charges_dropped',
	'sentenced',
	'still_detained'
] as const;
/** A new status the update announces; null: news with no change of status. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const isCaseStatus = (value: unknown): value is CaseStatus =>
	typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);

/** Labels beside the i18n catalogs: the participant pages, the host app, the projector and the
 * organizer screen all show them, and a status must read the same everywhere. The French ones
 * are nouns, so they fit a woman, a man or a group ("Mother Nature Cambodia") alike. */
export const STATUS_LABELS: Readonly<Record<Locale, Readonly<Record<CaseStatus, string>>>> = {
	en: {
		released: 'Released',
		charges_dropped: 'Charges dropped',
		sentenced: 'Sentenced',
		still_detained: 'Still detained'
	},
	fr: {
		released: 'Libération',
		charges_dropped: 'Accusations abandonnées',
		sentenced: 'Condamnation',
		still_detained: 'Toujours en détention'
	}
};

export const statusLabel = (status: CaseStatus, lang: Locale): string =>
	STATUS_LABELS[lang][status];

/** A note is a short paragraph or two, not a story: the sheet shows it near the top. */
export const NOTE_MAX = 1_000;

/** One update as a device or a participant page gets it: one language, visible ones only. */
export interface LocalizedCaseUpdate {
	id: string;
	/** YYYY-MM-DD: the day of the news. */
	date: string;
	status: CaseStatus | null;
	note: string;
}

/** What an organizer submits, once valid. */
export interface CaseUpdateInput {
	caseId: string;
	date: string;
	status: CaseStatus | null;
	noteEn: string;
	noteFr: string;
}

export type CaseUpdateField = 'caseId' | 'date' | 'status' | 'noteEn' | 'noteFr';
export type CaseUpdateProblem =
	| 'required'
	| 'unknown_case'
	| 'bad_date'
	| 'future_date'
	| 'bad_status'
	| 'too_long'
	| 'control_character';

export type CaseUpdateParse =
	| { ok: true; value: CaseUpdateInput }
	| { ok: false; problems: Partial<Record<CaseUpdateField, CaseUpdateProblem>> };

// Line breaks may separate paragraphs of a note; every other control character is refused.
const noteProblem = (note: string): CaseUpdateProblem | null => {
	if (note === '') return 'required';
	if (Array.from(note).length > NOTE_MAX) return 'too_long';
	return hasControlCharacter(note.replace(/\n/g, '')) ? 'control_character' : null;
};

const text = (value: unknown): string =>
	typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';

/**
 * Checks a submitted update. `today` is YYYY-MM-DD where the organizer is (a date "in the
 * future" is judged there, not in UTC); `caseIds` are the cases a published pack holds.
 */
export function parseCaseUpdate(
	input: Record<string, unknown>,
	today: string,
	caseIds: ReadonlySet<string>
): CaseUpdateParse {
	const problems: Partial<Record<CaseUpdateField, CaseUpdateProblem>> = {};
	const caseId = text(input.caseId);
	if (caseId === '') problems.caseId = 'required';
	else if (!caseIds.has(caseId)) problems.caseId = 'unknown_case';
	const date = text(input.date);
	if (date === '') problems.date = 'required';
	else if (!isCalendarDate(date)) problems.date = 'bad_date';
	else if (date > today) problems.date = 'future_date';
	const rawStatus = text(input.status);
	const status = rawStatus === '' ? null : rawStatus;
	if (status !== null && !isCaseStatus(status)) problems.status = 'bad_status';
	const noteEn = text(input.noteEn);
	const noteFr = text(input.noteFr);
	const en = noteProblem(noteEn);
	const fr = noteProblem(noteFr);
	if (en) problems.noteEn = en;
	if (fr) problems.noteFr = fr;
	if (Object.keys(problems).length > 0) return { ok: false, problems };
	return { ok: true, value: { caseId, date, status: status as CaseStatus | null, noteEn, noteFr } };
}

/** The status a case stands at: that of its latest update that set one (updates latest first). */
export function latestStatus(
	updates: readonly LocalizedCaseUpdate[] | undefined
): CaseStatus | null {
	return updates?.find((update) => update.status !== null)?.status ?? null;
}
