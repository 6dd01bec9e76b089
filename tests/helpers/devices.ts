/**
 * Fresh device databases for a test file (fake-indexeddb): `device()` makes one and makes it the
 * app's current database; each is deleted after its test.
 */
import { afterEach } from 'vitest';
import { LetterdayDB, useDatabase } from '$lib/client/db/database';

export function useDevices(prefix: string): () => LetterdayDB {
	const devices: LetterdayDB[] = [];
	let seq = 0;
	afterEach(async () => {
		for (const device of devices.splice(0)) await device.delete();
	});
	return () => {
		const database = new LetterdayDB(`${prefix}-${seq++}`);
		devices.push(database);
		useDatabase(database);
		return database;
	};
}
