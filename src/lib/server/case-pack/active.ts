/**
 * The active pack, held in memory per database handle. Several server processes share one
 * PostgreSQL and any of them may publish, so each re-reads the active pack's id at most every
 * RECHECK_MS (one single-row read) and loads the pack again only when that id moved. A publish
 * through this process forgets the cached pack at once.
 */
import type { CasePack } from '$lib/shared/case-pack';
import type { PackStamp } from '$lib/shared/sync-wire';
import type { AppDb } from '$lib/server/db/open';
import { activePackId, publishedCaseIds, readPack } from './store';

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
	let id: number | null;
	try {
		id = await activePackId(db);
	} catch (error) {
		// A database hiccup: the pack known a moment ago is still the best answer for readers.
		if (!watch.current) throw error;
		console.error('case pack: could not re-check the active pack; serving the cached one', error);
		return watch.current;
	}
	if (id === null) throw new NoActivePackError();
	const current = watch.current?.id === id ? watch.current : await load(db, id);
	if (watch.generation === generation) {
		watch.current = current;
		watch.checkedAt = now;
	}
	return current;
}

async function load(db: AppDb, id: number): Promise<ActivePack> {
	const [row, ids] = await Promise.all([readPack(db, id), publishedCaseIds(db)]);
	if (!row) throw new Error(`case pack ${id} is active but missing`);
	// Trusted: it was validated when published. Validating again here would turn a later, stricter
	// rule into an outage for a pack that was fine when it went out.
	const pack = JSON.parse(row.body) as CasePack;
	return {
		id,
		stamp: { version: row.version, hash: row.hash },
		pack,
		publishedAt: row.publishedAt,
		ids
	};
}
