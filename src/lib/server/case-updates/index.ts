/**
 * Case updates (issue 14, part 4): organizers publish a dated note on a case, in English and
 * French, optionally with a new status; they may withdraw one (kept, never shown again). The
 * served pack carries each case's visible updates and its stamp changes with them
 * (case-pack/active.ts), so participant pages show them at once and devices fetch them at their
 * next sync. Updates may name only cases a published pack holds.
 */
import { randomId } from '$lib/shared/ids';
import {
	parseCaseUpdate,
	type CaseUpdateField,
	type CaseUpdateProblem
} from '$lib/shared/case-updates';
import { activePack } from '$lib/server/case-pack';
import { forgetActivePack } from '$lib/server/case-pack/active';
import type { AppDb } from '$lib/server/db/open';
import { insertCaseUpdate, markWithdrawn, type StoredCaseUpdate } from './store';

export { allCaseUpdates, visibleCaseUpdates, type StoredCaseUpdate } from './store';

export type PublishUpdateResult =
	| { ok: true; update: StoredCaseUpdate }
	| { ok: false; problems: Partial<Record<CaseUpdateField, CaseUpdateProblem>> };

/**
 * Validates `input` (form fields caseId, date, status, noteEn, noteFr) and publishes it. A refusal
 * writes nothing. `today` is the organizer's day, YYYY-MM-DD: a later date is refused.
 */
export async function publishCaseUpdate(
	db: AppDb,
	input: Record<string, unknown>,
	publishedBy: string,
	{ today, now = Date.now() }: { today: string; now?: number }
): Promise<PublishUpdateResult> {
	const { ids } = await activePack(db);
	const parsed = parseCaseUpdate(input, today, ids);
	if (!parsed.ok) return parsed;
	const update: StoredCaseUpdate = {
		id: randomId(),
		...parsed.value,
		publishedAt: now,
		publishedBy,
		withdrawnAt: null
	};
	await insertCaseUpdate(db, update);
	// This process serves it at once; the others within RECHECK_MS.
	forgetActivePack(db);
	return { ok: true, update };
}

/** Withdraws a visible update. False when there is none with that id (unknown, or withdrawn). */
export async function withdrawCaseUpdate(
	db: AppDb,
	id: string,
	now = Date.now()
): Promise<boolean> {
	const withdrawn = await markWithdrawn(db, id, now);
	if (withdrawn) forgetActivePack(db);
	return withdrawn;
}
