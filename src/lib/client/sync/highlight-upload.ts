/**
 * Sends this device's highlights, one at a time, by the protocol in
 * $lib/shared/highlight-wire.ts: the metadata (PUT, which also says how many photo bytes the
 * server holds), then the photo in chunks from that point. A dropped connection stops the round;
 * the next one asks the server where it is and goes on from there, so no chunk is sent twice
 * and nothing starts over. Runs after the counts, never in their way (highlight-queue.svelte.ts).
 */
import {
	HIGHLIGHT_CHUNK_BYTES,
	type HighlightAnswer,
	type HighlightUpload
} from '$lib/shared/highlight-wire';
import type { EventRow, HighlightRow } from '../db/rows';
import { deviceId } from '../repos/device';
import { listEvents } from '../repos/events';
import {
	forgetHighlight,
	highlightPhoto,
	markSent,
	pendingHighlights,
	recordHighlightError,
	recordReceived
} from '../repos/highlights';
import { listSyncStates } from '../repos/sync-state';

/**
 * Highlights refused this session: not sent again round after round (the same request would be
 * refused again) until an edit clears the error or the page reloads, when each gets one more try
 * (an app update or an organizer may have fixed what was refused).
 */
const triedRefused = new Set<string>();

/** For tests: start a new "session", as a page reload does. */
export function forgetRefusals(): void {
	triedRefused.clear();
}

/** 'stop': no network or a server in trouble; the rest waits for the next round. */
type Step = 'done' | 'kept' | 'stop';

/** Progress of the highlight being sent: its id and the photo bytes the server holds. */
export type OnProgress = (id: string, received: number) => void;

type Reply = { ok: true; status: number; body: unknown } | { ok: false };

async function request(
	fetcher: typeof fetch,
	url: string,
	key: string,
	init: { method: string; body?: BodyInit; type?: string }
): Promise<Reply> {
	try {
		const response = await fetcher(url, {
			method: init.method,
			headers: {
				Authorization: `Bearer ${key}`,
				...(init.type && { 'Content-Type': init.type })
			},
			body: init.body,
			cache: 'no-store'
		});
		const body: unknown = await response.json().catch(() => null);
		return { ok: true, status: response.status, body };
	} catch {
		return { ok: false };
	}
}

const asAnswer = (body: unknown): HighlightAnswer | null => {
	const a = body as Partial<HighlightAnswer> | null;
	return a && typeof a.received === 'number' && typeof a.complete === 'boolean'
		? (a as HighlightAnswer)
		: null;
};

/** A refusal's code, and the `received` a `bad_offset` answer carries (top level or in error). */
function refusal(body: unknown): { code: string; received: number | null } {
	const b = body as { received?: unknown; error?: { code?: unknown; received?: unknown } } | null;
	const received = b?.received ?? b?.error?.received;
	return {
		code: String(b?.error?.code ?? 'refused'),
		received: typeof received === 'number' && received >= 0 ? received : null
	};
}

const base = (row: HighlightRow) =>
	`/api/events/${encodeURIComponent(row.eventId)}/highlights/${encodeURIComponent(row.id)}`;

function uploadOf(row: HighlightRow, device: string): HighlightUpload {
	const { id, kind, body, author, consent, createdAt, photoMeta } = row;
	return { id, deviceId: device, kind, body, author, consent, createdAt, photo: photoMeta };
}

/** A 5xx, a 429 or an answer that is not one: the server's trouble, tried again next round. */
const troubled = (status: number) => status >= 500 || status === 429;

async function sendOne(
	row: HighlightRow,
	key: string,
	device: string,
	fetcher: typeof fetch,
	onProgress: OnProgress
): Promise<Step> {
	const meta = await request(fetcher, base(row), key, {
		method: 'PUT',
		body: JSON.stringify(uploadOf(row, device)),
		type: 'application/json'
	});
	if (!meta.ok) return 'stop';
	let answer = asAnswer(meta.body);
	if (troubled(meta.status) || (meta.status < 400 && !answer)) return 'stop';
	if (!answer) {
		await recordHighlightError(row.id, refusal(meta.body).code);
		return 'kept';
	}
	await recordReceived(row.id, answer.received);
	const size = row.photoMeta?.size ?? 0;
	let offset = answer.received;
	// Each request moves forward or learns where the server is; the bound only guards a server
	// that answers nonsense from keeping the device busy.
	let tries = Math.ceil(size / HIGHLIGHT_CHUNK_BYTES) * 2 + 4;
	const photo = answer.complete ? null : await highlightPhoto(row.id);
	while (!answer.complete && photo && offset < size && tries-- > 0) {
		onProgress(row.id, offset);
		const chunk = photo.slice(offset, offset + HIGHLIGHT_CHUNK_BYTES);
		const reply = await request(fetcher, `${base(row)}/photo?offset=${offset}`, key, {
			method: 'PUT',
			body: await chunk.arrayBuffer(),
			type: 'application/octet-stream'
		});
		if (!reply.ok || troubled(reply.status)) return 'stop';
		const next = asAnswer(reply.body);
		if (next && reply.status < 400) {
			answer = next;
			offset = next.received;
			await recordReceived(row.id, offset);
			continue;
		}
		const { code, received } = refusal(reply.body);
		if (code === 'bad_offset' && received !== null) {
			// The server holds another amount than this device thought: go on from there.
			offset = received;
			await recordReceived(row.id, offset);
			continue;
		}
		await recordHighlightError(row.id, code);
		return 'kept';
	}
	onProgress(row.id, offset);
	if (!answer.complete) {
		// Every byte went and the server still does not call it whole: a mismatch it did not name.
		await recordHighlightError(row.id, 'incomplete');
		return 'kept';
	}
	await markSent(row.id, row.rev);
	return 'done';
}

async function tellDeleted(row: HighlightRow, key: string, fetcher: typeof fetch): Promise<Step> {
	const reply = await request(fetcher, base(row), key, { method: 'DELETE' });
	if (!reply.ok || troubled(reply.status)) return 'stop';
	// Gone, or never there: either way the server holds nothing of it now. Received whole before
	// the delete (409 highlight_sent): only an organizer can remove it, so the device lets go too.
	// Any other refusal keeps the row hidden, and the next round tries again.
	const code = refusal(reply.body).code;
	if (reply.status < 300 || reply.status === 404 || code === 'highlight_sent') {
		await forgetHighlight(row.id);
	}
	return 'done';
}

/**
 * One round over every pending highlight of events the server already knows (a sync went
 * through: the event key is registered). Stops at the first network failure.
 */
export async function uploadHighlights(
	fetcher: typeof fetch = fetch,
	onProgress: OnProgress = () => undefined
): Promise<'done' | 'stopped'> {
	const pending = await pendingHighlights();
	if (pending.length === 0) return 'done';
	const [events, syncs, device] = await Promise.all([listEvents(), listSyncStates(), deviceId()]);
	const synced = new Set(syncs.filter((s) => s.lastSyncAt).map((s) => s.eventId));
	const eventOf = new Map<string, EventRow>(events.map((e) => [e.id, e]));
	for (const row of pending) {
		const event = eventOf.get(row.eventId);
		if (!event || !synced.has(event.id)) continue;
		if (row.lastError && triedRefused.has(row.id)) continue;
		triedRefused.add(row.id);
		const step =
			row.state === 'deleting'
				? await tellDeleted(row, event.key, fetcher)
				: await sendOne(row, event.key, device, fetcher, onProgress);
		if (step === 'stop') return 'stopped';
	}
	return 'done';
}
