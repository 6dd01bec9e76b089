/**
 * The published packs in the database (tables of migration 0005_case_packs): reads, and the one
 * write transaction that publishes a pack and makes it active. Validation happens before
 * (publish.ts); this module trusts the pack it is given.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { CasePack } from '$lib/shared/case-pack';
import type { AppDb } from '$lib/server/db/open';
import { rawWriteTransaction } from '$lib/server/db/transaction';

/** A published pack as organizers see it in the list. */
export interface PublishedPack {
	id: number;
	version: string;
	hash: string;
	publishedAt: number;
	/** An organizer's id, 'seed' or 'file'. */
	publishedBy: string;
	caseCount: number;
	active: boolean;
}

/** The pack body stored and hashed: the validated pack as JSON, in the schema's key order. */
export function packBody(pack: CasePack): { body: string; hash: string } {
	const body = JSON.stringify(pack);
	return { body, hash: createHash('sha256').update(body).digest('base64url') };
}

/** The active pack's id, or null before anything was published: the cheap re-check. */
export async function activePackId(db: AppDb): Promise<number | null> {
	const row = await db.kysely
		.selectFrom('case_pack_active')
		.select('pack_id')
		.where('slot', '=', 'active')
		.executeTakeFirst();
	return row ? Number(row.pack_id) : null;
}

/** The active pack's id and its updates' revision (migration 0011): what each process re-checks. */
export async function activeState(db: AppDb): Promise<{ id: number; revision: number } | null> {
	const row = await db.kysely
		.selectFrom('case_pack_active')
		.select(['pack_id', 'updates_revision'])
		.where('slot', '=', 'active')
		.executeTakeFirst();
	return row ? { id: Number(row.pack_id), revision: Number(row.updates_revision) } : null;
}

export interface StoredPack {
	id: number;
	version: string;
	hash: string;
	body: string;
	publishedAt: number;
}

export async function readPack(db: AppDb, id: number): Promise<StoredPack | undefined> {
	const row = await db.kysely
		.selectFrom('case_packs')
		.select(['id', 'version', 'hash', 'body', 'published_at'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row && { ...row, id: Number(row.id), publishedAt: Number(row.published_at) };
}

/** Every case id of every published pack. */
export async function publishedCaseIds(db: AppDb): Promise<Set<string>> {
	const rows = await db.kysely
		.selectFrom('case_pack_cases')
		.select('case_id')
		.groupBy('case_id')
		.execute();
	return new Set(rows.map((row) => row.case_id));
}

/** Every published pack, newest first. */
export async function listPublishedPacks(db: AppDb): Promise<PublishedPack[]> {
	const [rows, active] = await Promise.all([
		db.kysely
			.selectFrom('case_packs as p')
			.leftJoin('case_pack_cases as c', 'c.pack_id', 'p.id')
			.select(['p.id', 'p.version', 'p.hash', 'p.published_at', 'p.published_by'])
			.select((eb) => eb.fn.count<number | string>('c.case_id').as('cases'))
			.groupBy(['p.id', 'p.version', 'p.hash', 'p.published_at', 'p.published_by'])
			.orderBy('p.id', 'desc')
			.execute(),
		activePackId(db)
	]);
	return rows.map((row) => ({
		id: Number(row.id),
		version: row.version,
		hash: row.hash,
		publishedAt: Number(row.published_at),
		publishedBy: row.published_by,
		caseCount: Number(row.cases),
		active: Number(row.id) === active
	}));
}

export type StoreOutcome =
	/** Stored and made active. */
	| { status: 'published'; id: number }
	/** The active pack already has this content: nothing written. */
	| { status: 'unchanged'; id: number }
	/** `onlyIfNone` and a pack is active already: nothing written. */
	| { status: 'kept'; id: number }
	/** The version names a pack published earlier with other content: nothing written. */
	| { status: 'version_taken'; publishedAt: number };

// Publishers in several processes take turns (PostgreSQL); SQLite's BEGIN IMMEDIATE serializes
// writers already. Turn-taking makes "max + 1" and "is anything active yet?" safe.
const PG_LOCK = sql`select pg_advisory_xact_lock(hashtext('letterday.case_packs'))`;

/**
 * Stores `pack` and makes it active, in ONE transaction, unless the active pack already has the
 * same content, or (`onlyIfNone`, the seed) any pack is active, or its version string was used
 * by other content before (a version names one content, so hosts can tell packs apart).
 */
export async function storePack(
	db: AppDb,
	pack: CasePack,
	publishedBy: string,
	{ now = Date.now(), onlyIfNone = false }: { now?: number; onlyIfNone?: boolean } = {}
): Promise<StoreOutcome> {
	const { body, hash } = packBody(pack);
	const k = db.kysely;
	return rawWriteTransaction(db, async (run): Promise<StoreOutcome> => {
		if (db.dialect === 'postgres') await run(PG_LOCK.compile(k));
		const [active] = await run<{ id: number; hash: string }>(
			k
				.selectFrom('case_pack_active as a')
				.innerJoin('case_packs as p', 'p.id', 'a.pack_id')
				.select(['p.id', 'p.hash'])
				.where('a.slot', '=', 'active')
				.compile()
		);
		if (active?.hash === hash) return { status: 'unchanged', id: Number(active.id) };
		if (active && onlyIfNone) return { status: 'kept', id: Number(active.id) };
		const [taken] = await run<{ published_at: number }>(
			k
				.selectFrom('case_packs')
				.select('published_at')
				.where('version', '=', pack.version)
				.where('hash', '<>', hash)
				.orderBy('id')
				.limit(1)
				.compile()
		);
		if (taken) return { status: 'version_taken', publishedAt: Number(taken.published_at) };
		const [next] = await run<{ id: number | string }>(
			k
				.selectFrom('case_packs')
				.select(sql<number>`coalesce(max(id), 0) + 1`.as('id'))
				.compile()
		);
		const id = Number(next!.id);
		await run(
			k
				.insertInto('case_packs')
				.values({
					id,
					version: pack.version,
					hash,
					body,
					published_at: now,
					published_by: publishedBy
				})
				.compile()
		);
		await run(
			k
				.insertInto('case_pack_cases')
				.values(pack.cases.map((sheet) => ({ pack_id: id, case_id: sheet.id, name: sheet.name })))
				.compile()
		);
		await run(
			k
				.insertInto('case_pack_active')
				.values({ slot: 'active', pack_id: id, activated_at: now })
				.onConflict((oc) => oc.column('slot').doUpdateSet({ pack_id: id, activated_at: now }))
				.compile()
		);
		return { status: 'published', id };
	});
}
