/**
 * The device's highlight upload against a fake server that keeps the protocol of
 * $lib/shared/highlight-wire.ts (metadata, then chunks from `received`, `bad_offset` with the
 * server's `received`): it resumes where the server is, never sends a chunk twice after a drop,
 * never sends a sent highlight again and marks one sent only on `complete`.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from '$lib/client/repos/events';
import { addHighlight, deleteHighlight, recordReceived } from '$lib/client/repos/highlights';
import { sha256Base64Url } from '$lib/client/highlights/photo';
import { forgetRefusals, uploadHighlights } from '$lib/client/sync/highlight-upload';
import { HIGHLIGHT_CHUNK_BYTES, type HighlightUpload } from '$lib/shared/highlight-wire';
import type { LetterdayDB } from '$lib/client/db/database';
import { useDevices } from '../helpers/devices';
import { sampleEvent } from '../helpers/sync-endpoint';

const device = useDevices('highlight-upload');

interface Held {
	meta: HighlightUpload;
	bytes: Uint8Array<ArrayBuffer>;
	received: number;
	complete: boolean;
}

/** The protocol, in memory; `drop` makes the next request matching it fail as a cut line. */
function fakeServer() {
	const held = new Map<string, Held>();
	const log: string[] = [];
	let drop: ((url: URL, method: string) => boolean) | null = null;
	let lie: number | null = null;
	const json = (status: number, body: unknown) =>
		new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
	const fetcher: typeof fetch = async (input, init) => {
		const url = new URL(String(input), 'http://letterday.test');
		const method = init?.method ?? 'GET';
		log.push(`${method} ${url.pathname.split('/').slice(5).join('/')}${url.search}`);
		if (drop?.(url, method)) {
			drop = null;
			throw new TypeError('Failed to fetch');
		}
		const [, , , , , id, part] = url.pathname.split('/');
		const row = held.get(id!);
		if (method === 'DELETE') {
			held.delete(id!);
			return new Response(null, { status: 204 });
		}
		if (!part) {
			const meta = JSON.parse(String(init?.body)) as HighlightUpload;
			if (!row) {
				const size = meta.photo?.size ?? 0;
				held.set(id!, { meta, bytes: new Uint8Array(size), received: 0, complete: !meta.photo });
			} else if (!row.complete) row.meta = meta;
			const now = held.get(id!)!;
			return json(200, { id, received: now.received, complete: now.complete });
		}
		if (!row) return json(404, { error: { code: 'unknown_highlight', message: '' } });
		const offset = Number(url.searchParams.get('offset'));
		if (lie !== null) {
			// The server holds less than it said (a file lost in a crash): it tells the device.
			row.received = lie;
			lie = null;
		}
		if (offset > row.received) {
			return json(409, {
				error: { code: 'bad_offset', message: '' },
				received: row.received
			});
		}
		const chunk = new Uint8Array(await new Response(init!.body as BodyInit).arrayBuffer());
		row.bytes.set(chunk, offset);
		row.received = Math.max(row.received, offset + chunk.byteLength);
		if (row.received === row.bytes.byteLength) {
			const sha = await sha256Base64Url(new Blob([row.bytes]));
			if (sha !== row.meta.photo!.sha256) {
				row.received = 0;
				return json(422, { error: { code: 'photo_mismatch', message: '' } });
			}
			row.complete = true;
		}
		return json(200, { id, received: row.received, complete: row.complete });
	};
	return {
		held,
		log,
		fetcher,
		dropNext: (match: (url: URL, method: string) => boolean) => (drop = match),
		claimHeld: (bytes: number) => (lie = bytes)
	};
}

const words = {
	kind: 'poem' as const,
	body: 'Test poem for the suite',
	author: '',
	anonymous: true,
	consent: 'publish' as const
};

async function photoOf(size: number) {
	const bytes = new Uint8Array(size).map((_, i) => (i * 7) % 251);
	bytes.set([0xff, 0xd8, 0xff]);
	const blob = new Blob([bytes], { type: 'image/jpeg' });
	const meta = {
		type: 'image/jpeg' as const,
		size,
		sha256: await sha256Base64Url(blob),
		width: 4,
		height: 3
	};
	return { blob, meta, bytes };
}

let database: LetterdayDB;
let eventId: string;

/** An event the server already knows (a sync went through), so its highlights may go. */
beforeEach(async () => {
	database = device();
	forgetRefusals();
	eventId = (await createEvent(sampleEvent)).id;
	await database.syncState.put({
		eventId,
		lastSyncAt: 1,
		lastAttemptAt: 1,
		lastError: null,
		totals: [],
		ownAtSync: [],
		devices: 1
	});
});

const photoDraft = { ...words, kind: 'photo' as const, body: 'Test caption' };
const SIZE = HIGHLIGHT_CHUNK_BYTES * 2 + 1000;

