/**
 * The organizers' gallery on SQLite and PostgreSQL: only complete highlights, newest first,
 * filtered per event and per province, paged; review transitions stamp who and when, and
 * approving an 'organizers only' highlight is refused and changes nothing; the photo reader
 * hands out whole photos only. The zip has its own file (organizer-highlights-zip.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDb } from '$lib/server/db';
import {
	countEventHighlights,
	NO_HIGHLIGHT_FILTER,
	parseHighlightFilter,
	readGallery,
	readHighlightPhoto,
	setReview
} from '$lib/server/organizer/highlights';
import { randomId } from '$lib/shared/ids';
import { backends } from './helpers/databases';
import { GALLERY_POEM as POEM, openGallery, type GalleryFixture } from './helpers/highlight-seeds';

for (const backend of backends) {
	describe.skipIf(backend.skip)(`the organizers' gallery on ${backend.dialect}`, () => {
		let gallery: GalleryFixture;
		let db: AppDb;
		let store: GalleryFixture['store'];
		let ids: GalleryFixture['ids'];
		let events: GalleryFixture['events'];
		let jpeg: Uint8Array;
		const organizerId = randomId();

		beforeAll(async () => {
			gallery = await openGallery(backend);
			({ db, store, ids, events, jpeg } = gallery);
		});

		afterAll(async () => {
			await gallery?.close();
		});

		it('lists only complete highlights, newest first, with their event', async () => {
			const gallery = await readGallery(db, NO_HIGHLIGHT_FILTER);
			expect(gallery.highlights.map((h) => h.id)).toEqual([
				ids.poem,
				ids.quote,
				ids.private,
				ids.photo
			]);
			expect(gallery.total).toBe(4);
			expect(gallery.counts).toEqual({ pending: 4, approved: 0, hidden: 0 });
			const photo = gallery.highlights.find((h) => h.id === ids.photo)!;
			expect(photo).toMatchObject({
				kind: 'photo',
				body: 'Test caption for the suite',
				author: 'Zoé',
				consent: 'publish',
				review: 'pending',
				photo: { type: 'image/jpeg', size: jpeg.length, width: 1600, height: 1200 },
				event: {
					id: events.quebec,
					name: 'Écrire, c’est agir — Québec',
					city: 'Québec',
					province: 'QC',
					date: '2026-12-10'
				}
			});
			expect(gallery.highlights.find((h) => h.id === ids.poem)).toMatchObject({
				body: POEM,
				photo: null
			});
			// The event filter offers events with something to show, the newest day first.
			expect(gallery.events.map((e) => e.id)).toEqual([
				events.quebec,
				events.toronto,
				events.ottawa
			]);
		});

		it('filters per province and per event, both together as an AND', async () => {
			const list = async (query: string) =>
				(await readGallery(db, parseHighlightFilter(new URLSearchParams(query)))).highlights.map(
					(h) => h.id
				);
			expect(await list('province=ON')).toEqual([ids.poem, ids.quote, ids.private]);
			expect(await list('province=QC')).toEqual([ids.photo]);
			expect(await list(`event=${events.ottawa}`)).toEqual([ids.quote, ids.private]);
			expect(await list(`event=${events.ottawa}&province=QC`)).toEqual([]);
			expect(await list(`event=${events.silent}`)).toEqual([]);
			// Values that are no province or no id are ignored, not an error.
			expect(await list('province=XX&event=%27;drop')).toHaveLength(4);
		});

		it('pages the list, a page past the end showing the last', async () => {
			const first = await readGallery(db, NO_HIGHLIGHT_FILTER, 1, 3);
			expect(first).toMatchObject({ page: 1, pages: 2, total: 4 });
			expect(first.highlights).toHaveLength(3);
			const last = await readGallery(db, NO_HIGHLIGHT_FILTER, 99, 3);
			expect(last.page).toBe(2);
			expect(last.highlights.map((h) => h.id)).toEqual([ids.photo]);
		});

		it('counts an event’s complete highlights for its page', async () => {
			expect(await countEventHighlights(db, events.quebec)).toBe(1);
			expect(await countEventHighlights(db, events.ottawa)).toBe(2);
			expect(await countEventHighlights(db, events.silent)).toBe(0);
		});

		const stored = (id: string) =>
			db.kysely
				.selectFrom('highlights')
				.select(['review', 'reviewed_at', 'reviewed_by'])
				.where('id', '=', id)
				.executeTakeFirstOrThrow();

		it('approves, hides and puts back to review, stamping who and when', async () => {
			expect(await setReview(db, { id: ids.photo, review: 'approved', organizerId, now: 10 })).toBe(
				'saved'
			);
			expect(await stored(ids.photo)).toEqual({
				review: 'approved',
				reviewed_at: 10,
				reviewed_by: organizerId
			});
			const other = randomId();
			expect(
				await setReview(db, { id: ids.photo, review: 'hidden', organizerId: other, now: 20 })
			).toBe('saved');
			expect(await stored(ids.photo)).toEqual({
				review: 'hidden',
				reviewed_at: 20,
				reviewed_by: other
			});
			expect(await setReview(db, { id: ids.photo, review: 'pending', organizerId, now: 30 })).toBe(
				'saved'
			);
			expect(await stored(ids.photo)).toEqual({
				review: 'pending',
				reviewed_at: 30,
				reviewed_by: organizerId
			});
		});

		it('refuses to approve an organizers-only highlight and changes nothing; hiding it works', async () => {
			expect(
				await setReview(db, { id: ids.private, review: 'approved', organizerId, now: 40 })
			).toBe('organizers_only');
			expect(await stored(ids.private)).toEqual({
				review: 'pending',
				reviewed_at: null,
				reviewed_by: null
			});
			expect(await setReview(db, { id: ids.private, review: 'hidden', organizerId, now: 50 })).toBe(
				'saved'
			);
			expect((await stored(ids.private)).review).toBe('hidden');
		});

		it('knows no highlight that is still uploading, or does not exist', async () => {
			expect(
				await setReview(db, { id: ids.uploading, review: 'approved', organizerId, now: 60 })
			).toBe('unknown');
			expect(await stored(ids.uploading)).toEqual({
				review: 'pending',
				reviewed_at: null,
				reviewed_by: null
			});
			expect(await setReview(db, { id: randomId(), review: 'hidden', organizerId, now: 60 })).toBe(
				'unknown'
			);
			expect(await setReview(db, { id: 'not an id', review: 'hidden', organizerId, now: 60 })).toBe(
				'unknown'
			);
		});

		it('reads a whole photo with its stored type, and nothing else', async () => {
			const photo = await readHighlightPhoto(db, store, ids.photo);
			expect(photo?.type).toBe('image/jpeg');
			expect(Buffer.from(photo!.bytes).equals(Buffer.from(jpeg))).toBe(true);
			expect((await readHighlightPhoto(db, store, ids.private))?.type).toBe('image/png');
			expect(await readHighlightPhoto(db, store, ids.uploading)).toBeNull();
			expect(await readHighlightPhoto(db, store, ids.quote)).toBeNull();
			expect(await readHighlightPhoto(db, store, randomId())).toBeNull();
			expect(await readHighlightPhoto(db, store, '../../etc/passwd')).toBeNull();
		});
	});
}
