/**
 * The organizers' gallery (issue 14, part 3): the highlights hosts sent, read per event and per
 * province, and an organizer's review of each. Only COMPLETE highlights exist here: a row whose
 * photo is still arriving is the upload's business, never an organizer's.
 *
 * Review: 'approved' means "may go on a public page"; it is refused for a highlight whose consent
 * is 'organizers' (the person said no: no button may turn that into a yes). 'hidden' and
 * 'pending' are allowed for any. Every decision stamps who and when.
 */
import type { ExpressionBuilder } from 'kysely';
import type { AppDb, Database } from '$lib/server/db';
import type { MediaStore } from '$lib/server/media';
import type { Province } from '$lib/shared/domain';
import { isProvince } from '$lib/shared/event-details';
import type { HighlightConsent, HighlightKind } from '$lib/shared/highlight-wire';
import { isId } from '$lib/shared/ids';
import { readConsistently, type Reader } from './read';

export const REVIEWS = ['pending', 'approved', 'hidden'] as const;
export type Review = (typeof REVIEWS)[number];
export const isReview = (value: unknown): value is Review =>
	typeof value === 'string' && (REVIEWS as readonly string[]).includes(value);

/** One page of the gallery: enough to scan at a glance, light enough with lazy images. */
export const GALLERY_PAGE_SIZE = 48;

export interface HighlightFilter {
	eventId: string | null;
	province: Province | null;
}

export const NO_HIGHLIGHT_FILTER: HighlightFilter = { eventId: null, province: null };

/** `?event=&province=` from the gallery's GET form (and the zip's link); anything else is ignored. */
export function parseHighlightFilter(params: URLSearchParams): HighlightFilter {
	const eventId = params.get('event');
	const province = params.get('province');
	return {
		eventId: isId(eventId) ? eventId : null,
		province: isProvince(province) ? province : null
	};
}

export function highlightFilterParams(filter: HighlightFilter): [string, string][] {
	const params: [string, string][] = [];
	if (filter.eventId) params.push(['event', filter.eventId]);
	if (filter.province) params.push(['province', filter.province]);
	return params;
}

export interface HighlightEvent {
	id: string;
	name: string;
	city: string;
	province: Province;
	/** YYYY-MM-DD. */
	date: string;
}

export interface OrganizerHighlight {
	id: string;
	kind: HighlightKind;
	/** The quote or poem, or a photo's caption ('' when none). */
	body: string;
	/** First name; '' for anonymous. */
	author: string;
	consent: HighlightConsent;
	review: Review;
	/** A photo's stored type and pixel size; null for words. */
	photo: { type: string; size: number; width: number; height: number } | null;
	createdAt: number;
	reviewedAt: number | null;
	event: HighlightEvent;
}

type WithEvents = Database & { h: Database['highlights']; e: Database['events'] };

/** Complete highlights of the filter's events, as conditions on `highlights as h` joined to `e`. */
function whereHighlights(eb: ExpressionBuilder<WithEvents, 'h' | 'e'>, filter: HighlightFilter) {
	const conditions = [eb('h.completed_at', 'is not', null)];
	if (filter.eventId) conditions.push(eb('h.event_id', '=', filter.eventId));
	if (filter.province) conditions.push(eb('e.province', '=', filter.province));
	return eb.and(conditions);
}

function selectHighlights(trx: Reader, filter: HighlightFilter) {
	return trx
		.selectFrom('highlights as h')
		.innerJoin('events as e', 'e.id', 'h.event_id')
		.where((eb) => whereHighlights(eb, filter));
}

type HighlightRow = Awaited<ReturnType<ReturnType<typeof readRows>['execute']>>[number];

function readRows(trx: Reader, filter: HighlightFilter, only?: Review) {
	let query = selectHighlights(trx, filter)
		.select([
			'h.id',
			'h.kind',
			'h.body',
			'h.author',
			'h.consent',
			'h.review',
			'h.media_type',
			'h.media_size',
			'h.media_width',
			'h.media_height',
			'h.created_at',
			'h.reviewed_at',
			'e.id as event_id',
			'e.name as event_name',
			'e.city as event_city',
			'e.province as event_province',
			'e.date as event_date'
		])
		// Newest first, as they were made on the day; the id keeps the order stable across pages.
		.orderBy('h.created_at', 'desc')
		.orderBy('h.id');
	if (only) query = query.where('h.review', '=', only);
	return query;
}

function toHighlight(row: HighlightRow): OrganizerHighlight {
	return {
		id: row.id,
		kind: row.kind,
		body: row.body,
		author: row.author,
		consent: row.consent,
		review: row.review,
		photo:
			row.kind === 'photo' && row.media_type
				? {
						type: row.media_type,
						size: row.media_size ?? 0,
						width: row.media_width ?? 0,
						height: row.media_height ?? 0
					}
				: null,
		createdAt: row.created_at,
		reviewedAt: row.reviewed_at,
		event: {
			id: row.event_id,
			name: row.event_name,
			city: row.event_city,
			province: row.event_province as Province,
			date: row.event_date
		}
	};
}

