/**
 * The data path triggers the sync: a tap saved through the repo reaches the server a few seconds
 * later with no screen asking for it, a burst of taps makes one request, and nothing is sent
 * while the browser says it is offline. jsdom gives the engine its window and document; the
 * endpoint is the real handler on a SQLite file.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LetterdayDB, useDatabase } from '$lib/client/db/database';
import { createEvent } from '$lib/client/repos/events';
import { getSyncState } from '$lib/client/repos/sync-state';
import { dirtyCount, tap } from '$lib/client/repos/tally';
import { syncEngine } from '$lib/client/sync/engine.svelte';
import { sampleEvent, startEndpoint, type TestEndpoint } from '../helpers/sync-endpoint';

let server: TestEndpoint;
let requests: string[];
let online = true;

beforeAll(async () => {
	server = await startEndpoint();
	Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
});
afterAll(() => server.close());

beforeEach(async () => {
	useDatabase(new LetterdayDB(`engine-${Math.random()}`));
	requests = [];
	const handler = server.fetcher();
	vi.stubGlobal('fetch', ((input, init) => {
		requests.push(String(input));
		return handler(input, init);
	}) as typeof fetch);
	// Only the engine's timers are faked; IndexedDB's own scheduling stays real.
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
	syncEngine.start();
	await syncEngine.request();
	requests = [];
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
	online = true;
});

const details = sampleEvent;

describe('the sync engine learns of changes from the repos', () => {
	it('sends a burst of taps in one request a few seconds after the last one', async () => {
		const event = await createEvent(details);
		await tap(event.id, 'case-one', 'letter');
		await vi.advanceTimersByTimeAsync(3_000);
		await tap(event.id, 'case-one', 'letter', 2);
		await tap(event.id, 'case-two', 'card');
		await vi.advanceTimersByTimeAsync(4_900);
		expect(requests).toEqual([]);

		await vi.advanceTimersByTimeAsync(200);
		await vi.waitFor(async () => expect(await dirtyCount(event.id)).toBe(0));
		expect(requests).toEqual([`/api/events/${event.id}/sync`]);
		expect((await getSyncState(event.id))?.totals).toEqual([
			{ caseId: 'case-one', kind: 'letter', total: 3 },
			{ caseId: 'case-two', kind: 'card', total: 1 }
		]);
	});

	it('sends nothing while offline, and keeps the count for later', async () => {
		const event = await createEvent(details);
		online = false;
		await tap(event.id, 'case-one', 'letter');
		await vi.advanceTimersByTimeAsync(6_000);
		expect(requests).toEqual([]);
		expect(await dirtyCount(event.id)).toBe(1);
	});
});
