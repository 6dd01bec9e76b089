/**
 * Highlights on this device (issue 14): the only reader and writer of the `highlights` table.
 * A highlight is editable and deletable until the server holds it whole; the upload queue
 * (sync/highlight-upload.ts) records its progress here.
 */
import { randomId } from '$lib/shared/ids';
import type { HighlightPhoto } from '$lib/shared/highlight-wire';
import { db } from '../db/database';
import type { HighlightRow } from '../db/rows';
import { checkDraft, type CleanDraft, type HighlightDraft } from '../highlights/draft';
import { notifyLocalChange } from './changes';

export interface PreparedPhoto {
	blob: Blob;
	meta: HighlightPhoto;
}

function clean(draft: HighlightDraft): CleanDraft {
	const checked = checkDraft(draft);
	if (!checked.ok) throw new RangeError(`bad highlight: ${Object.values(checked.errors)}`);
	return checked.value;
}

/** Stores a new highlight; a photo highlight needs its prepared photo, words never carry one. */
export async function addHighlight(
	eventId: string,
	draft: HighlightDraft,
	photo: PreparedPhoto | null = null,
	now = Date.now()
): Promise<string> {
	const value = clean(draft);
	if ((value.kind === 'photo') !== (photo !== null)) {
		throw new RangeError('a photo highlight, and only one, carries a photo');
	}
	const row: HighlightRow = {
		id: randomId(),
		eventId,
		...value,
		createdAt: now,
		updatedAt: now,
		photoMeta: photo?.meta ?? null,
		state: 'unsent',
		announced: 0,
		received: 0,
		lastError: null,
		rev: 1
	};
	const database = db();
	await database.transaction('rw', database.highlights, database.highlightPhotos, async () => {
		await database.highlights.add(row);
		if (photo) await database.highlightPhotos.add({ id: row.id, blob: photo.blob });
	});
	notifyLocalChange(eventId);
	return row.id;
}

/** The highlight's words, author and consent (its kind and photo stay). False once sent. */
export async function editHighlight(
	id: string,
	draft: HighlightDraft,
	now = Date.now()
): Promise<boolean> {
	const database = db();
	const edited = await database.transaction('rw', database.highlights, async () => {
		const row = await database.highlights.get(id);
		if (!row || row.state !== 'unsent') return null;
		const { body, author, consent } = clean({ ...draft, kind: row.kind });
		// The error was about the old metadata: the new one deserves a fresh try.
		const changes = { body, author, consent, updatedAt: now, rev: row.rev + 1, lastError: null };
		await database.highlights.update(id, changes);
		return row.eventId;
	});
	if (edited) notifyLocalChange(edited);
	return edited !== null;
}

/**
 * Deletes an unsent highlight. One whose metadata already went up stays, marked 'deleting' and
 * hidden, until the server is told (best effort, again at each sync). False once sent.
 */
export async function deleteHighlight(id: string): Promise<boolean> {
	const database = db();
	const eventId = await database.transaction(
		'rw',
		database.highlights,
		database.highlightPhotos,
		async () => {
			const row = await database.highlights.get(id);
			if (!row || row.state !== 'unsent') return null;
			// The photo is no longer needed either way: only the server's copy may be left to go.
			await database.highlightPhotos.delete(id);
			if (row.announced === 1) await database.highlights.update(id, { state: 'deleting' });
			else await database.highlights.delete(id);
			return row.eventId;
		}
	);
	if (eventId) notifyLocalChange(eventId);
	return eventId !== null;
}

/** A highlight as the screen shows it: with its photo's bytes. */
export type HighlightView = HighlightRow & { photo: Blob | null };

/** The event's highlights the host sees, oldest first (deleted ones waiting to tell the server
 * are left out). */
export async function listHighlights(eventId: string): Promise<HighlightView[]> {
	const database = db();
	return database.transaction('r', database.highlights, database.highlightPhotos, async () => {
		const rows = await database.highlights.where('eventId').equals(eventId).sortBy('createdAt');
		const shown = rows.filter((row) => row.state !== 'deleting');
		const photos = await database.highlightPhotos.bulkGet(shown.map((row) => row.id));
		return shown.map((row, i) => ({ ...row, photo: photos[i]?.blob ?? null }));
	});
}

/** The photo's bytes, for the upload. */
export async function highlightPhoto(id: string): Promise<Blob | null> {
	return (await db().highlightPhotos.get(id))?.blob ?? null;
}

/** What the upload queue has to do: unsent highlights and deletes to tell, oldest first. */
export async function pendingHighlights(): Promise<HighlightRow[]> {
	const rows = await db().highlights.where('state').anyOf('unsent', 'deleting').toArray();
	return rows.sort((a, b) => a.createdAt - b.createdAt);
}

/** The server holds the metadata and `received` photo bytes (its answer). */
export async function recordReceived(id: string, received: number): Promise<void> {
	await db()
		.highlights.where('id')
		.equals(id)
		.modify((row) => {
			if (row.state === 'sent') return;
			row.announced = 1;
			row.received = received;
			row.lastError = null;
		});
}

/**
 * The server holds the highlight whole: sent, read-only, its photo kept for the screen. Only the
 * version that went up (`rev`): an edit made meanwhile stays unsent (and the server, which no
 * longer replaces a whole highlight, says so on the next try).
 */
export async function markSent(id: string, rev: number): Promise<boolean> {
	let marked = false;
	await db()
		.highlights.where('id')
		.equals(id)
		.modify((row) => {
			if (row.state !== 'unsent' || row.rev !== rev) return;
			row.state = 'sent';
			row.announced = 1;
			row.received = row.photoMeta?.size ?? 0;
			row.lastError = null;
			marked = true;
		});
	return marked;
}

export async function recordHighlightError(id: string, code: string): Promise<void> {
	await db().highlights.update(id, { lastError: code });
}

/** The server no longer holds a deleted highlight: the row goes. */
export async function forgetHighlight(id: string): Promise<void> {
	await db()
		.highlights.where('id')
		.equals(id)
		.filter((row) => row.state === 'deleting')
		.delete();
}
