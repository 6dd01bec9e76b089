/**
 * The process-wide media store: `MEDIA_DIR`, or `media` beside the SQLite file in `DATA_DIR`
 * (default ./data). With several processes on one PostgreSQL they must share that folder (or,
 * later, an object store behind the same interface).
 */
import { join } from 'node:path';
import { DiskMediaStore } from './disk';
import type { MediaStore } from './store';

export { MediaOffsetError, MEDIA_KEY, type MediaStore, type StoredMedia } from './store';
export { DiskMediaStore } from './disk';

export function mediaDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
	return env.MEDIA_DIR || join(env.DATA_DIR || './data', 'media');
}

let shared: MediaStore | undefined;

export function getMediaStore(): MediaStore {
	shared ??= new DiskMediaStore(mediaDirFromEnv());
	return shared;
}
