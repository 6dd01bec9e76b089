import { randomId } from '$lib/shared/ids';
import { db } from '../db/database';

const DEVICE_ID = 'deviceId';

/** This device's id, made once and kept: it names this device's counter rows on the server. */
export async function deviceId(): Promise<string> {
	return db().transaction('rw', db().meta, async () => {
		const existing = await db().meta.get(DEVICE_ID);
		if (existing) return existing.value;
		const value = randomId();
		await db().meta.put({ key: DEVICE_ID, value });
		return value;
	});
}
