/** Builders for highlight uploads and a harness that calls the highlight handlers directly. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomId } from '$lib/shared/ids';
import {
	HIGHLIGHT_CHUNK_BYTES,
	type HighlightAnswer,
	type HighlightUpload
} from '$lib/shared/highlight-wire';
import type { AppDb } from '$lib/server/db';
import { DiskMediaStore, type MediaStore } from '$lib/server/media';
import {
	handleHighlightDelete,
	handleHighlightPut,
	handlePhotoPut,
	type HighlightDeps
} from '$lib/server/highlights/handler';

/** Bytes a fetch body takes (a Uint8Array over a plain ArrayBuffer). */
export type Bytes = Uint8Array<ArrayBuffer>;
export interface Chunk {
	offset: number;
	bytes: Bytes;
}

/** A JPEG as far as its first bytes go, then random bytes: what the server checks is the magic
 * number and the SHA-256, never the pixels. */
export function fakeJpeg(size: number): Bytes {
	const bytes = new Uint8Array(randomBytes(size));
	bytes.set([0xff, 0xd8, 0xff, 0xe0]);
	return bytes;
}

export const sha256Of = (bytes: Uint8Array) =>
	createHash('sha256').update(bytes).digest('base64url');

export function photoUpload(
	deviceId: string,
	file: Bytes,
	overrides: Partial<HighlightUpload> = {}
): HighlightUpload {
	return {
		id: randomId(),
		deviceId,
		kind: 'photo',
		body: 'Test caption for the suite',
		author: '',
		consent: 'publish',
		createdAt: 1_000,
		photo: {
			type: 'image/jpeg',
			size: file.byteLength,
			sha256: sha256Of(file),
			width: 1600,
			height: 1200
		},
		...overrides
	};
}

export function wordsUpload(
	deviceId: string,
	overrides: Partial<HighlightUpload> = {}
): HighlightUpload {
	return {
		id: randomId(),
		deviceId,
		kind: 'poem',
		body: 'Test poem for the suite,\nline two',
		author: 'Tester',
		consent: 'organizers',
		createdAt: 1_000,
		photo: null,
		...overrides
	};
}

/** The photo cut where the device cuts it. */
export function chunksOf(file: Bytes): Chunk[] {
	const chunks: Chunk[] = [];
	for (let offset = 0; offset < file.byteLength; offset += HIGHLIGHT_CHUNK_BYTES) {
		chunks.push({ offset, bytes: file.subarray(offset, offset + HIGHLIGHT_CHUNK_BYTES) });
	}
	return chunks;
}

/**
 * A store over `disk` whose next write lands, then holds its answer until `release()`: a request
 * caught between writing its bytes and updating its row, as a slow one may be.
 */
export function gatedStore(disk: MediaStore) {
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	let written = () => {};
	const wrote = new Promise<void>((resolve) => (written = resolve));
	const store: MediaStore = {
		size: (key) => disk.size(key),
		read: (key) => disk.read(key),
		remove: (key) => disk.remove(key),
		async append(key, offset, bytes) {
			const size = await disk.append(key, offset, bytes);
			written();
			await held;
			return size;
		}
	};
	return { store, wrote, release };
}

const BASE = 'http://test.local/api/events';

export class HighlightHarness {
	readonly dir = mkdtempSync(join(tmpdir(), 'letterday-highlights-'));
	readonly media = new DiskMediaStore(join(this.dir, 'media'));
	readonly deps: HighlightDeps;
	/** What the handlers use instead of `media` when set (a store that holds a request back). */
	mediaInstead: MediaStore | undefined;

	constructor(database: () => Promise<AppDb>, now: () => number) {
		this.deps = { database, media: () => this.mediaInstead ?? this.media, now };
	}

	put(eventId: string, key: string | null, body: unknown, urlId?: string): Promise<Response> {
		const id = urlId ?? (body as { id: string }).id;
		const request = new Request(`${BASE}/${eventId}/highlights/${id}`, {
			method: 'PUT',
			headers: {
				'content-type': 'application/json',
				...(key === null ? {} : { authorization: `Bearer ${key}` })
			},
			body: JSON.stringify(body)
		});
		return handleHighlightPut(request, eventId, id, this.deps);
	}

	chunk(eventId: string, key: string, id: string, offset: number | string, bytes: Bytes) {
		const request = new Request(`${BASE}/${eventId}/highlights/${id}/photo?offset=${offset}`, {
			method: 'PUT',
			headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${key}` },
			body: bytes
		});
		return handlePhotoPut(request, eventId, id, this.deps);
	}

	delete(eventId: string, key: string, id: string): Promise<Response> {
		const request = new Request(`${BASE}/${eventId}/highlights/${id}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${key}` }
		});
		return handleHighlightDelete(request, eventId, id, this.deps);
	}

	/** Sends every chunk in order, expecting each to pass; the last answer. */
	async sendPhoto(eventId: string, key: string, id: string, file: Bytes) {
		let last: HighlightAnswer | undefined;
		for (const { offset, bytes } of chunksOf(file)) {
			last = await ok(await this.chunk(eventId, key, id, offset, bytes));
		}
		return last!;
	}

	files(): string[] {
		try {
			return readdirSync(join(this.dir, 'media'));
		} catch {
			return [];
		}
	}

	close(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}
}

export async function ok(response: Response): Promise<HighlightAnswer> {
	if (response.status !== 200) {
		throw new Error(`expected 200, got ${response.status}: ${await response.text()}`);
	}
	return (await response.json()) as HighlightAnswer;
}

export async function refusalOf(response: Response) {
	const body = (await response.json()) as { error: { code: string }; received?: number };
	return { status: response.status, code: body.error.code, received: body.received };
}
