/**
 * What the sync and report routes share in a server process: the database, the case packs and
 * the limits from the environment. (The sync rate per event is checked before SvelteKit, in the
 * server entry: scripts/event-rate.js.)
 */
import { activePack } from '$lib/server/case-pack';
import { getDb } from '$lib/server/db';
import type { SyncDeps } from './handler';
import { limitsFromEnv } from './limits';

export const syncRouteDeps: SyncDeps = {
	database: getDb,
	cases: activePack,
	limits: limitsFromEnv()
};
