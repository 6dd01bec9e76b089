/** Asks the browser not to evict this origin's IndexedDB under storage pressure. */
export async function requestPersistence(): Promise<boolean> {
	if (!navigator.storage?.persist) return false;
	if (await navigator.storage.persisted()) return true;
	return navigator.storage.persist();
}

/** Whether the browser keeps this origin's data under storage pressure; null if it won't say. */
export async function isPersisted(): Promise<boolean | null> {
	return navigator.storage?.persisted ? navigator.storage.persisted() : null;
}

export interface StorageStatus {
	persisted: boolean | null;
	usage: number | null;
	quota: number | null;
}

export async function storageStatus(): Promise<StorageStatus> {
	const storage = navigator.storage;
	const persisted = storage?.persisted ? await storage.persisted() : null;
	const estimate = storage?.estimate ? await storage.estimate() : undefined;
	return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
