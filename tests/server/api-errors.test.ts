/**
 * The API's error answers over HTTP from the built server: one JSON shape everywhere, unknown
 * paths included, and never cacheable. Needs `npm run build` first (as `npm test` does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeAppServer, startAppServer, type AppServer } from '../e2e/helpers/app-server';

let server: AppServer;
beforeAll(async () => {
	server = await startAppServer();
});
afterAll(() => disposeAppServer(server));

describe('API errors', () => {
	it.each(['GET', 'POST', 'DELETE'])(
		'answers an unknown /api path (%s) with the JSON error shape',
		async (method) => {
			const response = await fetch(`${server.url}/api/no/such/endpoint`, { method });
			expect(response.status).toBe(404);
			expect(response.headers.get('content-type')).toContain('application/json');
			expect(response.headers.get('cache-control')).toBe('no-store');
			const body = (await response.json()) as { error: { code: string; message: string } };
			expect(body.error.code).toBe('not_found');
			expect(body.error.message).toMatch(/docs\/api\.md/);
		}
	);

	it('marks a refused sync no-store', async () => {
		const response = await fetch(`${server.url}/api/events/short/sync`, { method: 'POST' });
		expect(response.status).toBe(400);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
			'bad_event_id'
		);
	});

	it('still serves the real endpoints beside the fallback', async () => {
		const response = await fetch(`${server.url}/api/health`);
		expect(response.status).toBe(200);
	});
});
