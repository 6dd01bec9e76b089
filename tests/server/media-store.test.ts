/**
 * The disk media store (server/media): chunks land at their offset, a retried chunk never doubles
 * bytes, a chunk past the end is refused with the size held, and keys cannot name a path.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskMediaStore, MediaOffsetError } from '$lib/server/media';

const KEY = 'abcdefghijklmnopqrstuv';

describe('DiskMediaStore', () => {
	let dir: string;
	let store: DiskMediaStore;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'letterday-media-'));
		store = new DiskMediaStore(join(dir, 'media'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('holds nothing for an unknown key', async () => {
		expect(await store.size(KEY)).toBe(0);
		expect(await store.read(KEY)).toBeNull();
	});

	it('writes chunks in order and reads the whole file back', async () => {
		expect(await store.append(KEY, 0, new Uint8Array([1, 2, 3]))).toBe(3);
		expect(await store.append(KEY, 3, new Uint8Array([4, 5]))).toBe(5);
		const stored = await store.read(KEY);
		expect(stored?.size).toBe(5);
		expect([...(stored?.bytes ?? [])]).toEqual([1, 2, 3, 4, 5]);
	});

	it('writes a retried chunk in place instead of doubling it', async () => {
		await store.append(KEY, 0, new Uint8Array([1, 2, 3]));
		await store.append(KEY, 3, new Uint8Array([4, 5]));
		expect(await store.append(KEY, 3, new Uint8Array([4, 5]))).toBe(5);
		expect(await store.append(KEY, 0, new Uint8Array([1, 2, 3]))).toBe(5);
		expect([...((await store.read(KEY))?.bytes ?? [])]).toEqual([1, 2, 3, 4, 5]);
	});

	it('refuses a chunk that would leave a hole, with the size held', async () => {
		await store.append(KEY, 0, new Uint8Array([1, 2]));
		const refused = await store.append(KEY, 5, new Uint8Array([9])).catch((error) => error);
		expect(refused).toBeInstanceOf(MediaOffsetError);
		expect((refused as MediaOffsetError).held).toBe(2);
		expect(await store.size(KEY)).toBe(2);
	});

	it('keeps concurrent chunks of one key in order', async () => {
		const writes = [0, 1, 2, 3].map((i) => store.append(KEY, i, new Uint8Array([i + 10])));
		expect(await Promise.all(writes)).toEqual([1, 2, 3, 4]);
		expect([...((await store.read(KEY))?.bytes ?? [])]).toEqual([10, 11, 12, 13]);
	});

	it('removes a file and refuses keys that could name a path', async () => {
		await store.append(KEY, 0, new Uint8Array([1]));
		await store.remove(KEY);
		expect(await store.read(KEY)).toBeNull();
		await expect(store.append('../../etc/passwd', 0, new Uint8Array([1]))).rejects.toThrow(
			/not a media key/
		);
		await expect(store.read('short')).rejects.toThrow(/not a media key/);
		expect(readdirSync(join(dir, 'media'))).toEqual([]);
	});
});
