/**
 * The production entry (scripts/serve.js) against raw sockets: a client sending its headers one
 * byte at a time is cut off by HEADERS_TIMEOUT, and without ORIGIN a forged Host header is
 * refused before anything renders (it would otherwise become the origin of the poster's QR code).
 * With ORIGIN set, the Host header is ignored. One event's syncs past SYNCS_PER_EVENT_PER_SECOND
 * are turned away before SvelteKit reads them. Syncs are answered by the lean node:http route
 * with the same headers, compression and refusals; WEB_CONCURRENCY runs worker processes on one
 * port. Needs `npm run build`.
 */
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomEventKey, randomId } from '$lib/shared/ids';
import { startServe, type Started } from './helpers/serve-process';

/** Sends `request` raw, one chunk per `delayMs` when given; resolves with what came back and
 * when the server closed the socket (ms after connecting). */
function raw(
	port: number,
	request: string,
	{ bytewiseMs }: { bytewiseMs?: number } = {}
): Promise<{ text: string; closedAfterMs: number; sentBytes: number }> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1');
		const started = Date.now();
		let text = '';
		let sent = 0;
		let timer: NodeJS.Timeout | undefined;
		socket.on('data', (d) => (text += d));
		socket.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
		});
		socket.on('close', () => {
			clearInterval(timer);
			resolve({ text, closedAfterMs: Date.now() - started, sentBytes: sent });
		});
		socket.on('connect', () => {
			if (!bytewiseMs) {
				socket.write(request);
				sent = request.length;
				return;
			}
			timer = setInterval(() => {
				if (sent < request.length && !socket.destroyed) socket.write(request[sent++]!);
			}, bytewiseMs);
		});
	});
}

const get = (path: string, host: string) =>
	`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;

describe('scripts/serve.js without ORIGIN', () => {
	let server: Started;
	beforeAll(async () => {
		server = await startServe({
			ALLOWED_HOSTS: 'letterday.example.org, 192.0.2.10:3000',
			HEADERS_TIMEOUT: '1',
			REQUEST_TIMEOUT: '2'
		});
	}, 40_000);
	afterAll(async () => server?.stop());

	it('cuts off a client that sends its headers one byte at a time', async () => {
		const request = `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ${'a'.repeat(200)}\r\n\r\n`;
		const result = await raw(server.port, request, { bytewiseMs: 50 });
		// The whole request would take 12 s at this pace; the server closes after about 1 s.
		expect(result.sentBytes).toBeLessThan(request.length);
		expect(result.closedAfterMs).toBeLessThan(4_000);
		expect(result.text).not.toMatch(/200 OK/);
	}, 15_000);

	it('refuses a forged Host with 400 before anything renders', async () => {
		const page = await raw(server.port, get('/c/en/poster', 'evil.example'));
		expect(page.text).toMatch(/^HTTP\/1.1 400/);
		expect(page.text).not.toMatch(/evil\.example/);
		const api = await raw(
			server.port,
			`POST /api/events/${'a'.repeat(22)}/sync HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`
		);
		expect(api.text).toMatch(/^HTTP\/1.1 400/);
		expect(api.text).toMatch(/"code":"bad_host"/);
		expect(api.text).toMatch(/cache-control: no-store/i);
	});

	it('serves this machine and the hosts in ALLOWED_HOSTS, with their origin in the QR', async () => {
		for (const host of [
			`localhost:${server.port}`,
			`127.0.0.1:${server.port}`,
			'letterday.example.org',
			'192.0.2.10:3000'
		]) {
			const page = await raw(server.port, get('/c/en/poster', host));
			expect(page.text, host).toMatch(/^HTTP\/1.1 200/);
			expect(page.text, host).toContain(`${host}/c/en`);
		}
		// The port is part of an entry that names one.
		expect((await raw(server.port, get('/c/en/poster', '192.0.2.10:4000'))).text).toMatch(
			/^HTTP\/1.1 400/
		);
	});
});

describe('scripts/serve.js with ORIGIN', () => {
	let server: Started;
	beforeAll(async () => {
		server = await startServe({ ORIGIN: 'https://letterday.example.org' });
	}, 40_000);
	afterAll(async () => server?.stop());

	it('ignores the Host header: the poster carries ORIGIN', async () => {
		const page = await raw(server.port, get('/c/en/poster', 'evil.example'));
		expect(page.text).toMatch(/^HTTP\/1.1 200/);
		expect(page.text).toContain('https://letterday.example.org/c/en');
		expect(page.text).not.toMatch(/evil\.example/);
	});
});

describe('scripts/serve.js sync rate per event', () => {
	let server: Started;
	beforeAll(async () => {
		server = await startServe({ SYNCS_PER_EVENT_PER_SECOND: '2' });
	}, 40_000);
	afterAll(async () => server?.stop());

	const sync = (eventId: string, key: string) =>
		fetch(`http://127.0.0.1:${server.port}/api/events/${eventId}/sync`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
			body: JSON.stringify({
				format: 1,
				deviceId: 'rate-device-00000001',
				event: {
					name: 'Rate',
					venue: '',
					city: '',
					province: 'ON',
					date: '2026-12-10',
					updatedAt: 1
				},
				counters: []
			})
		});

	it('turns a flood of one event away with 429 before SvelteKit, and serves the others', async () => {
		const flooded = { id: randomId(), key: randomEventKey() };
		// A burst of twice the rate goes through; the next one is turned away.
		const statuses: number[] = [];
		for (let i = 0; i < 6; i += 1) statuses.push((await sync(flooded.id, flooded.key)).status);
		expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
		expect(statuses.slice(4)).toEqual([429, 429]);
		const refused = await sync(flooded.id, flooded.key);
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toBe('1');
		expect(refused.headers.get('cache-control')).toBe('no-store');
		expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
		expect(await refused.json()).toEqual({
			error: {
				code: 'too_many_syncs',
				message: expect.stringMatching(/more than 2 syncs a second/)
			}
		});
		// Reports of the event share its rate; another event is not slowed at all.
		const report = await fetch(`http://127.0.0.1:${server.port}/api/events/${flooded.id}/report`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}'
		});
		expect(report.status).toBe(429);
		const other = { id: randomId(), key: randomEventKey() };
		expect((await sync(other.id, other.key)).status).toBe(200);
		// The bucket refills: a second later the flooded event syncs again.
		await new Promise((done) => setTimeout(done, 1100));
		expect((await sync(flooded.id, flooded.key)).status).toBe(200);
	});
});

