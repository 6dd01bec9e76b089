// The production entry: adapter-node's request handler (build/handler.js, the custom-server
// pattern SvelteKit documents) in a node:http server whose timeouts bound slow clients. `node
// build` leaves Node's defaults, under which a client sending its headers one byte at a time may
// hold a socket for a minute and a slow body for five; here (seconds, whole numbers):
//   HEADERS_TIMEOUT (default 10): the whole header block must arrive within it;
//   REQUEST_TIMEOUT (default 60): the whole request, body included;
//   KEEP_ALIVE_TIMEOUT (default 5): an idle kept-alive socket is closed after it;
//   SHUTDOWN_TIMEOUT (default 30): on SIGTERM/SIGINT, requests in flight get this long.
// HOST, PORT, ORIGIN, ADDRESS_HEADER, BODY_SIZE_LIMIT and the rest work as with `node build`.
// Every response, static files included, gets the security headers (security-headers.js).
// What SvelteKit renders (pages, JSON answers, exports) is compressed, brotli or gzip, when the
// client accepts it and the body is 1 KB or more (compress.js); the built files come
// precompressed from adapter-node. COMPRESSION=off leaves every response as is (a proxy in
// front that compresses would otherwise find nothing left to do, which is also fine).
// SYNCS_PER_EVENT_PER_SECOND (default 10, twice that in a burst): syncs and reports of one event
// beyond it get 429 before SvelteKit reads them (event-rate.js), so flooding one event cannot
// slow the others.
// WEB_CONCURRENCY (default 1): worker processes (node:cluster) sharing the port, for PostgreSQL.
// On SQLite they take turns on the one write lock: a second process adds little (docs/performance.md).
// POST /api/events/{id}/sync is answered by the lean route the app publishes when handler.js
// loads (src/lib/server/sync/node-route.ts, same sync code as the SvelteKit route, without its
// Request/Response plumbing); every other request, and any sync it does not take, goes to
// SvelteKit.
// BUILD_DIR serves another copy of the build (default build/).
import cluster from 'node:cluster';
import http from 'node:http';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compress } from './compress.js';
import { DEFAULT_SYNCS_PER_EVENT_PER_SECOND, EventRate, refuseOverRate } from './event-rate.js';
import { securityHeaders } from './security-headers.js';

function wholeNumber(name, fallback, { unit = '', least = 0 } = {}) {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	if (!/^\d+$/.test(raw) || Number(raw) < least)
		throw new Error(`${name} must be a whole number${unit} of at least ${least}, got "${raw}"`);
	return Number(raw);
}
const seconds = (name, fallback) => wholeNumber(name, fallback, { unit: ' of seconds' });

const workers = wholeNumber('WEB_CONCURRENCY', 1, { least: 1 });
if (workers > 1 && cluster.isPrimary) {
	const { supervise } = await import('./cluster.js');
	supervise(workers);
} else {
	await serve();
}

async function serve() {
	const buildDir = process.env.BUILD_DIR
		? resolve(process.env.BUILD_DIR)
		: fileURLToPath(new URL('../build', import.meta.url));
	const { handler } = await import(pathToFileURL(join(buildDir, 'handler.js')).href);
	// Published by the app's init hook while handler.js loaded (src/hooks.server.ts); absent in an
	// environment it cannot serve exactly as SvelteKit would, and then SvelteKit answers syncs.
	const syncRoute = globalThis[Symbol.for('letterday.nodeSyncRoute')];
	console.log(syncRoute ? 'syncs: lean node:http route' : 'syncs: through SvelteKit');
	const site = { https: (process.env.ORIGIN ?? '').startsWith('https://') };
	const compression = !/^(off|0|false|no)$/i.test(process.env.COMPRESSION ?? '');

	const headersTimeout = seconds('HEADERS_TIMEOUT', 10) * 1000;
	// Node refuses a request timeout shorter than the headers timeout.
	const requestTimeout = Math.max(seconds('REQUEST_TIMEOUT', 60) * 1000, headersTimeout);
	const rate = new EventRate(
		wholeNumber('SYNCS_PER_EVENT_PER_SECOND', DEFAULT_SYNCS_PER_EVENT_PER_SECOND, { least: 1 })
	);
	const server = http.createServer({
		headersTimeout,
		requestTimeout,
		keepAliveTimeout: seconds('KEEP_ALIVE_TIMEOUT', 5) * 1000,
		// Node checks both timeouts on this interval (30 s by default), so a short timeout would
		// otherwise be enforced late.
		connectionsCheckingInterval: Math.min(1000, headersTimeout / 2)
	});
	server.on('request', (request, response) => {
		for (const [name, value] of Object.entries(securityHeaders(request.url ?? '/', site))) {
			response.setHeader(name, value);
		}
		if (refuseOverRate(rate, request, response)) return;
		if (compression) compress(request, response);
		if (syncRoute?.(request, response)) return;
		handler(request, response);
	});

	const host = process.env.HOST || '0.0.0.0';
	const port = Number(process.env.PORT || 3000);
	server.listen({ host, port }, () => {
		const address = server.address();
		console.log(
			`Listening on http://${host}:${typeof address === 'object' ? address?.port : port}`
		);
	});

	let shutdown;
	function gracefulShutdown(reason) {
		if (shutdown) return;
		// A kept-alive socket would hold close() until it times out: close the idle ones now.
		server.closeIdleConnections();
		server.close(() => {
			clearTimeout(shutdown);
			// What adapter-node emits: the app closes its database pool on it (hooks.server.ts).
			process.emit('sveltekit:shutdown', reason);
			// A cluster worker's channel to the primary would keep it alive.
			if (cluster.isWorker) cluster.worker?.disconnect();
		});
		shutdown = setTimeout(
			() => server.closeAllConnections(),
			seconds('SHUTDOWN_TIMEOUT', 30) * 1000
		);
		server.on('request', (req) => req.on('close', () => server.closeIdleConnections()));
	}
	process.on('SIGTERM', gracefulShutdown);
	process.on('SIGINT', gracefulShutdown);
}
