/**
 * Where uploaded files (highlight photos) live. An interface, so an object store can replace the
 * disk later without touching the routes: every caller goes through `MediaStore`, never `fs`.
 * Keys are ids made by devices and validated by the caller; the store checks their shape again,
 * because a key becomes a file name.
 */

/** The bytes of one stored file, with what the caller needs to answer a download. */
export interface StoredMedia {
	bytes: Uint8Array;
	size: number;
}

export interface MediaStore {
	/** Bytes held so far under `key` (0 when none): where a resumed upload goes on. */
	size(key: string): Promise<number>;
	/**
	 * Writes `bytes` at `offset` and answers the size held after. An offset past the size held
	 * throws `MediaOffsetError` carrying that size and writes nothing (it would leave a hole). An
	 * offset inside what is held writes over it in place: a retried chunk lands where it did the
	 * first time, so a retry never doubles bytes. (The caller checks the whole file's hash.)
	 */
	append(key: string, offset: number, bytes: Uint8Array): Promise<number>;
	/** The whole file, or null when nothing is held under `key`. */
	read(key: string): Promise<StoredMedia | null>;
	/** Forgets `key`; nothing happens when nothing is held. */
	remove(key: string): Promise<void>;
}

export class MediaOffsetError extends Error {
	constructor(readonly held: number) {
		super(`the upload holds ${held} bytes`);
		this.name = 'MediaOffsetError';
	}
}

/** Device-made ids: base64url, long enough not to collide, short enough for a file name. */
export const MEDIA_KEY = /^[A-Za-z0-9_-]{16,64}$/;

export function assertMediaKey(key: string): void {
	if (!MEDIA_KEY.test(key)) throw new Error(`not a media key: ${JSON.stringify(key)}`);
}
