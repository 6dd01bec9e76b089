/**
 * A photo's bytes, received one chunk at a time (the second step of the upload). The media store
 * writes each chunk at its offset, so a retried or doubled chunk lands where it did the first
 * time; the row's `media_received` only moves forward (every update is guarded by it), and the
 * whole file's SHA-256 is checked when its last byte arrives, so whatever went wrong in between
 * (a crash, a race, a stale file) ends in a checked file or a fresh start, never a silent one.
 */
import { createHash } from 'node:crypto';
import type { AppDb } from '$lib/server/db/open';
import { MediaOffsetError, type MediaStore } from '$lib/server/media';
import { sniffPhotoType, type HighlightAnswer } from '$lib/shared/highlight-wire';
import { answerOf, ROW_COLUMNS, type HighlightRow } from './rows';
import { refusal, type Refusal } from './receive';

export type ChunkResult = { ok: true; answer: HighlightAnswer } | (Refusal & { received?: number });

export interface Chunk {
	eventId: string;
	id: string;
	offset: number;
	bytes: Uint8Array;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64url');

export async function receiveChunk(
	db: AppDb,
	media: MediaStore,
	chunk: Chunk,
	now: number
): Promise<ChunkResult> {
	const { id, offset, bytes } = chunk;
	const row = await readRow(db, chunk.eventId, id);
	if (!row) {
		return refusal(404, 'unknown_highlight', 'Send the highlight’s details before its photo');
	}
	if (row.kind !== 'photo' || row.media_size === null || row.media_sha256 === null) {
		return refusal(400, 'no_photo', 'This highlight has no photo to send');
	}
	// A retry of the last chunk whose answer was lost: the photo is in.
	if (row.completed_at !== null) return { ok: true, answer: answerOf(row) };
	const size = Number(row.media_size);
	if (offset + bytes.byteLength > size) {
		return refusal(400, 'bad_chunk', `The chunk ends past the photo’s ${size} bytes`);
	}
	const received = Number(row.media_received);
	if (offset > received) return badOffset(received);
	// The file's first bytes say what it is, whatever the request claims.
	if (offset === 0 && sniffPhotoType(bytes) !== row.media_type) {
		return refusal(
			415,
			'not_an_image',
			`The photo is not the ${row.media_type} it was declared as`
		);
	}

	// Updates touch the row only while it still describes this same file, unfinished.
	const sameFile = () =>
		db.kysely
			.updateTable('highlights')
			.where('id', '=', id)
			.where('completed_at', 'is', null)
			.where('media_sha256', '=', row.media_sha256);

	let held: number;
	try {
		held = await media.append(id, offset, bytes);
	} catch (error) {
		if (!(error instanceof MediaOffsetError)) throw error;
		// The row promised bytes the store does not hold (a file removed after a crash): the row
		// follows the store, so the device starts again from what is really there.
		await sameFile().set({ media_received: error.held }).execute();
		return badOffset(error.held);
	}
	if (held < size) {
		const moved = await sameFile()
			.set({ media_received: held })
			.where('media_received', '<', held)
			.executeTakeFirst();
		// Nothing moved: a retry, or the highlight deleted while this chunk was being written.
		if (moved.numUpdatedRows === 0n && !(await readRow(db, chunk.eventId, id))) {
			return await deletedMeanwhile(media, id);
		}
		return { ok: true, answer: { id, received: held, complete: false } };
	}

	const file = await media.read(id);
	if (!file || file.size !== size || sha256(file.bytes) !== row.media_sha256) {
		const reset = await sameFile().set({ media_received: 0 }).executeTakeFirst();
		if (reset.numUpdatedRows === 0n && !(await readRow(db, chunk.eventId, id))) {
			return await deletedMeanwhile(media, id);
		}
		await media.remove(id);
		return refusal(
			422,
			'photo_mismatch',
			'The photo received does not match its declared SHA-256: send it again from the start'
		);
	}
	await sameFile().set({ media_received: size, completed_at: now }).execute();
	// Read back: the details may have been replaced or deleted meanwhile, and the answer says so.
	const after = await readRow(db, chunk.eventId, id);
	if (!after) return await deletedMeanwhile(media, id);
	return { ok: true, answer: answerOf(after) };
}

/** The bytes just written belong to no highlight any more: dropped, so no file is orphaned. */
async function deletedMeanwhile(media: MediaStore, id: string): Promise<ChunkResult> {
	await media.remove(id);
	return refusal(404, 'unknown_highlight', 'This highlight was deleted');
}

function readRow(db: AppDb, eventId: string, id: string): Promise<HighlightRow | undefined> {
	return db.kysely
		.selectFrom('highlights')
		.select(ROW_COLUMNS)
		.where('id', '=', id)
		.where('event_id', '=', eventId)
		.executeTakeFirst() as Promise<HighlightRow | undefined>;
}

const badOffset = (received: number): ChunkResult => ({
	...refusal(
		409,
		'bad_offset',
		`The server holds ${received} bytes of this photo: go on from there`
	),
	received
});
