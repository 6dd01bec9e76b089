/**
 * POST /api/events/{eventId}/sync straight on node:http, in front of SvelteKit (scripts/serve.js).
 * A sync through SvelteKit spends most of its CPU on plumbing: a Web Request with its
 * AbortSignal, the body through Node and web streams, the hooks, a Web Response written back
 * (docs/performance.md, "Where the time goes"). This route reads the body from the socket and
 * answers with syncCore, the same function the SvelteKit route adapts (handler.ts), so both give
 * the same answers and the tests of either cover the sync itself.
 *
 * It only takes what it answers exactly as SvelteKit would; everything else goes the long way
 * (the route returns false): another method, a body that is not application/json (SvelteKit's
 * CSRF check and the 415 stay in one place), a Host the hooks would refuse, an undecodable path.
 * The server entry sets the security headers, the per-event rate and compression for both.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostCheckFromEnv } from '$lib/server/http/allowed-host';
import { apiError } from '$lib/server/http/errors';
import { nodeClientAddressOf } from '$lib/server/http/client-address';
import { logRequestError } from '$lib/server/http/log';
import { plainOf, syncCore, type PlainAnswer, type SyncDeps } from './handler';
import { isJsonContentType, readNodeJsonBody } from './read-body';

/** True when it took the request (and will answer it), false to leave it to SvelteKit. */
export type NodeSyncRoute = (request: IncomingMessage, response: ServerResponse) => boolean;

/** Where the route is published for scripts/serve.js, which loads build/handler.js (plain JS,
 * no access to the compiled server modules): hooks.server.ts's init sets it. */
export const NODE_SYNC_ROUTE = Symbol.for('letterday.nodeSyncRoute');

const SYNC_PATH = /^\/api\/events\/([^/?#]+)\/sync(?:\?|$)/;

/** adapter-node's reading of BODY_SIZE_LIMIT (512K by default; K, M, G suffixes). */
function bodySizeLimit(value: string): number {
	const unit = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[value.slice(-1).toUpperCase()];
	return unit ? Number(value.slice(0, -1)) * unit : Number(value);
}

/** Whether adapter-node would give the request a body (its get_raw_body), i.e. whether bytes
 * may be left unread on the socket. */
function hasBody(request: IncomingMessage): boolean {
	const length = Number(request.headers['content-length']);
	if (length === 0) return false;
	return !(
		request.httpVersionMajor === 1 &&
		!Number.isFinite(length) &&
		request.headers['transfer-encoding'] === undefined
	);
}

/**
 * The route for this process's environment, or undefined when it cannot tell the Host as
 * adapter-node does (no ORIGIN and a PROTOCOL_/HOST_/PORT_HEADER to derive it from): then every
 * sync goes through SvelteKit as before.
 */
export function createNodeSyncRoute(
	deps: SyncDeps,
	env: NodeJS.ProcessEnv = process.env
): NodeSyncRoute | undefined {
	if (!env.ORIGIN && (env.PROTOCOL_HEADER || env.HOST_HEADER || env.PORT_HEADER)) return undefined;
	const hostAllowed = hostCheckFromEnv(env);
	const cap = bodySizeLimit(env.BODY_SIZE_LIMIT || '512K');
	const addressOf = nodeClientAddressOf(env);

	/** The hooks' Host check (hooks.server.ts) on the origin adapter-node would build. */
	const hostPasses = (request: IncomingMessage): boolean => {
		if (env.ORIGIN) return true;
		try {
			return hostAllowed(new URL(`https://${request.headers.host ?? ''}`));
		} catch {
			return false;
		}
	};

	async function answer(request: IncomingMessage, response: ServerResponse, eventId: string) {
		let plain: PlainAnswer;
		try {
			plain = await syncCore(
				{
					eventId,
					authorization: request.headers.authorization ?? null,
					hasBody: hasBody(request),
					readBody: (limit) => readNodeJsonBody(request, limit, cap),
					clientAddress: addressOf(request)
				},
				deps
			);
		} catch (error) {
			logRequestError(500, 'POST', request.url ?? '', error);
			plain = await plainOf(
				apiError(500, 'internal_error', 'The sync could not be stored; try again later')
			);
		}
		if (response.destroyed) return;
		response.writeHead(plain.status, {
			...plain.headers,
			'content-length': String(Buffer.byteLength(plain.body))
		});
		response.end(plain.body);
	}

	return (request, response) => {
		if (request.method !== 'POST') return false;
		const match = SYNC_PATH.exec(request.url ?? '');
		if (!match || !isJsonContentType(request.headers['content-type'] ?? null)) return false;
		if (!hostPasses(request)) return false;
		let eventId: string;
		try {
			eventId = decodeURIComponent(match[1]!);
		} catch {
			return false;
		}
		void answer(request, response, eventId);
		return true;
	};
}
