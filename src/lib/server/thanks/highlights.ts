/**
 * The highlights the public may see: whole (completed), approved by an organizer AND given with
 * the consent to publish. Every public read (the thank-you page, the photo route) goes through
 * `publishable`, so a highlight an organizer hides later disappears everywhere at once.
 */
import type { ExpressionBuilder } from 'kysely';
import type { AppDb, Database } from '$lib/server/db';
import type { Reader } from '$lib/server/organizer/read';
import { yearFilter } from './figures';

export function publishable(eb: ExpressionBuilder<Database, 'highlights'>) {
	return eb.and([
		eb('highlights.completed_at', 'is not', null),
		eb('highlights.review', '=', 'approved'),
		eb('highlights.consent', '=', 'publish')
	]);
}

export interface PublicHighlight {
	id: string;
	kind: 'photo' | 'quote' | 'poem';
	body: string;
	/** '' for anonymous. */
	author: string;
	/** Pixel size of a photo, for the <img> (null for words). */
	width: number | null;
	height: number | null;
}

const columns = [
	'highlights.id',
	'highlights.kind',
	'highlights.body',
	'highlights.author',
	'highlights.media_width as width',
	'highlights.media_height as height'
] as const;

/** The publishable highlights of the year's events, newest first: what organizers pick from. */
export async function listPublishable(trx: Reader, year: number): Promise<PublicHighlight[]> {
	const { from, to } = yearFilter(year);
	return trx
		.selectFrom('highlights')
		.innerJoin('events as e', 'e.id', 'highlights.event_id')
		.select(columns)
		.where(publishable)
		.where('e.date', '>=', from!)
		.where('e.date', '<=', to!)
		.orderBy('highlights.created_at', 'desc')
		.orderBy('highlights.id')
		.execute();
}

/** The chosen ids that are still publishable, in the chosen order; the others are dropped. */
export async function readChosen(trx: Reader, ids: string[]): Promise<PublicHighlight[]> {
	if (ids.length === 0) return [];
	const rows = await trx
		.selectFrom('highlights')
		.select(columns)
		.where(publishable)
		.where('highlights.id', 'in', ids)
		.execute();
	const byId = new Map(rows.map((row) => [row.id, row]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A publishable photo's stored type, or null: anything else looks the same as "no such id". */
export async function publishablePhotoType(db: AppDb, id: string): Promise<string | null> {
	const row = await db.kysely
		.selectFrom('highlights')
		.select('media_type')
		.where('id', '=', id)
		.where('kind', '=', 'photo')
		.where(publishable)
		.executeTakeFirst();
	return row?.media_type ?? null;
}
