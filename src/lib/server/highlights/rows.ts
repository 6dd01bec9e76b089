/** A highlight's row and what a device sent: the columns, the answer, and whether two agree. */
import type { HighlightsTable } from '$lib/server/db/schema';
import type { HighlightAnswer, HighlightUpload } from '$lib/shared/highlight-wire';

/** What the upload rules read of a stored highlight. */
export type HighlightRow = Pick<
	HighlightsTable,
	| 'id'
	| 'event_id'
	| 'device_id'
	| 'kind'
	| 'body'
	| 'author'
	| 'consent'
	| 'media_type'
	| 'media_size'
	| 'media_sha256'
	| 'media_width'
	| 'media_height'
	| 'created_at'
	| 'completed_at'
> & { media_received: number };

export const ROW_COLUMNS = [
	'id',
	'event_id',
	'device_id',
	'kind',
	'body',
	'author',
	'consent',
	'media_type',
	'media_size',
	'media_sha256',
	'media_width',
	'media_height',
	'media_received',
	'created_at',
	'completed_at'
] as const;

/** The columns a device's upload sets (the rest are the server's). */
export function uploadColumns(upload: HighlightUpload) {
	return {
		device_id: upload.deviceId,
		kind: upload.kind,
		body: upload.body,
		author: upload.author,
		consent: upload.consent,
		media_type: upload.photo?.type ?? null,
		media_size: upload.photo?.size ?? null,
		media_sha256: upload.photo?.sha256 ?? null,
		media_width: upload.photo?.width ?? null,
		media_height: upload.photo?.height ?? null,
		created_at: upload.createdAt
	};
}

/** True when the row holds exactly what the device sent: a retry, answered as the first time. */
export function sameUpload(row: HighlightRow, upload: HighlightUpload): boolean {
	const sent = uploadColumns(upload);
	return (Object.keys(sent) as (keyof typeof sent)[]).every(
		(column) => row[column] === sent[column]
	);
}

/** True when the bytes already received no longer belong to the declared file. */
export function photoChanged(row: HighlightRow, upload: HighlightUpload): boolean {
	return (
		row.media_type !== (upload.photo?.type ?? null) ||
		row.media_size !== (upload.photo?.size ?? null) ||
		row.media_sha256 !== (upload.photo?.sha256 ?? null)
	);
}

export function answerOf(
	row: Pick<HighlightRow, 'id' | 'media_received' | 'completed_at'>
): HighlightAnswer {
	return { id: row.id, received: Number(row.media_received), complete: row.completed_at !== null };
}
