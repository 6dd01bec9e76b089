/**
 * A highlight's details, received (the first step of the upload): stored once however often
 * the device retries, replaced while it is unfinished and its own device edits it, refused once
 * it is whole or when the event has sent its share. One write transaction, so two retries racing
 * still make one row and the per-event cap holds.
 */
import type { AppDb } from '$lib/server/db/open';
import { rawWriteTransaction } from '$lib/server/db/transaction';
import {
	MAX_HIGHLIGHTS_PER_EVENT,
	type HighlightAnswer,
	type HighlightUpload
} from '$lib/shared/highlight-wire';
import {
	answerOf,
	photoChanged,
	ROW_COLUMNS,
	sameUpload,
	uploadColumns,
	type HighlightRow
} from './rows';

export interface Refusal {
	ok: false;
	status: number;
	code: string;
	message: string;
}

export type Received =
	| {
			ok: true;
			answer: HighlightAnswer;
			/** The photo bytes held no longer belong to the declared file: the caller drops them. */
			dropBytes: boolean;
	  }
	| Refusal;

export const refusal = (status: number, code: string, message: string): Refusal => ({
	ok: false,
	status,
	code,
	message
});

const conflict = (message: string) => refusal(409, 'highlight_conflict', message);

export async function receiveHighlight(
	db: AppDb,
	eventId: string,
	upload: HighlightUpload,
	now: number,
	maxPerEvent = MAX_HIGHLIGHTS_PER_EVENT
): Promise<Received> {
	const k = db.kysely;
	const event = k.selectFrom('events').select('id').where('id', '=', eventId);
	// PostgreSQL: the event's row is the lock that makes counting and inserting one step, so two
	// new highlights racing cannot both take the last place. SQLite's BEGIN IMMEDIATE already does.
	const lock = (db.dialect === 'postgres' ? event.forUpdate() : event).compile();
	const read = k.selectFrom('highlights').select(ROW_COLUMNS).where('id', '=', upload.id).compile();
	const count = k
		.selectFrom('highlights')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('event_id', '=', eventId)
		.compile();
	const columns = uploadColumns(upload);
	// Words are whole as they arrive; a photo is whole once its bytes are in and checked.
	const complete = upload.kind !== 'photo';

	return rawWriteTransaction<Received>(db, async (run) => {
		await run(lock);
		const [row] = await run<HighlightRow>(read);
		if (!row) {
			const [counted] = await run<{ n: number | string }>(count);
			if (Number(counted?.n ?? 0) >= maxPerEvent) {
				return refusal(
					409,
					'too_many_highlights',
					`This event has sent ${maxPerEvent} highlights, its limit`
				);
			}
			const insert = k.insertInto('highlights').values({
				id: upload.id,
				event_id: eventId,
				...columns,
				media_received: 0,
				received_at: now,
				completed_at: complete ? now : null
			});
			await run(insert.compile());
			return { ok: true, answer: { id: upload.id, received: 0, complete }, dropBytes: false };
		}
		if (row.event_id !== eventId) {
			return conflict('Another event has sent a highlight with this id');
		}
		if (sameUpload(row, upload)) return { ok: true, answer: answerOf(row), dropBytes: false };
		if (row.completed_at !== null) {
			return conflict('This highlight was received whole with other content: it cannot change now');
		}
		if (row.device_id !== upload.deviceId) {
			return conflict('Another device has sent a highlight with this id');
		}
		// The host edited it before it was sent: the new details replace the old. Bytes of another
		// file are dropped; otherwise media_received is left to the chunks in flight.
		const dropBytes = photoChanged(row, upload);
		const update = k
			.updateTable('highlights')
			.set({
				...columns,
				received_at: now,
				completed_at: complete ? now : null,
				...(dropBytes ? { media_received: 0 } : {})
			})
			.where('id', '=', upload.id)
			.where('completed_at', 'is', null);
		await run(update.compile());
		const received = dropBytes ? 0 : Number(row.media_received);
		return { ok: true, answer: { id: upload.id, received, complete }, dropBytes };
	});
}
