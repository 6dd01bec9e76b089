/**
 * The media store on the server's disk: one file per key under one folder. Chunks are written at
 * their offset (never appended blindly), so two processes taking the same retried chunk write the
 * same bytes at the same place. Within this process writes to one key run one at a time.
 */
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertMediaKey, MediaOffsetError, type MediaStore, type StoredMedia } from './store';

export class DiskMediaStore implements MediaStore {
	readonly #dir: string;
	readonly #queues = new Map<string, Promise<unknown>>();

	constructor(dir: string) {
		this.#dir = dir;
	}

	#path(key: string): string {
		assertMediaKey(key);
		return join(this.#dir, key);
	}

	async size(key: string): Promise<number> {
		try {
			return (await stat(this.#path(key))).size;
		} catch (error) {
			if (isMissing(error)) return 0;
			throw error;
		}
	}

	async append(key: string, offset: number, bytes: Uint8Array): Promise<number> {
		const path = this.#path(key);
		const previous = this.#queues.get(key) ?? Promise.resolve();
		const next = previous
			.catch(() => undefined)
			.then(async () => {
				await mkdir(this.#dir, { recursive: true });
				const held = await this.size(key);
				if (offset > held) throw new MediaOffsetError(held);
				// 'a' would ignore the position on Linux; open for writing in place, made if new.
				const file = await open(path, held === 0 ? 'w' : 'r+');
				try {
					await file.write(bytes, 0, bytes.byteLength, offset);
					// A chunk answered as stored must survive a crash of the machine.
					await file.sync();
				} finally {
					await file.close();
				}
				return Math.max(held, offset + bytes.byteLength);
			});
		this.#queues.set(key, next);
		const forget = () => {
			if (this.#queues.get(key) === next) this.#queues.delete(key);
		};
		next.then(forget, forget);
		return await next;
	}

	async read(key: string): Promise<StoredMedia | null> {
		try {
			const bytes = new Uint8Array(await readFile(this.#path(key)));
			return { bytes, size: bytes.byteLength };
		} catch (error) {
			if (isMissing(error)) return null;
			throw error;
		}
	}

	async remove(key: string): Promise<void> {
		await rm(this.#path(key), { force: true });
	}
}

function isMissing(error: unknown): boolean {
	return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