describe('highlight upload', { timeout: 30_000 }, () => {
	it('sends words in one request and a photo in chunks, and marks each sent on complete', async () => {
		const server = fakeServer();
		const photo = await photoOf(SIZE);
		const poem = await addHighlight(eventId, words);
		const shot = await addHighlight(eventId, photoDraft, photo);
		expect(await uploadHighlights(server.fetcher)).toBe('done');
		expect(server.log).toEqual([
			`PUT ${poem}`,
			`PUT ${shot}`,
			`PUT ${shot}/photo?offset=0`,
			`PUT ${shot}/photo?offset=${HIGHLIGHT_CHUNK_BYTES}`,
			`PUT ${shot}/photo?offset=${HIGHLIGHT_CHUNK_BYTES * 2}`
		]);
		expect(server.held.get(shot)!.bytes).toEqual(photo.bytes);
		expect(await database.highlights.get(shot)).toMatchObject({ state: 'sent', received: SIZE });
		expect(await database.highlights.get(poem)).toMatchObject({ state: 'sent' });

		// Never again: a sent highlight is not pending.
		server.log.length = 0;
		expect(await uploadHighlights(server.fetcher)).toBe('done');
		expect(server.log).toEqual([]);
	});

	it('stops at a cut line and resumes from the server’s received, sending no chunk twice', async () => {
		const server = fakeServer();
		const photo = await photoOf(SIZE);
		const shot = await addHighlight(eventId, photoDraft, photo);
		server.dropNext((url) => url.searchParams.get('offset') === String(HIGHLIGHT_CHUNK_BYTES));
		expect(await uploadHighlights(server.fetcher)).toBe('stopped');
		expect(await database.highlights.get(shot)).toMatchObject({
			state: 'unsent',
			received: HIGHLIGHT_CHUNK_BYTES
		});

		server.log.length = 0;
		expect(await uploadHighlights(server.fetcher)).toBe('done');
		expect(server.log).toEqual([
			`PUT ${shot}`,
			`PUT ${shot}/photo?offset=${HIGHLIGHT_CHUNK_BYTES}`,
			`PUT ${shot}/photo?offset=${HIGHLIGHT_CHUNK_BYTES * 2}`
		]);
		expect(server.held.get(shot)!.bytes).toEqual(photo.bytes);
		expect(await database.highlights.get(shot)).toMatchObject({ state: 'sent' });
	});

	it('goes on from the received a bad_offset answer carries', async () => {
		const server = fakeServer();
		const photo = await photoOf(SIZE);
		const shot = await addHighlight(eventId, photoDraft, photo);
		server.dropNext((url) => url.searchParams.get('offset') === String(HIGHLIGHT_CHUNK_BYTES * 2));
		expect(await uploadHighlights(server.fetcher)).toBe('stopped');
		// The server lost the second chunk meanwhile: it holds only the first.
		server.claimHeld(HIGHLIGHT_CHUNK_BYTES);
		server.log.length = 0;
		expect(await uploadHighlights(server.fetcher)).toBe('done');
		expect(server.log).toEqual([
			`PUT ${shot}`,
			`PUT ${shot}/photo?offset=${HIGHLIGHT_CHUNK_BYTES * 2}`,
			`PUT ${shot}/photo?offset=${HIGHLIGHT_CHUNK_BYTES}`,
			`PUT ${shot}/photo?offset=${HIGHLIGHT_CHUNK_BYTES * 2}`
		]);
		expect(server.held.get(shot)!.bytes).toEqual(photo.bytes);
		expect(await database.highlights.get(shot)).toMatchObject({ state: 'sent' });
	});

	it('keeps a refused photo unsent with its error, and never marks it sent without complete', async () => {
		const server = fakeServer();
		const photo = await photoOf(1000);
		// Declares another file's SHA-256: the server refuses the whole once its bytes are in.
		const other = await photoOf(999);
		const shot = await addHighlight(eventId, photoDraft, {
			blob: photo.blob,
			meta: { ...photo.meta, sha256: other.meta.sha256 }
		});
		expect(await uploadHighlights(server.fetcher)).toBe('done');
		expect(await database.highlights.get(shot)).toMatchObject({
			state: 'unsent',
			lastError: 'photo_mismatch'
		});
		// Refused once this session: not sent again round after round.
		server.log.length = 0;
		await uploadHighlights(server.fetcher);
		expect(server.log).toEqual([]);
	});

	it('waits for an event the server does not know yet', async () => {
		const server = fakeServer();
		await database.syncState.clear();
		await addHighlight(eventId, words);
		expect(await uploadHighlights(server.fetcher)).toBe('done');
		expect(server.log).toEqual([]);
	});

	it('tells the server of a delete once its metadata went up, then forgets the row', async () => {
		const server = fakeServer();
		const poem = await addHighlight(eventId, words);
		await recordReceived(poem, 0);
		await deleteHighlight(poem);
		server.dropNext((_, method) => method === 'DELETE');
		expect(await uploadHighlights(server.fetcher)).toBe('stopped');
		expect(await database.highlights.get(poem)).toMatchObject({ state: 'deleting' });
		expect(await uploadHighlights(server.fetcher)).toBe('done');
		expect(server.log.filter((line) => line.startsWith('DELETE'))).toHaveLength(2);
		expect(await database.highlights.get(poem)).toBeUndefined();
	});
});
