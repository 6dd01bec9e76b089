/**
 * Storage faults for a real Chromium, injected into the page: a full disk on one store's
 * writes, an IndexedDB that refuses to open (as some private windows do), no IndexedDB at all.
 */
import type { Page } from 'playwright-core';

declare global {
	interface Window {
		/** The object store whose writes fail as on a full disk; none when unset. */
		__letterdayDiskFull?: string | null;
	}
}

/**
 * While `window.__letterdayDiskFull` names an object store, every put or add to that store
 * throws the QuotaExceededError a full disk gives, inside the write's transaction, which Dexie
 * then aborts. Other stores (the sync's bookkeeping) are left alone, so only the host's own
 * write is hit.
 */
export function installDiskFullSwitch(): void {
	for (const method of ['put', 'add'] as const) {
		const original = IDBObjectStore.prototype[method];
		IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args) {
			if (this.name === window.__letterdayDiskFull) {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			}
			return original.apply(this, args);
		} as typeof original;
	}
}

/** Fills the disk for writes to `store` (the counters by default), or frees it. */
export const setDiskFull = (page: Page, full: boolean, store = 'counters') =>
	page.evaluate((value) => void (window.__letterdayDiskFull = value), full ? store : null);

/** indexedDB.open fails the way Firefox's private windows made it fail (InvalidStateError). */
export function refuseIndexedDbOpen(): void {
	IDBFactory.prototype.open = function () {
		const request = {
			error: new DOMException('A mutation operation was attempted', 'InvalidStateError'),
			onerror: null as ((event: unknown) => void) | null
		};
		setTimeout(() =>
			request.onerror?.({ target: request, preventDefault() {}, stopPropagation() {} })
		);
		return request as unknown as IDBOpenDBRequest;
	};
}

/** A browser with no IndexedDB at all. */
export function removeIndexedDb(): void {
	delete (window as { indexedDB?: IDBFactory }).indexedDB;
}
