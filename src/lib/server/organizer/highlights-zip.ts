/**
 * The approved highlights as one zip (issue 14, part 3): each photo under a name made of its event
 * and its id, and highlights.csv with every approved highlight's words and credits. Built with
 * fflate as a stream, one photo at a time as the reader asks for more, so a campaign's photos
 * never sit in memory together. Photos are STORED: JPEG, PNG and WebP are compressed already;
 * deflating them again costs CPU for nothing.
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { AppDb } from '$lib/server/db';
import type { MediaStore } from '$lib/server/media';
import { foldText } from './event-filter';
import { readApproved, type HighlightFilter, type OrganizerHighlight } from './highlights';
import { toCsv, type Table } from './table-file';

export const HIGHLIGHT_CSV_FIELDS = [
	'id',
	'kind',
	'words',
	'author',
	'consent',
	'event',
	'city',
	'province',
	'event_date',
	'photo_file'
] as const;

/** How many highlights one zip carries at most; a filter narrows a bigger set. */
export const MAX_ZIP_HIGHLIGHTS = 2000;

const EXTENSIONS: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp'
};

/** A file-name-safe form of an event's name: "Écrire, c’est agir" -> "ecrire-c-est-agir". */
export function slug(text: string): string {
	const plain = foldText(text)
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	return plain || 'event';
}

export const photoFileName = (h: OrganizerHighlight): string =>
	`photos/${slug(h.event.name)}-${h.id}.${EXTENSIONS[h.photo?.type ?? ''] ?? 'bin'}`;

/** The CSV: one row per approved highlight, the photo's name in the zip when it has one. */
export function highlightsTable(items: { highlight: OrganizerHighlight; file: string }[]): Table {
	return {
		name: 'highlights',
		fields: HIGHLIGHT_CSV_FIELDS,
		rows: items.map(({ highlight: h, file }) => ({
			id: h.id,
			kind: h.kind,
			words: h.body,
			author: h.author || 'anonymous',
			consent: h.consent,
			event: h.event.name,
			city: h.event.city,
			province: h.event.province,
			event_date: h.event.date,
			photo_file: file
		}))
	};
}

/** Zip times run from 1980 to 2107 (fflate takes to 2099); a device's clock may be anywhere. */
const ZIP_FIRST = Date.UTC(1980, 0, 2);
const ZIP_LAST = Date.UTC(2099, 11, 30);
const zipTime = (epochMs: number): number =>
	epochMs >= ZIP_FIRST && epochMs <= ZIP_LAST ? epochMs : Date.now();

export interface HighlightsZip {
	/** Approved highlights in the zip (photos and words). */
	count: number;
	stream: ReadableStream<Uint8Array>;
}

/**
 * The zip of the filter's approved highlights, or 'too_many' past MAX_ZIP_HIGHLIGHTS. A photo
 * whose file is missing or short is left out of the zip, and its CSV row says no file, rather
 * than failing a whole download for one.
 */
export async function highlightsZip(
	db: AppDb,
	store: MediaStore,
	filter: HighlightFilter
): Promise<HighlightsZip | 'too_many'> {
	const approved = await readApproved(db, filter);
	if (approved.length > MAX_ZIP_HIGHLIGHTS) return 'too_many';
	const items: { highlight: OrganizerHighlight; file: string }[] = [];
	for (const highlight of approved) {
		const whole = highlight.photo && (await store.size(highlight.id)) === highlight.photo.size;
		items.push({ highlight, file: whole ? photoFileName(highlight) : '' });
	}
	const photos = items.filter((item) => item.file);
	let next = 0;
	let zip: Zip;

	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			zip = new Zip((error, chunk, final) => {
				if (error) return controller.error(error);
				controller.enqueue(chunk);
				if (final) controller.close();
			});
			const csv = new ZipDeflate('highlights.csv', { level: 6 });
			zip.add(csv);
			csv.push(strToU8(toCsv(highlightsTable(items))), true);
			if (photos.length === 0) zip.end();
		},
		// One photo per pull: the reader's pace sets how much is held at once.
		async pull(controller) {
			const item = photos[next++];
			if (!item) return;
			try {
				const stored = await store.read(item.highlight.id);
				const entry = new ZipPassThrough(item.file);
				entry.mtime = zipTime(item.highlight.createdAt);
				zip.add(entry);
				entry.push(stored?.bytes ?? new Uint8Array(0), true);
				if (next === photos.length) zip.end();
			} catch (error) {
				controller.error(error);
			}
		},
		cancel() {
			zip.terminate();
		}
	});
	return { count: approved.length, stream };
}
