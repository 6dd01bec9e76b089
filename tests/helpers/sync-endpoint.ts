/**
 * The real sync endpoint handler on a real SQLite file, reached through a `fetch` that skips only
 * the HTTP hop: client and server logic are both real in device-side tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type AppDb } from '$lib/server/db';
import { handleSync } from '$lib/server/sync/handler';

export const CASES = new Set(['case-one', 'case-two']);

/** A new event as a host fills in the form, for device-side tests. */
export const sampleEvent = {
	name: 'Library write-in',
	venue: 'Main branch',
	city: 'Halifax',
	province: 'NS' as const,
	date: '2026-12-10',
	lang: 'en' as const,
	expected: 30
};

export interface TestEndpoint {
	db: AppDb;
	/** A fetch that hands the request to the handler; `duringRequest` runs mid-flight. */
	fetcher(duringRequest?: () => Promise<void>): typeof fetch;
	close(): Promise<void>;
}

export async function startEndpoint(): Promise<TestEndpoint> {
	const dir = mkdtempSync(join(tmpdir(), 'letterday-endpoint-'));
	const db = await openDatabase({ sqliteFile: join(dir, 'server.sqlite') });
	return {
		db,
		fetcher: (duringRequest) => async (input, init) => {
			const url = new URL(String(input), 'http://letterday.test');
			const eventId = decodeURIComponent(url.pathname.split('/')[3] ?? '');
			const request = new Request(url, init);
			await duringRequest?.();
			return handleSync(request, eventId, {
				database: async () => db,
				cases: () => ({ ids: CASES })
			});
		},
		async close() {
			await db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
