/**
 * Highlight uploads (issue 14, part 2) on SQLite and PostgreSQL, through the real handlers, a
 * real database and a real media folder, with the event registered by a real sync first: words
 * and photos, chunks resumed and retried, and every refusal changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '$lib/shared/ids';
import { HIGHLIGHT_CHUNK_BYTES } from '$lib/shared/highlight-wire';
import type { AppDb } from '$lib/server/db';
import { backends, type TestDatabase } from './helpers/databases';
import {
	type Bytes,
	type Chunk,
	chunksOf,
	fakeJpeg,
	gatedStore,
	HighlightHarness,
	ok,
	photoUpload,
	refusalOf,
	wordsUpload
} from './helpers/highlights';
import { SyncHarness, newEvent, snapshot } from './helpers/sync-requests';

const rowsOf = (db: AppDb, eventId: string) =>
	db.kysely
		.selectFrom('highlights')
		.selectAll()
		.where('event_id', '=', eventId)
		.orderBy('id')
		.execute();

for (const backend of backends) {
	describe.skipIf(backend.skip)(`highlight uploads on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let sync: SyncHarness;
		let hl: HighlightHarness;
		let clock = 1_700_000_000_000;
		const device = randomId();

		/** A new event, registered on the server by a sync of (no) counts. */
		async function registered() {
			const event = newEvent();
			await sync.sync(event.id, event.key, snapshot(device, []));
			return event;
		}

		beforeAll(async () => {
			testDb = await backend.create();
			sync = await SyncHarness.start(testDb, () => clock);
			hl = new HighlightHarness(sync.deps.database, () => clock);
		});
		afterAll(async () => {
			hl?.close();
			await sync?.close();
			await testDb?.destroy();
		});

		it('takes a poem whole at once, and the same upload again as the first time', async () => {
			const event = await registered();
			const poem = wordsUpload(device);
			const first = await ok(await hl.put(event.id, event.key, poem));
			expect(first).toEqual({ id: poem.id, received: 0, complete: true });
			clock += 1_000;
			expect(await ok(await hl.put(event.id, event.key, poem))).toEqual(first);
			const rows = await rowsOf(sync.db, event.id);
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({
				body: poem.body,
				author: 'Tester',
				kind: 'poem',
				consent: 'organizers',
				received_at: clock - 1_000,
				completed_at: clock - 1_000,
				review: 'pending'
			});
		});

		it('takes a photo in three chunks, whole only when its hash matches', async () => {
			const event = await registered();
			const file = fakeJpeg(2 * HIGHLIGHT_CHUNK_BYTES + 1234);
			const photo = photoUpload(device, file);
			expect(await ok(await hl.put(event.id, event.key, photo))).toEqual({
				id: photo.id,
				received: 0,
				complete: false
			});
			const answers = [];
			for (const { offset, bytes } of chunksOf(file)) {
				answers.push(await ok(await hl.chunk(event.id, event.key, photo.id, offset, bytes)));
			}
			expect(answers.map((a) => [a.received, a.complete])).toEqual([
				[HIGHLIGHT_CHUNK_BYTES, false],
				[2 * HIGHLIGHT_CHUNK_BYTES, false],
				[file.byteLength, true]
			]);
			expect((await hl.media.read(photo.id))?.bytes).toEqual(file);
			const [row] = await rowsOf(sync.db, event.id);
			expect(row).toMatchObject({ media_received: file.byteLength, completed_at: clock });
			// The last chunk again (its answer lost): answered complete, nothing changes.
			const last = chunksOf(file).at(-1)!;
			expect(
				await ok(await hl.chunk(event.id, event.key, photo.id, last.offset, last.bytes))
			).toEqual(answers[2]);
		});

		it('resumes after a cut from the received the server gives, and refuses a hole', async () => {
			const event = await registered();
			const file = fakeJpeg(HIGHLIGHT_CHUNK_BYTES + 10_000);
			const photo = photoUpload(device, file);
			await ok(await hl.put(event.id, event.key, photo));
			const [first, second] = chunksOf(file) as [Chunk, Chunk];
			await ok(await hl.chunk(event.id, event.key, photo.id, 0, first.bytes));
			// The connection dropped; the device lost its place and asks with its details again.
			const again = await ok(await hl.put(event.id, event.key, photo));
			expect(again.received).toBe(HIGHLIGHT_CHUNK_BYTES);
			// A chunk past what the server holds is refused with where to go on from.
			const hole = await hl.chunk(
				event.id,
				event.key,
				photo.id,
				again.received + 1,
				second.bytes.subarray(1)
			);
			expect(await refusalOf(hole)).toEqual({
				status: 409,
				code: 'bad_offset',
				received: HIGHLIGHT_CHUNK_BYTES
			});
			const done = await ok(
				await hl.chunk(event.id, event.key, photo.id, again.received, second.bytes)
			);
			expect(done).toEqual({ id: photo.id, received: file.byteLength, complete: true });
			expect((await hl.media.read(photo.id))?.bytes).toEqual(file);
		});

		it('takes the same chunk twice, and two racing, without doubling or corrupting', async () => {
			const event = await registered();
			const file = fakeJpeg(2 * HIGHLIGHT_CHUNK_BYTES + 99);
			const photo = photoUpload(device, file);
			await ok(await hl.put(event.id, event.key, photo));
			const [c0, c1, c2] = chunksOf(file) as Chunk[];
			await ok(await hl.chunk(event.id, event.key, photo.id, 0, c0!.bytes));
			const twice = await ok(await hl.chunk(event.id, event.key, photo.id, 0, c0!.bytes));
			expect(twice.received).toBe(HIGHLIGHT_CHUNK_BYTES);
			expect(await hl.media.size(photo.id)).toBe(HIGHLIGHT_CHUNK_BYTES);
			const racing = await Promise.all(
				[1, 2, 3].map(() => hl.chunk(event.id, event.key, photo.id, c1!.offset, c1!.bytes).then(ok))
			);
			expect(racing.map((a) => a.received)).toEqual(Array(3).fill(2 * HIGHLIGHT_CHUNK_BYTES));
			// An old retry of the first chunk arriving late must not move `received` back.
			await ok(await hl.chunk(event.id, event.key, photo.id, 0, c0!.bytes));
			expect((await rowsOf(sync.db, event.id))[0]?.media_received).toBe(2 * HIGHLIGHT_CHUNK_BYTES);
			const lastRace = await Promise.all(
				[1, 2].map(() => hl.chunk(event.id, event.key, photo.id, c2!.offset, c2!.bytes).then(ok))
			);
			expect(lastRace.every((a) => a.complete && a.received === file.byteLength)).toBe(true);
			expect((await hl.media.read(photo.id))?.bytes).toEqual(file);
			expect(await rowsOf(sync.db, event.id)).toHaveLength(1);
		});

		it('never moves received back when a slow retry ends after a later chunk', async () => {
			const event = await registered();
			const file = fakeJpeg(2 * HIGHLIGHT_CHUNK_BYTES + 5);
			const photo = photoUpload(device, file);
			await ok(await hl.put(event.id, event.key, photo));
			const [c0, c1] = chunksOf(file) as Chunk[];
			await ok(await hl.chunk(event.id, event.key, photo.id, 0, c0!.bytes));
			// The retry of chunk 0 is written, then held back before its row update.
			const gate = gatedStore(hl.media);
			hl.mediaInstead = gate.store;
			const slow = hl.chunk(event.id, event.key, photo.id, 0, c0!.bytes);
			await gate.wrote;
			hl.mediaInstead = undefined;
			await ok(await hl.chunk(event.id, event.key, photo.id, c1!.offset, c1!.bytes));
			gate.release();
			expect((await ok(await slow)).received).toBe(HIGHLIGHT_CHUNK_BYTES);
			expect((await rowsOf(sync.db, event.id))[0]?.media_received).toBe(2 * HIGHLIGHT_CHUNK_BYTES);
			expect((await hl.sendPhoto(event.id, event.key, photo.id, file)).complete).toBe(true);
		});

		it('stores one row when the same details race', async () => {
			const event = await registered();
			const photo = photoUpload(device, fakeJpeg(5000));
			const answers = await Promise.all(
				[1, 2, 3, 4].map(() => hl.put(event.id, event.key, photo).then(ok))
			);
			expect(answers.every((a) => a.received === 0 && !a.complete)).toBe(true);
			expect(await rowsOf(sync.db, event.id)).toHaveLength(1);
		});

		it('refuses a file that is not the declared image, storing nothing', async () => {
			const event = await registered();
			const text = new TextEncoder().encode('not a photo at all, only words '.repeat(40));
			const photo = photoUpload(device, text);
			await ok(await hl.put(event.id, event.key, photo));
			const before = await rowsOf(sync.db, event.id);
			const refused = await hl.chunk(event.id, event.key, photo.id, 0, text);
			expect(await refusalOf(refused)).toMatchObject({ status: 415, code: 'not_an_image' });
			// A real PNG's magic declared as a JPEG is refused too: the bytes decide, not the claim.
			const png = new Uint8Array(text);
			png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
			expect((await refusalOf(await hl.chunk(event.id, event.key, photo.id, 0, png))).code).toBe(
				'not_an_image'
			);
			expect(await rowsOf(sync.db, event.id)).toEqual(before);
			expect(hl.files()).not.toContain(photo.id);
		});

		it('refuses chunks over the cap, past the end, at a bad offset or for words', async () => {
			const event = await registered();
			const file = fakeJpeg(HIGHLIGHT_CHUNK_BYTES + 2);
			const photo = photoUpload(device, file);
			const poem = wordsUpload(device);
			await ok(await hl.put(event.id, event.key, photo));
			await ok(await hl.put(event.id, event.key, poem));
			const before = await rowsOf(sync.db, event.id);
			const cases: [number | string, Bytes, string, number, string][] = [
				[0, file, photo.id, 413, 'payload_too_large'],
				[1, file.subarray(0, HIGHLIGHT_CHUNK_BYTES + 2), photo.id, 413, 'payload_too_large'],
				[3, file.subarray(0, HIGHLIGHT_CHUNK_BYTES), photo.id, 400, 'bad_chunk'],
				['1.5', file.subarray(0, 10), photo.id, 400, 'bad_chunk'],
				['-1', file.subarray(0, 10), photo.id, 400, 'bad_chunk'],
				['', file.subarray(0, 10), photo.id, 400, 'bad_chunk'],
				[0, new Uint8Array(0), photo.id, 400, 'bad_chunk'],
				[0, file.subarray(0, 10), poem.id, 400, 'no_photo'],
				[0, file.subarray(0, 10), randomId(), 404, 'unknown_highlight']
			];
			for (const [offset, bytes, id, status, code] of cases) {
				const refused = await refusalOf(await hl.chunk(event.id, event.key, id, offset, bytes));
				expect(refused, `offset ${offset}, ${bytes.byteLength} bytes`).toMatchObject({
					status,
					code
				});
			}
			expect(await rowsOf(sync.db, event.id)).toEqual(before);
			expect(hl.files()).not.toContain(photo.id);
		});

		it('drops the photo and starts again when the whole file does not match its hash', async () => {
			const event = await registered();
			const file = fakeJpeg(HIGHLIGHT_CHUNK_BYTES + 500);
			const photo = photoUpload(device, file);
			await ok(await hl.put(event.id, event.key, photo));
			const [c0, c1] = chunksOf(file) as Chunk[];
			await ok(await hl.chunk(event.id, event.key, photo.id, 0, c0!.bytes));
			const spoiled = new Uint8Array(c1!.bytes);
			spoiled[10] = spoiled[10]! ^ 0xff;
			const refused = await hl.chunk(event.id, event.key, photo.id, c1!.offset, spoiled);
			expect(await refusalOf(refused)).toMatchObject({ status: 422, code: 'photo_mismatch' });
			expect((await rowsOf(sync.db, event.id))[0]).toMatchObject({
				media_received: 0,
				completed_at: null
			});
			expect(hl.files()).not.toContain(photo.id);
			expect((await hl.sendPhoto(event.id, event.key, photo.id, file)).complete).toBe(true);
		});
	});
}
