/**
 * "What your letters did": each case's latest update an organizer has not withdrawn (the
 * case-updates table of issue 14), with its date, status and note in the page's language.
 */
import type { Locale } from '$lib/shared/domain';
import type { Reader } from '$lib/server/organizer/read';

export interface CaseOutcome {
	caseId: string;
	/** YYYY-MM-DD. */
	date: string;
	status: string | null;
	note: string;
}

export async function readOutcomes(
	trx: Reader,
	caseIds: string[],
	lang: Locale
): Promise<Map<string, CaseOutcome>> {
	if (caseIds.length === 0) return new Map();
	const rows = await trx
		.selectFrom('case_updates')
		.select(['case_id', 'date', 'status', 'note_en', 'note_fr', 'published_at'])
		.where('withdrawn_at', 'is', null)
		.where('case_id', 'in', caseIds)
		// Latest first; the first row met for a case is its current outcome.
		.orderBy('date', 'desc')
		.orderBy('published_at', 'desc')
		.execute();
	const outcomes = new Map<string, CaseOutcome>();
	for (const row of rows) {
		if (outcomes.has(row.case_id)) continue;
		outcomes.set(row.case_id, {
			caseId: row.case_id,
			date: row.date,
			status: row.status,
			note: lang === 'fr' ? row.note_fr : row.note_en
		});
	}
	return outcomes;
}
