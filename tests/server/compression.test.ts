/**
 * Compression by the production entry (scripts/serve.js + scripts/compress.js): pages and JSON
 * answers of 1 KB or more go out brotli- or gzip-encoded when the client accepts it, the built
 * files keep adapter-node's precompressed copies, and conditional GETs still end in a 304. Node's
 * fetch would decode behind our back, so every request here goes through node:http and reads the
 * raw bytes. Needs `npm run build`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, createBrotliDecompress, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compress, negotiate } from '../../scripts/compress.js';
import { disposeAppServer, startAppServer, type AppServer } from '../e2e/helpers/app-server';

interface Raw {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const request = http.request(url, { method, headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				resolve({
					status: response.statusCode ?? 0,
					headers: response.headers,
					body: Buffer.concat(chunks)
				})
			);
			response.on('error', reject);
		});
		request.on('error', reject);
		request.end();
	});
}

function decode(answer: Raw): Buffer {
	const coding = answer.headers['content-encoding'];
	if (coding === 'br') return brotliDecompressSync(answer.body);
	if (coding === 'gzip') return gunzipSync(answer.body);
	return answer.body;
}

describe('negotiate', () => {
	it('prefers brotli, honours q=0 and *, and falls back to nothing', () => {
		expect(negotiate('gzip, deflate, br, zstd')).toBe('br');
		expect(negotiate('gzip')).toBe('gzip');
		expect(negotiate('br;q=0, gzip')).toBe('gzip');
		expect(negotiate('gzip;q=0.5, br;q=0.2')).toBe('gzip');
		expect(negotiate('*')).toBe('br');
		expect(negotiate('*;q=0, gzip')).toBe('gzip');
		expect(negotiate('identity')).toBeNull();
		expect(negotiate('deflate')).toBeNull();
		expect(negotiate('')).toBeNull();
		expect(negotiate(undefined)).toBeNull();
	});
});

describe('scripts/serve.js compression', () => {
	let server: AppServer;
	let sheet: string;
	beforeAll(async () => {
		server = await startAppServer();
		const pack = JSON.parse(decode(await raw(`${server.url}/api/cases?lang=en`)).toString());
		sheet = `/c/en/${pack.cases[0].id}`;
	});
	afterAll(async () => disposeAppServer(server));

	for (const path of ['sheet', '/c/en', '/api/cases?lang=fr']) {
		it(`sends ${path} brotli- or gzip-encoded, the same bytes once decoded`, async () => {
			const url = `${server.url}${path === 'sheet' ? sheet : path}`;
			const plain = await raw(url);
			expect(plain.status).toBe(200);
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(plain.headers.vary).toMatch(/accept-encoding/i);
			expect(plain.body.length).toBeGreaterThan(1024);

			for (const [accept, coding] of [
				['gzip, deflate, br, zstd', 'br'],
				['gzip', 'gzip']
			] as const) {
				const packed = await raw(url, { 'accept-encoding': accept });
				expect(packed.status).toBe(200);
				expect(packed.headers['content-encoding']).toBe(coding);
				expect(packed.headers.vary).toMatch(/accept-encoding/i);
				expect(Number(packed.headers['content-length'])).toBe(packed.body.length);
				expect(packed.body.length).toBeLessThan(plain.body.length / 2);
				expect(decode(packed).equals(plain.body)).toBe(true);
				// The encoded bytes differ from the identity body's: its validator is weak.
				expect(packed.headers.etag).toBe(`W/${plain.headers.etag}`);
			}
		});
	}

	it('leaves a body alone when the client does not accept a coding, or it is under 1 KB', async () => {
		const refused = await raw(`${server.url}/c/en`, { 'accept-encoding': 'br;q=0, identity' });
		expect(refused.headers['content-encoding']).toBeUndefined();
		expect(refused.headers.vary).toMatch(/accept-encoding/i);

		const small = await raw(`${server.url}/api/health`, { 'accept-encoding': 'br, gzip' });
		expect(small.status).toBe(200);
		expect(small.body.length).toBeLessThan(1024);
		expect(small.headers['content-encoding']).toBeUndefined();
		expect(Number(small.headers['content-length'])).toBe(small.body.length);
		expect(JSON.parse(small.body.toString())).toBeTruthy();
	});

	it('never compresses a HEAD or a range request', async () => {
		const head = await raw(`${server.url}/c/en`, { 'accept-encoding': 'br' }, 'HEAD');
		expect(head.status).toBe(200);
		expect(head.body.length).toBe(0);
		expect(head.headers['content-encoding']).toBeUndefined();
		expect(head.headers.vary).toMatch(/accept-encoding/i);

		const range = await raw(`${server.url}/c/en`, { 'accept-encoding': 'br', range: 'bytes=0-9' });
		expect(range.headers['content-encoding']).toBeUndefined();
	});

	it('serves the precompressed built files as they are, encoded once', async () => {
		const dir = 'build/client/_app/immutable/chunks';
		const name = readdirSync(dir).find(
			(file) => file.endsWith('.js') && readdirSync(dir).includes(`${file}.br`)
		);
		expect(name).toBeDefined();
		const url = `${server.url}/_app/immutable/chunks/${name}`;
		const br = await raw(url, { 'accept-encoding': 'gzip, deflate, br' });
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.body.equals(readFileSync(join(dir, `${name}.br`)))).toBe(true);
		const gzip = await raw(url, { 'accept-encoding': 'gzip' });
		expect(gzip.headers['content-encoding']).toBe('gzip');
		expect(gzip.body.equals(readFileSync(join(dir, `${name}.gz`)))).toBe(true);
		expect(gzip.headers.vary).toBe('Accept-Encoding');
	});

	for (const path of ['sheet', '/api/cases?lang=en']) {
		it(`still answers 304 to a conditional GET of ${path} with the weak ETag`, async () => {
			const url = `${server.url}${path === 'sheet' ? sheet : path}`;
			const first = await raw(url, { 'accept-encoding': 'br' });
			const etag = String(first.headers.etag);
			expect(etag).toMatch(/^W\/"/);
			const again = await raw(url, { 'accept-encoding': 'br', 'if-none-match': etag });
			expect(again.status).toBe(304);
			expect(again.body.length).toBe(0);
			expect(again.headers.etag).toBe(etag);
			// A client that stored the identity body's strong ETag revalidates too.
			const strong = await raw(url, { 'if-none-match': etag.slice(2) });
			expect(strong.status).toBe(304);
			expect(strong.headers.etag).toBe(etag.slice(2));
		});
	}
});

describe('compress() on a streamed body', () => {
	it('delivers the first chunk before the body ends', async () => {
		let finish: () => void = () => {};
		const server = http.createServer((request, response) => {
			compress(request, response);
			response.setHeader('content-type', 'text/html; charset=utf-8');
			response.writeHead(200);
			response.write('<p>first</p>'.repeat(200));
			finish = () => response.end('<p>last</p>');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as { port: number };
		try {
			const text = await new Promise<string>((resolve, reject) => {
				http
					.get(`http://127.0.0.1:${port}/`, { headers: { 'accept-encoding': 'br' } }, (res) => {
						expect(res.headers['content-encoding']).toBe('br');
						expect(res.headers['content-length']).toBeUndefined();
						let decoded = '';
						const unzip = res.pipe(createBrotliDecompress());
						unzip.on('data', (chunk: Buffer) => {
							decoded += chunk.toString();
							// The first chunk arrived while the handler still holds the body open.
							if (decoded.includes('<p>first</p>') && !decoded.includes('last')) finish();
						});
						unzip.on('end', () => resolve(decoded));
						unzip.on('error', reject);
					})
					.on('error', reject);
			});
			expect(text).toBe(`${'<p>first</p>'.repeat(200)}<p>last</p>`);
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});
});
