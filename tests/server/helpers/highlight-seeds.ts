/**
 * Seeding the gallery's tests: registered events and highlights written straight into the
 * database (the upload endpoints are another part's business), and photo files in a media store.
 * Every text is test text.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDb } from '$lib/server/db';
import { DiskMediaStore, type MediaStore } from '$lib/server/media';
import type { Province } from '$lib/shared/domain';
import { hashEventKey } from '$lib/server/auth/event-key';
import { randomEventKey, randomId } from '$lib/shared/ids';
import type { Backend } from './databases';

export async function seedEvent(
	db: AppDb,
	details: { name: string; city: string; province: Province; date: string }
): Promise<string> {
	const id = randomId();
	await db.kysely
		.insertInto('events')
		.values({
			id,
			key_hash: hashEventKey(randomEventKey()),
			venue: '',
			...details,
			details_updated_at: 1,
			details_device_id: randomId(),
			created_at: 1,
			last_sync_at: 1
		})
		.execute();
	return id;
}

/** Bytes that start like a JPEG or a PNG, then noise: enough for a type check and a byte compare. */
export function fakePhoto(type: 'image/jpeg' | 'image/png', size = 3000): Uint8Array {
	const head = type === 'image/jpeg' ? [0xff, 0xd8, 0xff, 0xe0] : [0x89, 0x50, 0x4e, 0x47];
	const bytes = new Uint8Array(size);
	for (let i = 0; i < size; i++) bytes[i] = (i * 31 + size) & 0xff;
	bytes.set(head);
	return bytes;
}

export interface SeedHighlight {
	eventId: string;
	kind: 'photo' | 'quote' | 'poem';
	body?: string;
	author?: string;
	consent?: 'publish' | 'organizers';
	createdAt: number;
	/** A photo's bytes: stored in `store` and declared on the row. */
	photo?: { type: 'image/jpeg' | 'image/png'; bytes: Uint8Array };
	/** False: still uploading (half the photo held, completed_at null). */
	complete?: boolean;
}

export async function seedHighlight(
	db: AppDb,
	store: MediaStore,
	h: SeedHighlight
): Promise<string> {
	const id = randomId();
	const complete = h.complete ?? true;
	if (h.photo) {
		const held = complete ? h.photo.bytes : h.photo.bytes.subarray(0, h.photo.bytes.length >> 1);
		await store.append(id, 0, held);
	}
	await db.kysely
		.insertInto('highlights')
		.values({
			id,
			event_id: h.eventId,
			device_id: randomId(),
			kind: h.kind,
			body: h.body ?? '',
			author: h.author ?? '',
			consent: h.consent ?? 'publish',
			media_type: h.photo?.type ?? null,
			media_size: h.photo?.bytes.length ?? null,
			media_sha256: h.photo ? createHash('sha256').update(h.photo.bytes).digest('base64url') : null,
			media_width: h.photo ? 1600 : null,
			media_height: h.photo ? 1200 : null,
			media_received: h.photo ? (complete ? h.photo.bytes.length : h.photo.bytes.length >> 1) : 0,
			created_at: h.createdAt,
			received_at: h.createdAt + 1000,
			completed_at: complete ? h.createdAt + 2000 : null,
			reviewed_at: null,
			reviewed_by: null
		})
		.execute();
	return id;
}

export const GALLERY_POEM = 'Test poem for the suite,\nline two of it,\n\nand a last line.';

/** The gallery suites' world: four events (one with nothing), five highlights (one uploading). */
export interface GalleryFixture {
	db: AppDb;
	store: DiskMediaStore;
	events: { quebec: string; ottawa: string; toronto: string; silent: string };
	ids: { photo: string; private: string; quote: string; poem: string; uploading: string };
	jpeg: Uint8Array;
	png: Uint8Array;
	close(): Promise<void>;
}

export async function openGallery(backend: Backend): Promise<GalleryFixture> {
	const testDb = await backend.create();
	const db = await testDb.open();
	const mediaDir = mkdtempSync(join(tmpdir(), 'letterday-gallery-'));
	const store = new DiskMediaStore(mediaDir);
	const jpeg = fakePhoto('image/jpeg', 5000);
	const png = fakePhoto('image/png', 4000);
	const POEM = GALLERY_POEM;
	const events = { quebec: '', ottawa: '', toronto: '', silent: '' };
	const ids = { photo: '', private: '', quote: '', poem: '', uploading: '' };
	events.quebec = await seedEvent(db, {
		name: 'Écrire, c’est agir — Québec',
		city: 'Québec',
		province: 'QC',
		date: '2026-12-10'
	});
	events.ottawa = await seedEvent(db, {
		name: 'Library write-in',
		city: 'Ottawa',
		province: 'ON',
		date: '2026-12-06'
	});
	events.toronto = await seedEvent(db, {
		name: 'School test event',
		city: 'Toronto',
		province: 'ON',
		date: '2026-12-08'
	});
	events.silent = await seedEvent(db, {
		name: 'No highlights here',
		city: 'Halifax',
		province: 'NS',
		date: '2026-12-09'
	});
	// Stamps from a device whose clock said 1970: the zip must still carry the photo.
	ids.photo = await seedHighlight(db, store, {
		eventId: events.quebec,
		kind: 'photo',
		body: 'Test caption for the suite',
		author: 'Zoé',
		createdAt: 1_000_000,
		photo: { type: 'image/jpeg', bytes: jpeg }
	});
	ids.private = await seedHighlight(db, store, {
		eventId: events.ottawa,
		kind: 'photo',
		consent: 'organizers',
		createdAt: 2_000_000,
		photo: { type: 'image/png', bytes: png }
	});
	ids.quote = await seedHighlight(db, store, {
		eventId: events.ottawa,
		kind: 'quote',
		body: 'Test quote for the suite',
		createdAt: 3_000_000
	});
	ids.poem = await seedHighlight(db, store, {
		eventId: events.toronto,
		kind: 'poem',
		body: POEM,
		author: 'Amira',
		createdAt: 4_000_000
	});
	ids.uploading = await seedHighlight(db, store, {
		eventId: events.quebec,
		kind: 'photo',
		createdAt: 5_000_000,
		photo: { type: 'image/jpeg', bytes: fakePhoto('image/jpeg', 6000) },
		complete: false
	});
	return {
		db,
		store,
		events,
		ids,
		jpeg,
		png,
		async close() {
			await db.close();
			await testDb.destroy();
			rmSync(mediaDir, { recursive: true, force: true });
		}
	};
}
