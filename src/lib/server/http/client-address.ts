import type { RequestEvent } from '@sveltejs/kit';
import type { IncomingMessage } from 'node:http';

/**
 * The client's address for per-address limits. Behind a proxy adapter-node reads it from
 * ADDRESS_HEADER and throws when a request lacks that header (one sent straight to the process,
 * around the proxy); such requests share one bucket instead of failing with a 500.
 */
export function clientAddressOf(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'no-address-header';
	}
}

/**
 * The same address for a request the lean sync route (sync/node-route.ts) takes straight from
 * node:http: what adapter-node's getClientAddress computes from ADDRESS_HEADER and XFF_DEPTH
 * (build/handler.js), with the fallback above where adapter-node would throw.
 */
export function nodeClientAddressOf(
	env: NodeJS.ProcessEnv = process.env
): (request: IncomingMessage) => string {
	const header = (env.ADDRESS_HEADER ?? '').toLowerCase();
	const depth = parseInt(env.XFF_DEPTH ?? '1');
	const absent = 'no-address-header';
	return (request) => {
		if (!header) return request.socket.remoteAddress ?? absent;
		const value = request.headers[header];
		if (value === undefined) return absent;
		const text = Array.isArray(value) ? value.join(', ') : value;
		if (header !== 'x-forwarded-for') return text;
		const addresses = text.split(',');
		if (!(depth >= 1) || depth > addresses.length) return absent;
		return addresses[addresses.length - depth]!.trim();
	};
}
