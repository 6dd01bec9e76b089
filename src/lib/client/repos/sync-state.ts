import { db } from '../db/database';
import type { SyncStateRow } from '../db/rows';

export function getSyncState(eventId: string): Promise<SyncStateRow | undefined> {
	return db().syncState.get(eventId);
}

export function listSyncStates(): Promise<SyncStateRow[]> {
	return db().syncState.toArray();
}
