/**
 * Storage faults for a real Chromium, injected into the page: a full disk on the counters'
 * writes, an IndexedDB that refuses to open (as some private windows do), no IndexedDB at all.
 */
import type { Page } from 'playwright-core';

declare global {
	interface Window {
		__letterdayDiskFull?: boolean;
	}
}

/**
 * While `window.__letterdayDiskFull` is true, every write to the counters store throws the
 * QuotaExceededError a full disk gives, inside the tap's transaction, which Dexie then aborts.
 * Other stores (the sync's bookkeeping) are left alone so only the tap is hit.
 */
export function installDiskFullSwitch(): void {
	const put = IDBObjectStore.prototype.put;
	IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
		if (this.name === 'counters' && window.__letterdayDiskFull) {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		}
		return put.apply(this, args);
	} as typeof put;
}

/** Turns the full disk on or off on the page as it is now (install the switch first). */
export const setDiskFull = (page: Page, full: boolean) =>
	page.evaluate((value) => void (window.__letterdayDiskFull = value), full);

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