export interface GalleryPage {
	highlights: OrganizerHighlight[];
	/** Complete highlights in the filter, and how many of them are in each review state. */
	total: number;
	counts: Record<Review, number>;
	/** 1-based; the pages there are (at least 1). */
	page: number;
	pages: number;
	/** Events with at least one complete highlight: the event filter's choices. */
	events: HighlightEvent[];
}

/** What the gallery page shows, in one consistent read. `page` past the end shows the last. */
export function readGallery(
	db: AppDb,
	filter: HighlightFilter,
	page = 1,
	pageSize = GALLERY_PAGE_SIZE
): Promise<GalleryPage> {
	return readConsistently(db, async (trx) => {
		const states = await selectHighlights(trx, filter)
			.select(['h.review', (eb) => eb.fn.countAll<number | string>().as('n')])
			.groupBy('h.review')
			.execute();
		const counts: Record<Review, number> = { pending: 0, approved: 0, hidden: 0 };
		for (const { review, n } of states) counts[review] = Number(n);
		const total = counts.pending + counts.approved + counts.hidden;
		const pages = Math.max(1, Math.ceil(total / pageSize));
		const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
		const rows = await readRows(trx, filter)
			.limit(pageSize)
			.offset((current - 1) * pageSize)
			.execute();
		const events = await trx
			.selectFrom('events as e')
			.select(['e.id', 'e.name', 'e.city', 'e.province', 'e.date'])
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('highlights as h')
						.select('h.id')
						.whereRef('h.event_id', '=', 'e.id')
						.where('h.completed_at', 'is not', null)
				)
			)
			.orderBy('e.date', 'desc')
			.orderBy('e.name')
			.execute();
		return {
			highlights: rows.map(toHighlight),
			total,
			counts,
			page: current,
			pages,
			events: events.map((e) => ({ ...e, province: e.province as Province }))
		};
	});
}

/** Every approved highlight in the filter, newest first: what the zip carries. */
export async function readApproved(
	db: AppDb,
	filter: HighlightFilter
): Promise<OrganizerHighlight[]> {
	const rows = await readConsistently(db, (trx) => readRows(trx, filter, 'approved').execute());
	return rows.map(toHighlight);
}

/** Complete highlights of one event: the "N highlights" line on its page. */
export async function countEventHighlights(db: AppDb, eventId: string): Promise<number> {
	const row = await db.kysely
		.selectFrom('highlights')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('event_id', '=', eventId)
		.where('completed_at', 'is not', null)
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

export type ReviewResult = 'saved' | 'unknown' | 'organizers_only';

/**
 * Sets one highlight's review. The consent check is in the UPDATE itself, so no read-then-write
 * race can approve an 'organizers' highlight.
 */
export async function setReview(
	db: AppDb,
	input: { id: string; review: Review; organizerId: string; now: number }
): Promise<ReviewResult> {
	if (!isId(input.id) || !isReview(input.review)) return 'unknown';
	let query = db.kysely
		.updateTable('highlights')
		.set({ review: input.review, reviewed_at: input.now, reviewed_by: input.organizerId })
		.where('id', '=', input.id)
		.where('completed_at', 'is not', null);
	if (input.review === 'approved') query = query.where('consent', '=', 'publish');
	const result = await query.executeTakeFirst();
	if (Number(result.numUpdatedRows) > 0) return 'saved';
	const row = await db.kysely
		.selectFrom('highlights')
		.select('consent')
		.where('id', '=', input.id)
		.where('completed_at', 'is not', null)
		.executeTakeFirst();
	return row?.consent === 'organizers' ? 'organizers_only' : 'unknown';
}

export interface HighlightPhoto {
	type: string;
	bytes: Uint8Array;
}

/** A complete photo highlight's bytes and stored type; null for anything else. */
export async function readHighlightPhoto(
	db: AppDb,
	store: MediaStore,
	id: string
): Promise<HighlightPhoto | null> {
	if (!isId(id)) return null;
	const row = await db.kysely
		.selectFrom('highlights')
		.select(['media_type', 'media_size'])
		.where('id', '=', id)
		.where('kind', '=', 'photo')
		.where('completed_at', 'is not', null)
		.executeTakeFirst();
	if (!row?.media_type) return null;
	const stored = await store.read(id);
	// A file shorter than declared was never whole: do not hand out half a photo.
	if (!stored || stored.size !== row.media_size) return null;
	return { type: row.media_type, bytes: stored.bytes };
}
