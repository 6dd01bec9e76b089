import { sql } from 'kysely';
import { version } from '../../../../package.json';
import { getDb } from '$lib/server/db';
import { apiError } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

const TIMEOUT_MS = 2_000;

/** Liveness for load balancers and the host app: 200 only when the database answers. */
export const GET: RequestHandler = async () => {
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		const db = await Promise.race([
			getDb().then(async (db) => {
				await sql`select 1`.execute(db.kysely);
				return db;
			}),
			new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS);
			})
		]);
		return new Response(JSON.stringify({ ok: true, db: db.dialect, version }), {
			headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
		});
	} catch (error) {
		console.error('health: database unreachable', error);
		const response = apiError(503, 'db_unavailable', 'The database is unreachable');
		response.headers.set('cache-control', 'no-store');
		return response;
	} finally {
		clearTimeout(timer);
	}
};
