/**
 * The approved highlights as a zip, on SQLite and PostgreSQL: exactly the approved highlights of
 * the filter, each photo's bytes as stored (not deflated again) under a name made of its event
 * and id, and highlights.csv (UTF-8 with BOM) with the words and credits; a photo whose file is
 * gone is left out and its row says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import type { AppDb } from '$lib/server/db';
import {
	NO_HIGHLIGHT_FILTER,
	parseHighlightFilter,
	setReview
} from '$lib/server/organizer/highlights';
import { HIGHLIGHT_CSV_FIELDS, highlightsZip, slug } from '$lib/server/organizer/highlights-zip';
import { neutralise } from '$lib/server/organizer/table-file';
import { randomId } from '$lib/shared/ids';
import { backends } from './helpers/databases';
import {
	fakePhoto,
	GALLERY_POEM as POEM,
	openGallery,
	seedHighlight,
	type GalleryFixture
} from './helpers/highlight-seeds';

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
	describe.skipIf(backend.skip)(`the highlights zip on ${backend.dialect}`, () => {
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
			// The organizers-only photo is hidden; it could not be approved anyway.
			await setReview(db, { id: ids.private, review: 'hidden', organizerId, now: 50 });
		});

		afterAll(async () => {
			await gallery?.close();
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
