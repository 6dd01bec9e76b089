import { version } from '../../../../package.json';
import { checkDatabase } from '$lib/server/db/health';
import { apiError } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

const TIMEOUT_MS = 2_000;

/** Liveness for load balancers and the host app: 200 only when the database answers. */
export const GET: RequestHandler = async () => {
	try {
		const db = await checkDatabase(TIMEOUT_MS);
		return new Response(JSON.stringify({ ok: true, db, version }), {
			headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
		});
	} catch (error) {
		console.error('health: database unreachable', error);
		const response = apiError(503, 'db_unavailable', 'The database is unreachable');
		response.headers.set('cache-control', 'no-store');
		return response;
	}
};
