/**
 * Over real HTTP: the handler behind node:http (keep-alive, chunked bodies), and the SvelteKit
 * route modules themselves (the process-wide database from the environment, /api/health).
 */
import { Agent, request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomId } from '$lib/shared/ids';
import type { SyncAnswer } from '$lib/shared/sync-wire';
import { closeDb } from '$lib/server/db';
import { backends, type TestDatabase } from './helpers/databases';
import { SYNC_ROUTES, serveSync, type HttpServer } from './helpers/http-server';
import {
	SyncHarness,
	newEvent,
	snapshot,
	someCaseIds,
	storedState,
	syncRequest
} from './helpers/sync-requests';

const [caseA] = someCaseIds() as [string];

/** POSTs with Transfer-Encoding: chunked, so no Content-Length tells the size up front. */
function postChunked(
	url: string,
	headers: Record<string, string>,
	chunks: string[],
	agent?: Agent
): Promise<{ status: number; body: string; connection?: string }> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(url, { method: 'POST', headers, agent }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (body += chunk));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection })
			);
		});
		// The server may answer 413 and stop reading before every chunk is written.
		req.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
		});
		for (const chunk of chunks) req.write(chunk);
		req.end();
	});
}

for (const [backend, route] of backends.flatMap((b) => SYNC_ROUTES.map((r) => [b, r] as const))) {
	describe.skipIf(backend.skip)(`sync over HTTP on ${backend.dialect}, ${route} route`, () => {
		let testDb: TestDatabase;
		let harness: SyncHarness;
		let http: HttpServer;

		beforeAll(async () => {
			testDb = await backend.create();
			harness = await SyncHarness.start(testDb);
			http = await serveSync(harness.deps, 0, route);
		});
		afterAll(async () => {
			await http?.close();
			await harness?.close();
			await testDb?.destroy();
		});

		it('syncs with fetch over a kept-alive connection', async () => {
			const event = newEvent();
			const device = randomId();
			for (let plus = 1; plus <= 5; plus += 1) {
				const response = await fetch(
					syncRequest(
						http.url,
						event.id,
						event.key,
						snapshot(device, [{ caseId: caseA, kind: 'letter', plus, minus: 0 }])
					)
				);
				expect(response.status).toBe(200);
				expect(response.headers.get('cache-control')).toBe('no-store');
				const answer = (await response.json()) as SyncAnswer;
				expect(answer.totals).toEqual([{ caseId: caseA, kind: 'letter', total: plus }]);
			}
		});

		it('counts the bytes that arrive, not the Content-Length: a chunked 300 KB body gets 413', async () => {
			const event = newEvent();
			const before = await storedState(harness.db);
			const headers = { 'content-type': 'application/json', authorization: `Bearer ${event.key}` };
			const url = `${http.url}/api/events/${event.id}/sync`;
			const body = JSON.stringify({
				...snapshot(randomId(), [{ caseId: caseA, kind: 'letter', plus: 1, minus: 0 }]),
				padding: 'x'.repeat(300_000)
			});
			// One kept-alive socket: the request after the 413 must not stall behind unread bytes.
			const agent = new Agent({ keepAlive: true, maxSockets: 1 });
			try {
				const answer = await postChunked(url, headers, body.match(/[^]{1,16384}/g)!, agent);
				expect(answer.status).toBe(413);
				expect(answer.connection).toBe('close');
				expect(JSON.parse(answer.body)).toEqual({
					error: { code: 'payload_too_large', message: expect.any(String) }
				});
				expect(await storedState(harness.db)).toEqual(before);

				const small = JSON.stringify(snapshot(randomId(), []));
				expect((await postChunked(url, headers, [small], agent)).status).toBe(200);
			} finally {
				agent.destroy();
			}
		});

		it('a chunked body under the limit is read whole', async () => {
			const event = newEvent();
			const body = JSON.stringify(
				snapshot(randomId(), [{ caseId: caseA, kind: 'card', plus: 2, minus: 0 }])
			);
			const answer = await postChunked(
				`${http.url}/api/events/${event.id}/sync`,
				{ 'content-type': 'application/json', authorization: `Bearer ${event.key}` },
				body.match(/[^]{1,10}/g)!
			);
			expect(answer.status).toBe(200);
			expect((JSON.parse(answer.body) as SyncAnswer).totals).toEqual([
				{ caseId: caseA, kind: 'card', total: 2 }
			]);
		});
	});
}

describe('the SvelteKit routes with the process-wide database', () => {
	let dataDir: string;
	const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

	beforeAll(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'letterday-routes-'));
	});
	afterEach(async () => {
		await closeDb();
		process.env.DATA_DIR = saved.DATA_DIR;
		process.env.DATABASE_URL = saved.DATABASE_URL;
		if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
		if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
	});
	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

	it('POST /api/events/{id}/sync and GET /api/health on SQLite in DATA_DIR', async () => {
		process.env.DATA_DIR = dataDir;
		delete process.env.DATABASE_URL;
		const sync = await import('../../src/routes/api/events/[eventId]/sync/+server');
		const health = await import('../../src/routes/api/health/+server');
		const event = newEvent();
		const request = syncRequest(
			'http://localhost',
			event.id,
			event.key,
			snapshot(randomId(), [{ caseId: caseA, kind: 'online', plus: 3, minus: 1 }])
		);
		const response = await sync.POST({ request, params: { eventId: event.id } } as never);
		expect(response.status).toBe(200);
		expect(((await response.json()) as SyncAnswer).totals).toEqual([
			{ caseId: caseA, kind: 'online', total: 2 }
		]);

		const ok = await health.GET({} as never);
		expect(ok.status).toBe(200);
		expect(await ok.json()).toEqual({ ok: true, db: 'sqlite', version: expect.any(String) });

		const get = await sync.fallback({ request: new Request('http://localhost') } as never);
		expect(get.status).toBe(405);
		expect(get.headers.get('allow')).toBe('POST');
		expect((await get.json()).error.code).toBe('method_not_allowed');
	});

	it('GET /api/health answers 503 when the database is unreachable, and sync 503 too', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		// Port 1 refuses connections at once.
		process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/none';
		const health = await import('../../src/routes/api/health/+server');
		const sync = await import('../../src/routes/api/events/[eventId]/sync/+server');
		const down = await health.GET({} as never);
		expect(down.status).toBe(503);
		expect((await down.json()).error.code).toBe('db_unavailable');

		const event = newEvent();
		const request = syncRequest('http://localhost', event.id, event.key, snapshot(randomId(), []));
		const response = await sync.POST({ request, params: { eventId: event.id } } as never);
		expect(response.status).toBe(503);
		expect((await response.json()).error.code).toBe('db_unavailable');
		expect(logged).toHaveBeenCalled();
		logged.mockRestore();
	});
});
