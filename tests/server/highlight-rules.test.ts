/**
 * Highlight uploads' refusals and edits on SQLite and PostgreSQL: who may send (the event key,
 * a registered event), what may change before and after a highlight is whole, deleting, and the
 * per-event cap. Every refusal leaves the rows and the media folder as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomEventKey, randomId } from '$lib/shared/ids';
import { HIGHLIGHT_CHUNK_BYTES, MAX_HIGHLIGHTS_PER_EVENT } from '$lib/shared/highlight-wire';
import type { AppDb } from '$lib/server/db';
import { backends, type TestDatabase } from './helpers/databases';
import {
	chunksOf,
	fakeJpeg,
	gatedStore,
	HighlightHarness,
	ok,
	photoUpload,
	refusalOf,
	sha256Of,
	wordsUpload
} from './helpers/highlights';
import { SyncHarness, newEvent, snapshot } from './helpers/sync-requests';

const allRows = (db: AppDb) =>
	db.kysely.selectFrom('highlights').selectAll().orderBy('id').execute();

for (const backend of backends) {
	describe.skipIf(backend.skip)(`highlight rules on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let sync: SyncHarness;
		let hl: HighlightHarness;
		let clock = 1_700_000_000_000;
		const device = randomId();

		async function registered() {
			const event = newEvent();
			await sync.sync(event.id, event.key, snapshot(device, []));
			return event;
		}

		/** Runs `attempt`, expects the refusal, and checks nothing stored changed. */
		async function refusedUnchanged(
			attempt: () => Promise<Response>,
			status: number,
			code: string
		) {
			const rows = await allRows(sync.db);
			const files = hl.files();
			expect(await refusalOf(await attempt())).toMatchObject({ status, code });
			expect(await allRows(sync.db)).toEqual(rows);
			expect(hl.files()).toEqual(files);
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

		it('answers only the event key holder of a registered event', async () => {
			const event = await registered();
			const other = await registered();
			const poem = wordsUpload(device);
			await refusedUnchanged(() => hl.put(event.id, null, poem), 401, 'missing_key');
			await refusedUnchanged(() => hl.put(event.id, 'not-a-key', poem), 401, 'malformed_key');
			await refusedUnchanged(() => hl.put(event.id, other.key, poem), 403, 'wrong_key');
			const unknown = newEvent();
			await refusedUnchanged(
				() => hl.put(unknown.id, unknown.key, poem),
				409,
				'unregistered_event'
			);
			await refusedUnchanged(
				() => hl.chunk(unknown.id, randomEventKey(), poem.id, 0, fakeJpeg(10)),
				409,
				'unregistered_event'
			);
			await refusedUnchanged(() => hl.delete(event.id, other.key, poem.id), 403, 'wrong_key');
		});

		it('refuses a body that does not match its URL or comes from the future', async () => {
			const event = await registered();
			const poem = wordsUpload(device);
			await refusedUnchanged(
				() => hl.put(event.id, event.key, poem, randomId()),
				400,
				'bad_highlight'
			);
			const future = { ...poem, createdAt: clock + 60_000 };
			await refusedUnchanged(() => hl.put(event.id, event.key, future), 400, 'bad_highlight');
			const noWords = { ...poem, body: '   ' };
			await refusedUnchanged(() => hl.put(event.id, event.key, noWords), 400, 'bad_highlight');
		});

		it('lets its device replace an unfinished highlight, dropping bytes of another file', async () => {
			const event = await registered();
			const file = fakeJpeg(HIGHLIGHT_CHUNK_BYTES + 100);
			const photo = photoUpload(device, file);
			await ok(await hl.put(event.id, event.key, photo));
			await ok(await hl.chunk(event.id, event.key, photo.id, 0, chunksOf(file)[0]!.bytes));
			// A new caption keeps the bytes: the file is the same.
			clock += 1_000;
			const recaptioned = {
				...photo,
				body: 'Test caption, edited',
				consent: 'organizers' as const
			};
			const kept = await ok(await hl.put(event.id, event.key, recaptioned));
			expect(kept).toEqual({ id: photo.id, received: HIGHLIGHT_CHUNK_BYTES, complete: false });
			// Another photo (cropped on the device) drops them: received goes back to 0.
			const cropped = fakeJpeg(5_000);
			const replaced = {
				...recaptioned,
				photo: { ...photo.photo!, size: cropped.byteLength, sha256: sha256Of(cropped) }
			};
			expect(await ok(await hl.put(event.id, event.key, replaced))).toEqual({
				id: photo.id,
				received: 0,
				complete: false
			});
			expect(hl.files()).not.toContain(photo.id);
			const [row] = await allRows(sync.db).then((rows) => rows.filter((r) => r.id === photo.id));
			expect(row).toMatchObject({
				body: 'Test caption, edited',
				consent: 'organizers',
				media_size: 5_000,
				media_received: 0,
				received_at: clock
			});
			expect((await hl.sendPhoto(event.id, event.key, photo.id, cropped)).complete).toBe(true);
			expect((await hl.media.read(photo.id))?.bytes).toEqual(cropped);
		});

		it('refuses other content for a whole highlight, or from another device or event', async () => {
			const event = await registered();
			const poem = wordsUpload(device);
			await ok(await hl.put(event.id, event.key, poem));
			const edited = { ...poem, body: 'Test poem, edited after it was sent' };
			await refusedUnchanged(() => hl.put(event.id, event.key, edited), 409, 'highlight_conflict');
			const photo = photoUpload(device, fakeJpeg(3_000));
			await ok(await hl.put(event.id, event.key, photo));
			const stranger = { ...photo, deviceId: randomId(), body: 'Test caption from elsewhere' };
			await refusedUnchanged(
				() => hl.put(event.id, event.key, stranger),
				409,
				'highlight_conflict'
			);
			const other = await registered();
			await refusedUnchanged(() => hl.put(other.id, other.key, photo), 409, 'highlight_conflict');
			await refusedUnchanged(
				() => hl.chunk(other.id, other.key, photo.id, 0, fakeJpeg(3_000)),
				404,
				'unknown_highlight'
			);
		});

		it('deletes an unfinished highlight with its bytes, never a whole one', async () => {
			const event = await registered();
			const file = fakeJpeg(HIGHLIGHT_CHUNK_BYTES + 7);
			const photo = photoUpload(device, file);
			await ok(await hl.put(event.id, event.key, photo));
			await ok(await hl.chunk(event.id, event.key, photo.id, 0, chunksOf(file)[0]!.bytes));
			expect(hl.files()).toContain(photo.id);
			// Another event's key and id cannot reach it.
			const other = await registered();
			expect((await hl.delete(other.id, other.key, photo.id)).status).toBe(204);
			expect(hl.files()).toContain(photo.id);
			expect((await hl.delete(event.id, event.key, photo.id)).status).toBe(204);
			expect((await allRows(sync.db)).some((r) => r.id === photo.id)).toBe(false);
			expect(hl.files()).not.toContain(photo.id);
			// A retried delete finds nothing and still succeeds.
			expect((await hl.delete(event.id, event.key, photo.id)).status).toBe(204);
			const poem = wordsUpload(device);
			await ok(await hl.put(event.id, event.key, poem));
			await refusedUnchanged(() => hl.delete(event.id, event.key, poem.id), 409, 'highlight_sent');
		});

		it('leaves no file behind when a highlight is deleted while a chunk is written', async () => {
			const event = await registered();
			for (const size of [HIGHLIGHT_CHUNK_BYTES + 1, 900]) {
				// A middle chunk, then a last one: each caught between its bytes and its row.
				const file = fakeJpeg(size);
				const photo = photoUpload(device, file);
				await ok(await hl.put(event.id, event.key, photo));
				const gate = gatedStore(hl.media);
				hl.mediaInstead = gate.store;
				const slow = hl.chunk(event.id, event.key, photo.id, 0, chunksOf(file)[0]!.bytes);
				await gate.wrote;
				hl.mediaInstead = undefined;
				expect((await hl.delete(event.id, event.key, photo.id)).status).toBe(204);
				gate.release();
				expect(await refusalOf(await slow)).toMatchObject({
					status: 404,
					code: 'unknown_highlight'
				});
				expect(hl.files()).not.toContain(photo.id);
			}
		});

		it('starts again from what the store holds when the row promised more', async () => {
			const event = await registered();
			const file = fakeJpeg(HIGHLIGHT_CHUNK_BYTES + 300);
			const photo = photoUpload(device, file);
			await ok(await hl.put(event.id, event.key, photo));
			const [c0, c1] = chunksOf(file);
			await ok(await hl.chunk(event.id, event.key, photo.id, 0, c0!.bytes));
			await hl.media.remove(photo.id); // lost, as after a crash between file and row
			const refused = await refusalOf(
				await hl.chunk(event.id, event.key, photo.id, c1!.offset, c1!.bytes)
			);
			expect(refused).toEqual({ status: 409, code: 'bad_offset', received: 0 });
			expect((await ok(await hl.put(event.id, event.key, photo))).received).toBe(0);
			expect((await hl.sendPhoto(event.id, event.key, photo.id, file)).complete).toBe(true);
		});

		it(`takes at most ${MAX_HIGHLIGHTS_PER_EVENT} highlights per event, retries included`, async () => {
			const event = await registered();
			const sent = [];
			for (let i = 0; i < MAX_HIGHLIGHTS_PER_EVENT - 2; i += 1) {
				const poem = wordsUpload(device, { body: `Test quote ${i} for the suite` });
				sent.push(poem);
				await ok(await hl.put(event.id, event.key, poem));
			}
			// Four new ones racing for the last two places: two get in, whatever the order.
			const racing = await Promise.all(
				[1, 2, 3, 4].map(() => hl.put(event.id, event.key, wordsUpload(device)))
			);
			expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 409, 409]);
			const stored = await allRows(sync.db);
			expect(stored.filter((r) => r.event_id === event.id)).toHaveLength(MAX_HIGHLIGHTS_PER_EVENT);
			await refusedUnchanged(
				() => hl.put(event.id, event.key, wordsUpload(device)),
				409,
				'too_many_highlights'
			);
			// One already stored is still answered: a retry is not a new highlight.
			expect((await ok(await hl.put(event.id, event.key, sent[0]!))).complete).toBe(true);
			// Another event has its own share.
			const other = await registered();
			await ok(await hl.put(other.id, other.key, wordsUpload(device)));
		});
	});
}
