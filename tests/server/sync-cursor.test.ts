/**
 * Answers that carry only what changed (docs/api.md, "Cursor"), on both databases: a second
 * sync with the cursor gets only the totals moved since, which merged into the first answer's
 * give the full set and its check; a cursor from another epoch or from ahead gets the full set;
 * a malformed one is refused and stores nothing; an organizer's removal moves the cursor too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCounterKeys } from '$lib/shared/counters';
import type { CounterTotal } from '$lib/shared/domain';
import { randomId } from '$lib/shared/ids';
import { removeDevice } from '$lib/server/db/event-devices';
import type { SyncAnswer } from '$lib/shared/sync-wire';
import { parseCursor, totalsCheck } from '$lib/shared/totals-cursor';
import { totalsAfter } from '$lib/client/sync/answer-totals';
import { backends, type TestDatabase } from './helpers/databases';
import { SyncHarness, newEvent, snapshot, someCaseIds } from './helpers/sync-requests';

const [caseA, caseB, caseC] = someCaseIds() as [string, string, string];
type Key = { caseId: string; kind: string };
const byKey = (a: Key, b: Key) => compareCounterKeys(a as CounterTotal, b as CounterTotal);

for (const backend of backends) {
	describe.skipIf(backend.skip)(`sync cursor on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: SyncHarness;

		beforeAll(async () => {
			testDb = await backend.create();
			server = await SyncHarness.start(testDb);
		});
		afterAll(async () => {
			await server?.close();
			await testDb?.destroy();
		});

		const withCursor = (
			deviceId: string,
			cursor: string | undefined,
			counters = snapshot(deviceId, []).counters
		) => ({
			...snapshot(deviceId, counters),
			...(cursor && { cursor })
		});

		it('a second sync with the cursor gets only the totals that moved since', async () => {
			const event = newEvent();
			const [one, two] = [randomId(), randomId()];
			const first = await server.sync(
				event.id,
				event.key,
				snapshot(one, [
					{ caseId: caseA, kind: 'letter', plus: 3, minus: 0 },
					{ caseId: caseB, kind: 'card', plus: 2, minus: 0 }
				])
			);
			expect(first.full).toBe(true);
			expect(first.totals).toHaveLength(2);
			await server.sync(
				event.id,
				event.key,
				snapshot(two, [
					{ caseId: caseB, kind: 'card', plus: 4, minus: 1 },
					{ caseId: caseC, kind: 'online', plus: 1, minus: 0 }
				])
			);
			const second = await server.sync(event.id, event.key, withCursor(one, first.cursor));
			expect(second.full).toBe(false);
			expect(second.totals).toEqual(
				[
					{ caseId: caseB, kind: 'card', total: 5 },
					{ caseId: caseC, kind: 'online', total: 1 }
				].sort(byKey)
			);
			const whole = await server.sync(event.id, event.key, withCursor(one, undefined));
			expect(whole.full).toBe(true);
			expect(whole.cursor).toBe(second.cursor);
			expect(whole.check).toBe(totalsCheck(whole.totals));
			const merged = totalsAfter(
				{ totals: first.totals, cursor: first.cursor },
				second,
				first.cursor
			);
			expect(merged).toEqual({ kind: 'store', totals: whole.totals, cursor: whole.cursor });

			// Nothing moved since: an empty delta. A replay moves nothing either.
			const again = await server.sync(
				event.id,
				event.key,
				withCursor(one, whole.cursor, [{ caseId: caseA, kind: 'letter', plus: 3, minus: 0 }])
			);
			expect(again).toMatchObject({
				full: false,
				totals: [],
				cursor: whole.cursor,
				check: whole.check
			});
		});

		it('a cursor of another epoch, or ahead of the event, gets the full set', async () => {
			const event = newEvent();
			const device = randomId();
			const first = await server.sync(
				event.id,
				event.key,
				snapshot(device, [{ caseId: caseA, kind: 'letter', plus: 1, minus: 0 }])
			);
			const { epoch, version } = parseCursor(first.cursor)!;
			for (const cursor of [`${epoch}.${version + 5}`, `zz${epoch}.${version}`, `0.0`]) {
				const answer = await server.sync(event.id, event.key, withCursor(device, cursor));
				expect(answer.full).toBe(true);
				expect(answer.totals).toEqual([{ caseId: caseA, kind: 'letter', total: 1 }]);
				expect(answer.cursor).toBe(first.cursor);
			}
		});

		it('a malformed cursor is refused with bad_cursor, and nothing is stored', async () => {
			const event = newEvent();
			const body = {
				...snapshot(randomId(), [{ caseId: caseA, kind: 'letter', plus: 1, minus: 0 }]),
				cursor: 'not a cursor'
			};
			const response = await server.post(event.id, event.key, body);
			expect(response.status).toBe(400);
			expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
				'bad_cursor'
			);
			const stored = await server.db.kysely
				.selectFrom('events')
				.select('id')
				.where('id', '=', event.id)
				.execute();
			expect(stored).toEqual([]);
		});

		it('an organizer removing a device moves the cursor and the check', async () => {
			const event = newEvent();
			const [one, two] = [randomId(), randomId()];
			const first = await server.sync(
				event.id,
				event.key,
				snapshot(one, [{ caseId: caseA, kind: 'letter', plus: 3, minus: 0 }])
			);
			await server.sync(
				event.id,
				event.key,
				snapshot(two, [
					{ caseId: caseA, kind: 'letter', plus: 2, minus: 1 },
					{ caseId: caseB, kind: 'card', plus: 2, minus: 0 }
				])
			);
			const before: SyncAnswer = await server.sync(
				event.id,
				event.key,
				withCursor(one, first.cursor)
			);
			expect(await removeDevice(server.db, event.id, two, 'organizer-1', 1)).toBe('removed');
			const after = await server.sync(event.id, event.key, withCursor(one, before.cursor));
			expect(after.full).toBe(false);
			expect(after.totals).toEqual(
				[
					{ caseId: caseA, kind: 'letter', total: 3 },
					{ caseId: caseB, kind: 'card', total: 0 }
				].sort(byKey)
			);
			const held = totalsAfter(
				{ totals: [...first.totals], cursor: first.cursor },
				before,
				first.cursor
			);
			expect(held.kind).toBe('store');
			const merged = totalsAfter(held.kind === 'store' ? held : undefined, after, before.cursor);
			expect(merged).toMatchObject({ kind: 'store', cursor: after.cursor });
		});
	});
}
