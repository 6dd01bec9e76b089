/**
 * Highlight photo chunks through the production entry (scripts/serve.js over the built app) on
 * real sockets: a chunk of HIGHLIGHT_CHUNK_BYTES passes adapter-node's BODY_SIZE_LIMIT and the
 * route's own cap, and a 5 MB body is refused with 413 before it is read, declared or chunked.
 * Needs `npm run build`.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomEventKey, randomId } from '$lib/shared/ids';
import { HIGHLIGHT_CHUNK_BYTES, type HighlightAnswer } from '$lib/shared/highlight-wire';
import { chunksOf, fakeJpeg, photoUpload } from './helpers/highlights';
import { startServe, type Started } from './helpers/serve-process';
import { details, snapshot } from './helpers/sync-requests';

const FIVE_MB = 5 * 1024 * 1024;

/** Sends the head of a request declaring `length` bytes and only `sent` of them; what came back
 * once the server closed the socket. */
function declareAndStop(
	port: number,
	head: string,
	sent: number,
	/** Frames the bytes as one chunk of this hex size (Transfer-Encoding: chunked), never ended. */
	chunkSize?: string
): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1');
		let text = '';
		const timer = setTimeout(() => socket.destroy(), 10_000);
		socket.on('data', (d) => (text += d));
		socket.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
		});
		socket.on('close', () => {
			clearTimeout(timer);
			resolve(text);
		});
		socket.on('connect', () =>
			socket.write(
				Buffer.concat([
					Buffer.from(chunkSize === undefined ? head : `${head}${chunkSize}\r\n`),
					Buffer.alloc(sent)
				])
			)
		);
	});
}

describe('highlight photos through scripts/serve.js', () => {
	let server: Started;
	let base: string;
	const event = { id: randomId(), key: randomEventKey() };
	const device = randomId();
	const auth = { authorization: `Bearer ${event.key}` };

	beforeAll(async () => {
		server = await startServe({});
		base = `http://127.0.0.1:${server.port}/api/events/${event.id}`;
		const synced = await fetch(`${base}/sync`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...auth },
			body: JSON.stringify(snapshot(device, [], details()))
		});
		expect(synced.status).toBe(200);
	}, 40_000);
	afterAll(async () => server?.stop());

	it('takes a photo in chunks of HIGHLIGHT_CHUNK_BYTES', async () => {
		const file = fakeJpeg(HIGHLIGHT_CHUNK_BYTES + 4321);
		const photo = photoUpload(device, file);
		const put = await fetch(`${base}/highlights/${photo.id}`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json', ...auth },
			body: JSON.stringify(photo)
		});
		expect(put.status).toBe(200);
		const answers: HighlightAnswer[] = [];
		for (const { offset, bytes } of chunksOf(file)) {
			const response = await fetch(`${base}/highlights/${photo.id}/photo?offset=${offset}`, {
				method: 'PUT',
				headers: { 'content-type': 'application/octet-stream', ...auth },
				body: bytes
			});
			expect(response.status, await response.clone().text()).toBe(200);
			answers.push((await response.json()) as HighlightAnswer);
		}
		expect(answers).toEqual([
			{ id: photo.id, received: HIGHLIGHT_CHUNK_BYTES, complete: false },
			{ id: photo.id, received: file.byteLength, complete: true }
		]);
	});

	it('withdraws an unfinished highlight, and answers other methods with 405', async () => {
		const photo = photoUpload(device, fakeJpeg(2000));
		const url = `${base}/highlights/${photo.id}`;
		const json = { 'content-type': 'application/json', ...auth };
		expect(
			(await fetch(url, { method: 'PUT', headers: json, body: JSON.stringify(photo) })).status
		).toBe(200);
		expect((await fetch(url, { method: 'DELETE', headers: auth })).status).toBe(204);
		for (const [path, method] of [
			[url, 'GET'],
			[url, 'POST'],
			[`${url}/photo?offset=0`, 'GET']
		] as const) {
			const refused = await fetch(path, { method, headers: auth });
			expect(refused.status, `${method} ${path}`).toBe(405);
			expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
				'method_not_allowed'
			);
		}
	});

	it('refuses a 5 MB body before reading it, whether its size is declared or not', async () => {
		const photo = photoUpload(device, fakeJpeg(1000));
		const path = `/api/events/${event.id}/highlights/${photo.id}/photo?offset=0`;
		const head =
			`PUT ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${event.key}\r\n` +
			`Content-Type: application/octet-stream\r\nContent-Length: ${FIVE_MB}\r\n\r\n`;
		// Only 64 KB of the 5 MB are ever sent: the answer cannot wait for the rest.
		const answer = await declareAndStop(server.port, head, 64 * 1024);
		expect(answer).toMatch(/^HTTP\/1.1 413/);
		expect(answer).toContain('"payload_too_large"');
		// No size said up front (Transfer-Encoding: chunked): 320 KB of a body that never ends.
		// Writing all 5 MB would fill the socket buffers, and the server's close after its 413
		// would then reset the connection and could throw the answer away before it is read.
		const chunkedHead = head.replace(`Content-Length: ${FIVE_MB}`, 'Transfer-Encoding: chunked');
		const sent = 320 * 1024;
		const chunked = await declareAndStop(server.port, chunkedHead, sent, sent.toString(16));
		expect(chunked).toMatch(/^HTTP\/1.1 413/);
		// The details' route caps its JSON too, and answers before the rest arrives.
		const details = await declareAndStop(
			server.port,
			head.replace('/photo?offset=0', '').replace('application/octet-stream', 'application/json'),
			64 * 1024
		);
		expect(details).toMatch(/^HTTP\/1.1 413/);
		expect(details).toContain('"payload_too_large"');
	});
});
