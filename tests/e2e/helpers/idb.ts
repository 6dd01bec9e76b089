/**
 * Writes to the device's IndexedDB behind the app's back, to set up states an older version or
 * another device could have left (the app itself only writes through its repos).
 */
import type { Page } from 'playwright-core';

/**
 * Changes fields of one event row in the `letterday` database, as raw IndexedDB. With an `id`
 * among the changes, the changed row is stored as a new event beside the original.
 */
export function patchEventRow(
	page: Page,
	eventId: string,
	changes: Record<string, unknown>
): Promise<void> {
	return page.evaluate(
		({ eventId, changes }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('letterday');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('events', 'readwrite');
					const store = tx.objectStore('events');
					const get = store.get(eventId);
					get.onsuccess = () => store.put({ ...get.result, ...changes });
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ eventId, changes }
	);
}

/** One event row of the `letterday` database, as raw IndexedDB holds it. */
export function readEventRow(page: Page, eventId: string): Promise<Record<string, unknown>> {
	return page.evaluate(
		(id) =>
			new Promise<Record<string, unknown>>((resolve, reject) => {
				const open = indexedDB.open('letterday');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('events').objectStore('events').get(id);
					get.onsuccess = () => {
						open.result.close();
						resolve(get.result);
					};
					get.onerror = () => reject(get.error);
				};
			}),
		eventId
	);
}

/** The device's own id (the meta row `deviceId`), as the app made it. */
export function readDeviceId(page: Page): Promise<string> {
	return page.evaluate(
		() =>
			new Promise<string>((resolve, reject) => {
				const open = indexedDB.open('letterday');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('meta').objectStore('meta').get('deviceId');
					get.onsuccess = () => {
						open.result.close();
						resolve((get.result as { value: string }).value);
					};
					get.onerror = () => reject(get.error);
				};
			})
	);
}
