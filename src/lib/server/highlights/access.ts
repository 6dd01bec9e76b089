/**
 * Who may send an event's highlights: whoever holds its key (auth/key-holder.ts, as for the
 * event's devices). Devices send highlights only after a sync of counts, so the event is
 * registered by then; one that is not gets 409 `unregistered_event`, which tells the device to
 * sync first rather than that its key is wrong.
 */
import { checkKeyHolder } from '$lib/server/auth/key-holder';
import type { AppDb } from '$lib/server/db/open';
import { apiError } from '$lib/server/http/errors';
import type { MediaStore } from '$lib/server/media';
import { EVENT_ID_RULE, ID_PATTERN, isId } from '$lib/shared/ids';

export interface HighlightDeps {
	/** Opened lazily, so requests refused on their URL or key are answered while it is down. */
	database: () => Promise<AppDb>;
	media: () => MediaStore;
	now?: () => number;
}

export type Access = { ok: true; db: AppDb } | { ok: false; response: Response };

const refused = (response: Response): Access => {
	// Answers given before the body is read close the connection: unread bytes would otherwise
	// stall the next request on a kept-alive socket.
	response.headers.set('connection', 'close');
	return { ok: false, response };
};

export async function eventAccess(
	request: Request,
	eventId: string,
	highlightId: string,
	deps: HighlightDeps
): Promise<Access> {
	if (!isId(eventId)) return refused(apiError(400, 'bad_event_id', EVENT_ID_RULE));
	if (!ID_PATTERN.test(highlightId)) {
		return refused(
			apiError(
				400,
				'bad_highlight_id',
				'The highlight id must be 16 to 64 characters of A-Z, a-z, 0-9, _ and -'
			)
		);
	}
	const holder = await checkKeyHolder(request, eventId, {
		database: deps.database,
		area: 'highlights',
		unknownEvent: () =>
			apiError(409, 'unregistered_event', 'This event has not synced yet: sync its counts first')
	});
	return holder.ok ? { ok: true, db: holder.db } : refused(holder.response);
}