describe('scripts/serve.js answers syncs on its lean route', () => {
	let server: Started;
	beforeAll(async () => {
		server = await startServe({ ORIGIN: 'https://letterday.example.org' });
	}, 40_000);
	afterAll(async () => server?.stop());

	const caseIds = async () =>
		(
			(await (await fetch(`http://127.0.0.1:${server.port}/api/cases?lang=en`)).json()) as {
				cases: { id: string }[];
			}
		).cases.map((sheet) => sheet.id);
	const sync = (eventId: string, key: string | null, body: unknown, headers = {}) =>
		fetch(`http://127.0.0.1:${server.port}/api/events/${eventId}/sync`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				...(key ? { authorization: `Bearer ${key}` } : {}),
				...headers
			},
			body: typeof body === 'string' ? body : JSON.stringify(body)
		});
	const details = {
		name: 'Lean',
		venue: '',
		city: '',
		province: 'ON',
		date: '2026-12-10',
		updatedAt: 1
	};

	it('says so at start, and syncs with the security headers', async () => {
		expect(server.log()).toContain('syncs: lean node:http route');
		const event = { id: randomId(), key: randomEventKey() };
		const [caseA] = await caseIds();
		const counters = [{ caseId: caseA, kind: 'letter', plus: 3, minus: 1 }];
		const answer = await sync(event.id, event.key, {
			format: 1,
			deviceId: randomId(),
			event: details,
			counters
		});
		expect(answer.status).toBe(200);
		expect(answer.headers.get('cache-control')).toBe('no-store');
		expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
		expect(answer.headers.get('strict-transport-security')).toMatch(/max-age/);
		expect((await answer.json()).totals).toEqual([{ caseId: caseA, kind: 'letter', total: 2 }]);
	});

	it('compresses an answer of 1 KB or more, not a small one', async () => {
		const event = { id: randomId(), key: randomEventKey() };
		const ids = await caseIds();
		const counters = ids.flatMap((caseId) =>
			['letter', 'card'].map((kind) => ({ caseId, kind, plus: 1, minus: 0 }))
		);
		const body = { format: 1, deviceId: randomId(), event: details, counters };
		const large = await sync(event.id, event.key, body, { 'accept-encoding': 'br' });
		expect(large.status).toBe(200);
		expect(large.headers.get('content-encoding')).toBe('br');
		expect(large.headers.get('vary')).toMatch(/accept-encoding/i);
		expect((await large.json()).totals).toHaveLength(counters.length);
		// Another event: this one's answer would carry the totals above.
		const fresh = { id: randomId(), key: randomEventKey() };
		const small = await sync(
			fresh.id,
			fresh.key,
			{ ...body, counters: [] },
			{
				'accept-encoding': 'br'
			}
		);
		expect(small.status).toBe(200);
		expect(small.headers.get('content-encoding')).toBe(null);
	});

	it('refuses in the API shape, closing the connection when the body went unread', async () => {
		const event = { id: randomId(), key: randomEventKey() };
		const noKey = await sync(event.id, null, '{}');
		expect(noKey.status).toBe(401);
		expect(noKey.headers.get('connection')).toBe('close');
		expect((await noKey.json()).error.code).toEqual(expect.any(String));
		const tooLarge = await sync(event.id, event.key, `{"pad":"${'x'.repeat(300_000)}"}`);
		expect(tooLarge.status).toBe(413);
		expect((await tooLarge.json()).error.code).toBe('payload_too_large');
		const notJson = await sync(event.id, event.key, '{"format"');
		expect(notJson.status).toBe(400);
		expect(await notJson.json()).toEqual({
			error: { code: 'bad_request', message: 'The body is not valid JSON' }
		});
		// Left to SvelteKit: another content type, another method.
		const form = await sync(event.id, event.key, 'a=1', { 'content-type': 'text/plain' });
		expect(form.status).toBe(403);
		const get = await fetch(`http://127.0.0.1:${server.port}/api/events/${event.id}/sync`);
		expect(get.status).toBe(405);
	});
});

describe('scripts/serve.js with WEB_CONCURRENCY=2', () => {
	let server: Started;
	beforeAll(async () => {
		server = await startServe({ WEB_CONCURRENCY: '2' });
	}, 40_000);
	afterAll(async () => server?.stop());

	const children = (pid: number) =>
		readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);

	it('runs two workers on one port, and both stop on SIGTERM', async () => {
		// The second worker is forked once the first listens: wait for both.
		const deadline = Date.now() + 20_000;
		while ((server.log().match(/Listening on/g) ?? []).length < 2 && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 100));
		}
		const workers = children(server.pid);
		expect(workers).toHaveLength(2);
		for (let i = 0; i < 6; i += 1) {
			expect((await fetch(`http://127.0.0.1:${server.port}/api/health`)).status).toBe(200);
		}
		await server.stop();
		for (const worker of workers) expect(() => process.kill(Number(worker), 0)).toThrow();
	}, 30_000);
});
