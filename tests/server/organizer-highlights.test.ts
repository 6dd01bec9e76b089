/**
 * The organizers' gallery on SQLite and PostgreSQL: only complete highlights, newest first,
 * filtered per event and per province, paged; review transitions stamp who and when, and
 * approving an 'organizers only' highlight is refused and changes nothing; the photo reader
 * hands out whole photos only; the zip carries exactly the approved highlights of the filter,
 * photo bytes as stored, and a CSV of words and credits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import type { AppDb } from '$lib/server/db';
import { DiskMediaStore } from '$lib/server/media';
import {
	countEventHighlights,
	NO_HIGHLIGHT_FILTER,
	parseHighlightFilter,
	readGallery,
	readHighlightPhoto,
	setReview
} from '$lib/server/organizer/highlights';
import { HIGHLIGHT_CSV_FIELDS, highlightsZip, slug } from '$lib/server/organizer/highlights-zip';
import { neutralise } from '$lib/server/organizer/table-file';
import { randomId } from '$lib/shared/ids';
import { backends, type TestDatabase } from './helpers/databases';
import { fakePhoto, seedEvent, seedHighlight } from './helpers/highlights';

const POEM = 'Test poem for the suite,\nline two of it,\n\nand a last line.';

async function unzipResponse(stream: ReadableStream<Uint8Array>) {
	const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
	const files = unzipSync(bytes);
	const csvBytes = files['highlights.csv'];
	expect(csvBytes).toBeDefined();
	// ignoreBOM: keep the mark in the text, to check it is there.
	const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvBytes);
	expect(csv.startsWith('\uFEFF')).toBe(true);
	const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
	return { files, csv, rows, size: bytes.length };
}

for (const backend of backends) {
	describe.skipIf(backend.skip)(`the organizers' gallery on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let db: AppDb;
		let mediaDir: string;
		let store: DiskMediaStore;
		const ids = { photo: '', private: '', quote: '', poem: '', uploading: '' };
		const events = { quebec: '', ottawa: '', toronto: '', silent: '' };
		const jpeg = fakePhoto('image/jpeg', 5000);
		const png = fakePhoto('image/png', 4000);
		const organizerId = randomId();

		beforeAll(async () => {
			testDb = await backend.create();
			db = await testDb.open();
			mediaDir = mkdtempSync(join(tmpdir(), 'letterday-gallery-'));
			store = new DiskMediaStore(mediaDir);
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
		});

		afterAll(async () => {
			await db?.close();
			await testDb?.destroy();
			rmSync(mediaDir, { recursive: true, force: true });
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

		it('zips the approved highlights only: photo bytes as stored, words and credits in the CSV', async () => {
			for (const id of [ids.photo, ids.quote, ids.poem]) {
				expect(await setReview(db, { id, review: 'approved', organizerId, now: 70 })).toBe('saved');
			}
			const zip = await highlightsZip(db, store, NO_HIGHLIGHT_FILTER);
			if (zip === 'too_many') throw new Error('too many');
			expect(zip.count).toBe(3);
			const { files, csv, rows, size } = await unzipResponse(zip.stream);
			// The fake photo is a repeating pattern that deflate would shrink to almost nothing:
			// a zip bigger than the photo shows it was stored, not compressed again.
			expect(size).toBeGreaterThan(jpeg.length);
			const photoName = `photos/ecrire-c-est-agir-quebec-${ids.photo}.jpg`;
			expect(Object.keys(files).sort()).toEqual(['highlights.csv', photoName]);
			expect(Buffer.from(files[photoName]!).equals(Buffer.from(jpeg))).toBe(true);
			expect(csv.split('\r\n')[0]).toBe(`\uFEFF${HIGHLIGHT_CSV_FIELDS.join(',')}`);
			expect(rows).toEqual([
				{
					id: neutralise(ids.poem),
					kind: 'poem',
					words: POEM,
					author: 'Amira',
					consent: 'publish',
					event: 'School test event',
					city: 'Toronto',
					province: 'ON',
					event_date: '2026-12-08',
					photo_file: ''
				},
				{
					id: neutralise(ids.quote),
					kind: 'quote',
					words: 'Test quote for the suite',
					author: 'anonymous',
					consent: 'publish',
					event: 'Library write-in',
					city: 'Ottawa',
					province: 'ON',
					event_date: '2026-12-06',
					photo_file: ''
				},
				{
					id: neutralise(ids.photo),
					kind: 'photo',
					words: 'Test caption for the suite',
					author: 'Zoé',
					consent: 'publish',
					event: 'Écrire, c’est agir — Québec',
					city: 'Québec',
					province: 'QC',
					event_date: '2026-12-10',
					photo_file: photoName
				}
			]);
			// The hidden, organizers-only photo is nowhere in it.
			expect(csv).not.toContain(ids.private);
		});

		it('keeps to the filter: a province, an event', async () => {
			const ids_ = async (query: string) => {
				const zip = await highlightsZip(
					db,
					store,
					parseHighlightFilter(new URLSearchParams(query))
				);
				if (zip === 'too_many') throw new Error('too many');
				const { files, rows } = await unzipResponse(zip.stream);
				return { rows: rows.map((r) => r.id), files: Object.keys(files).length };
			};
			expect(await ids_('province=ON')).toEqual({
				rows: [ids.poem, ids.quote].map((id) => neutralise(id)),
				files: 1
			});
			expect(await ids_(`event=${events.quebec}`)).toEqual({
				rows: [neutralise(ids.photo)],
				files: 2
			});
			expect(await ids_('province=NS')).toEqual({ rows: [], files: 1 });
		});

		it('leaves out a photo whose file is gone, and says so in its row', async () => {
			const lost = await seedHighlight(db, store, {
				eventId: events.toronto,
				kind: 'photo',
				createdAt: 6_000_000,
				photo: { type: 'image/png', bytes: fakePhoto('image/png', 1000) }
			});
			await setReview(db, { id: lost, review: 'approved', organizerId, now: 80 });
			await store.remove(lost);
			const zip = await highlightsZip(
				db,
				store,
				parseHighlightFilter(new URLSearchParams('province=ON'))
			);
			if (zip === 'too_many') throw new Error('too many');
			const { files, rows } = await unzipResponse(zip.stream);
			expect(rows.find((r) => r.id === neutralise(lost))?.photo_file).toBe('');
			expect(Object.keys(files)).toEqual(['highlights.csv']);
		});
	});
}

describe('file names in the zip', () => {
	it('folds an event name to plain letters, digits and dashes', () => {
		expect(slug('Écrire, c’est agir — Québec')).toBe('ecrire-c-est-agir-quebec');
		expect(slug('  ***  ')).toBe('event');
		expect(slug('A'.repeat(80))).toHaveLength(40);
	});
});
