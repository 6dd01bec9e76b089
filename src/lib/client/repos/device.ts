import { randomId } from '$lib/shared/ids';
import { db, type LetterdayDB } from '../db/database';

const DEVICE_ID = 'deviceId';

/** Per database (tests swap databases): the id never changes once made. */
const known = new WeakMap<LetterdayDB, Promise<string>>();

/** This device's id, made once and kept: it names this device's counter rows on the server. */
export function deviceId(): Promise<string> {
	const database = db();
	let id = known.get(database);
	if (!id) {
		id = readOrMake(database);
		known.set(database, id);
		id.catch(() => known.delete(database));
	}
	return id;
}

async function readOrMake(database: LetterdayDB): Promise<string> {
	const existing = await database.meta.get(DEVICE_ID);
	if (existing) return existing.value;
	// The page and the service worker may both get here first: the read-write transaction lets
	// exactly one of them make the id, and the other reads it.
	return database.transaction('rw', database.meta, async () => {
		const made = await database.meta.get(DEVICE_ID);
		if (made) return made.value;
		const value = randomId();
		await database.meta.put({ key: DEVICE_ID, value });
		return value;
	});
}
