/**
 * A highlight deleted on its device before it was sent whole: its row and bytes go. Once whole it
 * is the organizers' (409 `highlight_sent`). Deleting one the server does not hold (never
 * arrived, or a retried delete) succeeds: the device's wish holds either way.
 */
import type { AppDb } from '$lib/server/db/open';
import { rawWriteTransaction } from '$lib/server/db/transaction';
import type { MediaStore } from '$lib/server/media';
import { refusal, type Refusal } from './receive';

export async function removeHighlight(
	db: AppDb,
	media: MediaStore,
	eventId: string,
	id: string
): Promise<{ ok: true } | Refusal> {
	const k = db.kysely;
	const read = k
		.selectFrom('highlights')
		.select(['completed_at'])
		.where('id', '=', id)
		.where('event_id', '=', eventId)
		.compile();
	const remove = k
		.deleteFrom('highlights')
		.where('id', '=', id)
		.where('event_id', '=', eventId)
		.where('completed_at', 'is', null)
		.compile();
	const outcome = await rawWriteTransaction(db, async (run) => {
		const [row] = await run<{ completed_at: number | null }>(read);
		if (!row) return 'absent' as const;
		if (row.completed_at !== null) return 'sent' as const;
		await run(remove);
		return 'removed' as const;
	});
	if (outcome === 'sent') {
		return refusal(
			409,
			'highlight_sent',
			'This highlight was received whole: only an organizer can remove it now'
		);
	}
	// After the row, so no row ever points at bytes that are gone for good.
	if (outcome === 'removed') await media.remove(id);
	return { ok: true };
}
