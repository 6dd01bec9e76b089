/**
 * The case_updates table (migration 0010) and the revision that tells every server process an
 * update was published or withdrawn (migration 0011). Imports nothing of the case pack, so the
 * active pack (case-pack/active.ts) may read the visible updates from here.
 */
import { sql } from 'kysely';
import type { CaseStatus } from '$lib/shared/case-updates';
import type { AppDb } from '$lib/server/db/open';
import { rawWriteTransaction } from '$lib/server/db/transaction';

export interface StoredCaseUpdate {
	id: string;
	caseId: string;
	date: string;
	status: CaseStatus | null;
	noteEn: string;
	noteFr: string;
	publishedAt: number;
	publishedBy: string;
	withdrawnAt: number | null;
}

const COLUMNS = [
	'id',
	'case_id',
	'date',
	'status',
	'note_en',
	'note_fr',
	'published_at',
	'published_by',
	'withdrawn_at'
] as const;

/** Latest news first; of two on the same day, the one published last. */
function ordered(db: AppDb) {
	return db.kysely
		.selectFrom('case_updates')
		.select(COLUMNS)
		.orderBy('date', 'desc')
		.orderBy('published_at', 'desc')
		.orderBy('id');
}

type Row = Awaited<ReturnType<ReturnType<typeof ordered>['execute']>>[number];

const fromRow = (row: Row): StoredCaseUpdate => ({
	id: row.id,
	caseId: row.case_id,
	date: row.date,
	status: row.status as CaseStatus | null,
	noteEn: row.note_en,
	noteFr: row.note_fr,
	publishedAt: Number(row.published_at),
	publishedBy: row.published_by,
	withdrawnAt: row.withdrawn_at === null ? null : Number(row.withdrawn_at)
});

/** Every update, withdrawn ones included (the organizers' list), latest first. */
export async function allCaseUpdates(db: AppDb): Promise<StoredCaseUpdate[]> {
	return (await ordered(db).execute()).map(fromRow);
}

/** The updates participants and devices see, latest first. */
export async function visibleCaseUpdates(db: AppDb): Promise<StoredCaseUpdate[]> {
	return (await ordered(db).where('withdrawn_at', 'is', null).execute()).map(fromRow);
}

const bumpRevision = (db: AppDb) =>
	db.kysely
		.updateTable('case_pack_active')
		.set({ updates_revision: sql`updates_revision + 1` })
		.where('slot', '=', 'active')
		.compile();

/** Stores a validated update and raises the revision, in one transaction. */
export async function insertCaseUpdate(db: AppDb, update: StoredCaseUpdate): Promise<void> {
	await rawWriteTransaction(db, async (run) => {
		await run(
			db.kysely
				.insertInto('case_updates')
				.values({
					id: update.id,
					case_id: update.caseId,
					date: update.date,
					status: update.status,
					note_en: update.noteEn,
					note_fr: update.noteFr,
					published_at: update.publishedAt,
					published_by: update.publishedBy,
					withdrawn_at: null
				})
				.compile()
		);
		await run(bumpRevision(db));
	});
}

/** Marks an update withdrawn (kept, never shown). False when no visible update has that id. */
export async function markWithdrawn(db: AppDb, id: string, now: number): Promise<boolean> {
	return rawWriteTransaction(db, async (run) => {
		const changed = await run<{ id: string }>(
			db.kysely
				.updateTable('case_updates')
				.set({ withdrawn_at: now })
				.where('id', '=', id)
				.where('withdrawn_at', 'is', null)
				.returning('id')
				.compile()
		);
		if (changed.length === 0) return false;
		await run(bumpRevision(db));
		return true;
	});
}
