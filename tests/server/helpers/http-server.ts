/**
 * A node:http server around the sync handler, so tests go over real sockets (chunked bodies,
 * lying Content-Length, keep-alive) without building the app: through a Web Request as the
 * SvelteKit route does (`'sveltekit'`), or through the lean route scripts/serve.js puts in front
 * (`'node'`, sync/node-route.ts), which answers 404 `not_taken` for what it leaves to SvelteKit.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { handleSync, type SyncDeps } from '$lib/server/sync/handler';
import { createNodeSyncRoute } from '$lib/server/sync/node-route';

export type SyncRoute = 'sveltekit' | 'node';
export const SYNC_ROUTES: SyncRoute[] = ['sveltekit', 'node'];

export interface HttpServer {
	url: string;
	close(): Promise<void>;
}

const SYNC_PATH = /^\/api\/events\/([^/]+)\/sync$/;

function toRequest(req: IncomingMessage, origin: string): Request {
	const headers = new Headers();
	for (let i = 0; i < req.rawHeaders.length; i += 2) {
		headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
	}
	const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
	return new Request(new URL(req.url ?? '/', origin), {
		method: req.method,
		headers,
		body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
		// @ts-expect-error: Node's fetch needs duplex for a streamed body; lib.dom lacks it.
		duplex: 'half'
	});
}

async function send(res: ServerResponse, response: Response): Promise<void> {
	res.statusCode = response.status;
	response.headers.forEach((value, name) => res.setHeader(name, value));
	res.end(Buffer.from(await response.arrayBuffer()));
}

export async function serveSync(
	deps: SyncDeps,
	port = 0,
	route: SyncRoute = 'sveltekit',
	env: NodeJS.ProcessEnv = { ORIGIN: 'http://127.0.0.1' }
): Promise<HttpServer> {
	const nodeRoute = route === 'node' ? createNodeSyncRoute(deps, env) : undefined;
	if (route === 'node' && !nodeRoute) throw new Error('no node route in this environment');
	const server = createServer((req, res) => {
		if (nodeRoute) {
			if (nodeRoute(req, res)) return;
			req.resume();
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ error: { code: 'not_taken', message: 'left to SvelteKit' } }));
			return;
		}
		const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
		const match = SYNC_PATH.exec(new URL(req.url ?? '/', origin).pathname);
		const work =
			match && req.method === 'POST'
				? handleSync(toRequest(req, origin), decodeURIComponent(match[1]!), deps)
				: Promise.resolve(
						Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 })
					);
		work
			.then((response) => send(res, response))
			.catch((error: unknown) => {
				console.error(error);
				res.statusCode = 500;
				res.end();
			});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${address.port}`,
		close: () =>
			new Promise((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			})
	};
}
