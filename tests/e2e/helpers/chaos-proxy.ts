/**
 * A loopback proxy between Chromium and the app server that breaks the sync path the way a
 * venue's network does: it drops a request before the server sees it, drops the answer after the
 * server committed, sends a request twice at once, or holds it for a while. Everything else (the
 * app's pages, scripts, the case pack) passes through untouched, so the service worker and the
 * app load as usual. Faults follow a seeded generator: a failing run replays exactly.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const FAULTS = ['pass', 'drop-request', 'drop-answer', 'duplicate', 'delay'] as const;
export type Fault = (typeof FAULTS)[number];

export interface ChaosProxy {
	url: string;
	/** How many sync requests met each fault so far. */
	readonly injected: Record<Fault, number>;
	/** Sync requests the proxy holds right now. */
	readonly inFlight: number;
	/** Off: every request passes; on: each sync request meets a fault picked by the seed. */
	faults(on: boolean): void;
	close(): Promise<void>;
}

const SYNC_PATH = /^\/api\/events\/[^/]+\/sync$/;
// Hop-by-hop headers are the proxy's own business; fetch sets its own length and encoding.
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

/** mulberry32: a tiny seeded generator, enough to pick faults reproducibly. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function startChaosProxy(target: string, seed: number): Promise<ChaosProxy> {
	const random = seeded(seed);
	const injected = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
	let on = false;
	let inFlight = 0;
	const sockets = new Set<Socket>();

	async function forward(request: IncomingMessage, body: Buffer): Promise<Response> {
		const headers = new Headers();
		for (const [name, value] of Object.entries(request.headers)) {
			if (!HOP.has(name) && typeof value === 'string') headers.set(name, value);
		}
		return fetch(target + request.url, {
			method: request.method,
			headers,
			body: body.length > 0 ? new Uint8Array(body) : undefined,
			redirect: 'manual'
		});
	}

	async function answer(response: ServerResponse, upstream: Response): Promise<void> {
		const body = Buffer.from(await upstream.arrayBuffer());
		const headers: Record<string, string> = {};
		upstream.headers.forEach((value, name) => {
			// fetch has already decoded the body: passing its encoding on would garble it.
			if (!HOP.has(name) && name !== 'content-encoding') headers[name] = value;
		});
		response.writeHead(upstream.status, headers);
		response.end(body);
	}

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const body = await readBody(request);
		const isSync = request.method === 'POST' && SYNC_PATH.test(request.url ?? '');
		if (!isSync || !on) return answer(response, await forward(request, body));

		const fault = FAULTS[Math.floor(random() * FAULTS.length)]!;
		injected[fault]++;
		inFlight++;
		try {
			switch (fault) {
				case 'pass':
					return await answer(response, await forward(request, body));
				case 'drop-request':
					request.socket.destroy();
					return;
				case 'drop-answer':
					// The server applies the sync and answers; the device never hears of it.
					await (await forward(request, body)).arrayBuffer();
					request.socket.destroy();
					return;
				case 'duplicate': {
					const [, second] = await Promise.all([forward(request, body), forward(request, body)]);
					return await answer(response, second);
				}
				case 'delay':
					// Long enough for the host to tap again while the request is in flight.
					await sleep(300 + Math.floor(random() * 1200));
					return await answer(response, await forward(request, body));
			}
		} finally {
			inFlight--;
		}
	}

	const server = createServer((request, response) => {
		handle(request, response).catch(() => request.socket.destroy());
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		injected,
		get inFlight() {
			return inFlight;
		},
		faults: (value) => (on = value),
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			})
	};
}
