/**
 * The lean sync route (sync/node-route.ts), which scripts/serve.js puts in front of SvelteKit:
 * the same requests sent through it and through the SvelteKit route's Web Request give the same
 * answers; what it cannot answer as SvelteKit would, it leaves alone; the client address and
 * the body limit come from the environment as adapter-node reads them.
 */
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomEventKey, randomId } from '$lib/shared/ids';
import { DEFAULT_LIMITS } from '$lib/server/sync/limits';
import { nodeClientAddressOf } from '$lib/server/http/client-address';
import { createNodeSyncRoute } from '$lib/server/sync/node-route';
import { backends, type TestDatabase } from './helpers/databases';
import { serveSync, type HttpServer } from './helpers/http-server';
import { SyncHarness, details, snapshot, someCaseIds, storedState } from './helpers/sync-requests';

const [caseA, caseB] = someCaseIds() as [string, string];
const NOW = Date.UTC(2026, 11, 10, 15, 0, 0);
const sqlite = backends[0]!;

interface Sent {
	method?: string;
	path: string;
	headers?: Record<string, string>;
	body?: string;
}
interface Got {
	status: number;
	body: string;
	headers: Record<string, string | undefined>;
}

function send(baseUrl: string, { method = 'POST', path, headers = {}, body }: Sent): Promise<Got> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(`${baseUrl}${path}`, { method, headers }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (text += chunk));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					body: text,
					headers: {
						'content-type': res.headers['content-type'],
						'cache-control': res.headers['cache-control'],
						connection: res.headers.connection,
						'retry-after': res.headers['retry-after']
					}
				})
			);
		});
		// The server may answer and close before a large body is all written.
		req.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
		});
		req.end(body);
	});
}

const json = (key: string | null, extra: Record<string, string> = {}) => ({
	'content-type': 'application/json',
	...(key === null ? {} : { authorization: `Bearer ${key}` }),
	...extra
});

/** One scripted conversation: every kind of answer the sync endpoint gives. */
function script(): Sent[] {
	const event = { id: randomId(), key: randomEventKey() };
	const device = randomId();
	const path = `/api/events/${event.id}/sync`;
	const counts = (plus: number) =>
		JSON.stringify(
			snapshot(device, [
				{ caseId: caseA, kind: 'letter', plus, minus: 0 },
				{ caseId: caseB, kind: 'card', plus: plus * 2, minus: 1 }
			])
		);
	return [
		{ path, headers: json(event.key), body: counts(1) },
		{ path: `${path}?from=test`, headers: json(event.key), body: counts(3) },
		{ path, headers: json(randomEventKey()), body: counts(9) },
		{ path, headers: json(null), body: counts(9) },
		{ path, headers: json('not-a-key'), body: counts(9) },
		{ path: '/api/events/short/sync', headers: json(event.key), body: counts(9) },
		{ path, headers: json(event.key), body: '{"format":' },
		{ path, headers: json(event.key), body: JSON.stringify({ format: 99 }) },
		{
			path,
			headers: json(event.key),
			body: JSON.stringify(
				snapshot(device, [{ caseId: 'nope', kind: 'letter', plus: 1, minus: 0 }])
			)
		},
		{
			path,
			headers: json(event.key),
			body: JSON.stringify(snapshot(device, [], details({ updatedAt: NOW + 3_600_000 })))
		},
		{ path, headers: json(event.key), body: `{"pad":"${'x'.repeat(300_000)}"}` },
		{
			path: `/api/events/${encodeURIComponent(event.id).replace(/-/g, '%2D')}/sync`,
			headers: json(event.key, { 'content-type': 'application/json; charset=utf-8' }),
			body: counts(4)
		}
	];
}

describe('the lean sync route and the SvelteKit route', () => {
	const opened: { db: TestDatabase; harness: SyncHarness; http: HttpServer }[] = [];
	const start = async (route: 'sveltekit' | 'node') => {
		const db = await sqlite.create();
		const harness = await SyncHarness.start(db, () => NOW);
		const http = await serveSync(harness.deps, 0, route);
		opened.push({ db, harness, http });
		return http.url;
	};
	afterAll(async () => {
		for (const { db, harness, http } of opened) {
			await http.close();
			await harness.close();
			await db.destroy();
		}
	});

	it('give the same answer to the same requests, refusals included', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const viaSvelteKit = await start('sveltekit');
		const viaNode = await start('node');
		const sent = script();
		const answers: [Got, Got][] = [];
		for (const request of sent) {
			answers.push([await send(viaSvelteKit, request), await send(viaNode, request)]);
		}
		warn.mockRestore();
		for (const [i, [kit, node]] of answers.entries()) {
			expect(node, `request ${i}`).toEqual(kit);
		}
		// Each kind of answer is there, so the comparison covered them.
		expect(answers.map(([kit]) => kit.status)).toEqual([
			200, 200, 403, 401, 401, 400, 400, 400, 400, 400, 413, 200
		]);
		expect(answers[3]![0].headers.connection).toBe('close');
		expect(answers[10]![0].headers.connection).toBe('close');
		expect(JSON.parse(answers[11]![1].body).totals).toEqual([
			{ caseId: caseA, kind: 'letter', total: 4 },
			{ caseId: caseB, kind: 'card', total: 7 }
		]);
	});
});

