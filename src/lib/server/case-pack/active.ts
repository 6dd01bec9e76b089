/**
 * The active pack, held in memory per database handle. Several server processes share one
 * PostgreSQL and any of them may publish, so each re-reads the active pack's id and its case
 * updates' revision at most every RECHECK_MS (one single-row read), and loads the pack again only
 * when the id moved, the updates only when the revision did. A publish through this process
 * forgets the cached pack at once.
 *
 * The stamp's hash covers the pack AND its visible case updates: a device compares it with the
 * hash of the copy it holds (client/sync/case-pack.ts followPack), so a published or withdrawn
 * update makes every device download the pack again at its next sync, through either database's
 * sync path (handler.ts adds the stamp to both).
 */
import { createHash } from 'node:crypto';
import type { CasePack } from '$lib/shared/case-pack';
import type { PackStamp } from '$lib/shared/sync-wire';
import type { AppDb } from '$lib/server/db/open';
import { visibleCaseUpdates, type StoredCaseUpdate } from '$lib/server/case-updates/store';
import { activeState, publishedCaseIds, readPack } from './store';

/** How stale another process's publish may look here, at most. */
export const RECHECK_MS = 2_000;

export interface ActivePack {
	/** The case_packs row. */
	id: number;
	/** What the sync answer announces, so devices fetch a newer pack by themselves. */
	stamp: PackStamp;
	pack: CasePack;
	publishedAt: number;
	/** Every case id of every published pack (not only the active one's): a case once published
	 * stays countable for good, so a device that counted a dropped case can still sync it. */
	ids: ReadonlySet<string>;
	/** The visible case updates per case id, latest first. */
	updates: ReadonlyMap<string, readonly StoredCaseUpdate[]>;
	/** case_pack_active.updates_revision when `updates` were read. */
	revision: number;
	/** The pack's own content hash (stamp.hash also covers the updates). */
	packHash: string;
}

/** No pack was ever published (first start, and CASE_PACK_FILE was invalid). */
export class NoActivePackError extends Error {
	constructor() {
		super('No case pack is published: check CASE_PACK_FILE and the log above');
		this.name = 'NoActivePackError';
	}
}

interface Watch {
	current?: ActivePack;
	checkedAt: number;
	refreshing?: Promise<ActivePack>;
	/** Bumped by forgetActivePack, so a re-check begun before a publish cannot vouch for after. */
	generation: number;
}

const watches = new WeakMap<AppDb, Watch>();

function watchOf(db: AppDb): Watch {
	let watch = watches.get(db);
	if (!watch) {
		watch = { checkedAt: -Infinity, generation: 0 };
		watches.set(db, watch);
	}
	return watch;
}

/** The active pack: from memory when checked within RECHECK_MS, else re-checked first. */
export function cachedActivePack(db: AppDb, now = Date.now()): Promise<ActivePack> {
	const watch = watchOf(db);
	if (watch.current && now - watch.checkedAt < RECHECK_MS) return Promise.resolve(watch.current);
	if (!watch.refreshing) {
		const refreshing = refresh(db, watch, now).finally(() => {
			if (watch.refreshing === refreshing) watch.refreshing = undefined;
		});
		watch.refreshing = refreshing;
	}
	return watch.refreshing;
}

/** After a publish through this handle: the next read loads the new pack at once. */
export function forgetActivePack(db: AppDb): void {
	const watch = watchOf(db);
	watch.checkedAt = -Infinity;
	watch.refreshing = undefined;
	watch.generation += 1;
}

async function refresh(db: AppDb, watch: Watch, now: number): Promise<ActivePack> {
	const generation = watch.generation;
	let state: { id: number; revision: number } | null;
	try {
		state = await activeState(db);
	} catch (error) {
		// A database hiccup: the pack known a moment ago is still the best answer for readers.
		if (!watch.current) throw error;
		console.error('case pack: could not re-check the active pack; serving the cached one', error);
		return watch.current;
	}
	if (state === null) throw new NoActivePackError();
	const known = watch.current;
	let current: ActivePack;
	if (known?.id !== state.id) current = await load(db, state.id, state.revision);
	else if (known.revision !== state.revision)
		current = await withUpdates(db, known, state.revision);
	else current = known;
	if (watch.generation === generation) {
		watch.current = current;
		watch.checkedAt = now;
	}
	return current;
}

async function load(db: AppDb, id: number, revision: number): Promise<ActivePack> {
	const [row, ids] = await Promise.all([readPack(db, id), publishedCaseIds(db)]);
	if (!row) throw new Error(`case pack ${id} is active but missing`);
	// Trusted: it was validated when published. Validating again here would turn a later, stricter
	// rule into an outage for a pack that was fine when it went out.
	const pack = JSON.parse(row.body) as CasePack;
	const base = { id, pack, publishedAt: row.publishedAt, ids, packHash: row.hash };
	return withUpdates(db, { ...base, version: row.version }, revision);
}

/** A new ActivePack object (localized bodies are cached per object) with the updates read now. */
async function withUpdates(
	db: AppDb,
	base: Omit<ActivePack, 'stamp' | 'updates' | 'revision'> & {
		version?: string;
		stamp?: PackStamp;
	},
	revision: number
): Promise<ActivePack> {
	const visible = await visibleCaseUpdates(db);
	const updates = new Map<string, StoredCaseUpdate[]>();
	for (const update of visible) {
		const list = updates.get(update.caseId) ?? [];
		list.push(update);
		updates.set(update.caseId, list);
	}
	const version = base.version ?? base.stamp!.version;
	return {
		id: base.id,
		pack: base.pack,
		publishedAt: base.publishedAt,
		ids: base.ids,
		packHash: base.packHash,
		updates,
		revision,
		stamp: { version, hash: stampHash(base.packHash, visible) }
	};
}

/** The pack's hash alone while no update is visible (so it matches case_packs.hash), else a hash
 * of both: the same content gives the same stamp in every process. */
function stampHash(packHash: string, visible: readonly StoredCaseUpdate[]): string {
	if (visible.length === 0) return packHash;
	const content = visible.map((u) => [u.id, u.caseId, u.date, u.status, u.noteEn, u.noteFr]);
	return createHash('sha256')
		.update(`${packHash}\n${JSON.stringify(content)}`)
		.digest('base64url');
}