describe('the lean sync route leaves to SvelteKit', () => {
	let db: TestDatabase;
	let harness: SyncHarness;
	let http: HttpServer;
	beforeAll(async () => {
		db = await sqlite.create();
		harness = await SyncHarness.start(db);
		// No ORIGIN: the Host decides, as in hooks.server.ts.
		http = await serveSync(harness.deps, 0, 'node', { ALLOWED_HOSTS: 'letterday.example.org' });
	});
	afterAll(async () => {
		await http?.close();
		await harness?.close();
		await db?.destroy();
	});

	const event = { id: randomId(), key: randomEventKey() };
	const path = `/api/events/${event.id}/sync`;
	const body = JSON.stringify(snapshot(randomId(), []));

	it('other methods, other content types, a Host the hooks refuse, a path it cannot decode', async () => {
		const before = await storedState(harness.db);
		for (const request of [
			{ method: 'GET', path, headers: json(event.key) },
			{ path, headers: json(event.key, { 'content-type': 'text/plain' }), body },
			{ path, headers: json(event.key, { host: 'evil.example' }), body },
			{ path: '/api/events/%E0%A4%A/sync', headers: json(event.key), body },
			{ path: `${path}/`, headers: json(event.key), body }
		] satisfies Sent[]) {
			const answer = await send(http.url, request);
			expect(answer.status, JSON.stringify(request.headers)).toBe(404);
			expect(JSON.parse(answer.body).error.code).toBe('not_taken');
		}
		expect(await storedState(harness.db)).toEqual(before);
	});

	it('takes an allowed Host', async () => {
		const answer = await send(http.url, {
			path,
			headers: json(event.key, { host: 'letterday.example.org' }),
			body
		});
		expect(answer.status).toBe(200);
	});

	it('is not made when the origin comes from proxy headers it does not read', () => {
		expect(createNodeSyncRoute(harness.deps, { PROTOCOL_HEADER: 'x-forwarded-proto' })).toBe(
			undefined
		);
		expect(createNodeSyncRoute(harness.deps, { HOST_HEADER: 'x-forwarded-host' })).toBe(undefined);
		expect(
			createNodeSyncRoute(harness.deps, { ORIGIN: 'https://a.example', HOST_HEADER: 'x' })
		).toBeTypeOf('function');
	});
});

describe('the lean sync route reads the environment as adapter-node does', () => {
	const message = (headers: Record<string, string>, remoteAddress = '10.0.0.9') =>
		({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

	it('client address: the socket, ADDRESS_HEADER, X-Forwarded-For at XFF_DEPTH', () => {
		expect(nodeClientAddressOf({})(message({ 'x-real-ip': '1.1.1.1' }))).toBe('10.0.0.9');
		const real = nodeClientAddressOf({ ADDRESS_HEADER: 'X-Real-IP' });
		expect(real(message({ 'x-real-ip': '1.1.1.1' }))).toBe('1.1.1.1');
		// adapter-node throws here; the SvelteKit route's clientAddressOf falls back to this.
		expect(real(message({}))).toBe('no-address-header');
		const xff = nodeClientAddressOf({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '2' });
		expect(xff(message({ 'x-forwarded-for': '9.9.9.9, 2.2.2.2 , 3.3.3.3' }))).toBe('2.2.2.2');
		expect(xff(message({ 'x-forwarded-for': '3.3.3.3' }))).toBe('no-address-header');
	});

	it('counts registrations against the address it read, and stops reading at BODY_SIZE_LIMIT', async () => {
		const db = await sqlite.create();
		const harness = await SyncHarness.start(db);
		harness.deps.limits = { ...DEFAULT_LIMITS, registrationsPerWindow: 1 };
		const http = await serveSync(harness.deps, 0, 'node', {
			ORIGIN: 'http://127.0.0.1',
			ADDRESS_HEADER: 'x-real-ip',
			BODY_SIZE_LIMIT: '1K'
		});
		try {
			const register = (ip: string, pad = '') => {
				const event = { id: randomId(), key: randomEventKey() };
				return send(http.url, {
					path: `/api/events/${event.id}/sync`,
					headers: json(event.key, { 'x-real-ip': ip }),
					body: JSON.stringify({ ...snapshot(randomId(), []), pad })
				});
			};
			expect((await register('192.0.2.1')).status).toBe(200);
			const second = await register('192.0.2.1');
			expect(second.status).toBe(429);
			expect(JSON.parse(second.body).error.code).toBe('too_many_registrations');
			expect((await register('192.0.2.2')).status).toBe(200);
			const large = await register('192.0.2.3', 'x'.repeat(2_000));
			expect(large.status).toBe(413);
			expect(large.headers.connection).toBe('close');
		} finally {
			await http.close();
			await harness.close();
			await db.destroy();
		}
	});
});
