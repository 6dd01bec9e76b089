/**
 * The follow-up rules at their edges (docs/organizers.md, "Follow-up"), with `now` injected:
 * the event's day ends at midnight in its province's time zone, daylight saving included; a
 * silence of exactly N days counts. Then the lists as the page reads them from a database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '$lib/shared/ids';
import {
	DAY_MS,
	awaitsReport,
	dayAfterEvent,
	followUp,
	isSilent,
	parseSilentDays
} from '$lib/server/organizer/follow-up';
import { readFollowUpPage } from '$lib/server/organizer/pages';
import type { EventSummary } from '$lib/shared/organizer-figures';
import type { Province } from '$lib/shared/domain';
import { backends, type TestDatabase } from './helpers/databases';
import { SyncHarness, details, newEvent, snapshot } from './helpers/sync-requests';

const at = (iso: string) => Date.parse(iso);

function event(date: string, province: Province, lastSyncAt: number, name = 'x'): EventSummary {
	return { id: randomId(), name, venue: '', city: '', province, date, lastSyncAt, createdAt: 0 };
}

describe('the day after an event, where it happens', () => {
	it.each([
		// Standard time in December: Vancouver UTC−8, St. John's UTC−3:30, Halifax UTC−4.
		['2026-12-10', 'BC', '2026-12-11T08:00:00Z'],
		['2026-12-10', 'NL', '2026-12-11T03:30:00Z'],
		['2026-12-10', 'NS', '2026-12-11T04:00:00Z'],
		['2026-12-10', 'ON', '2026-12-11T05:00:00Z'],
		['2026-12-10', 'QC', '2026-12-11T05:00:00Z'],
		['2026-12-10', 'YT', '2026-12-11T07:00:00Z'],
		// Saskatchewan keeps UTC−6 all year; Ontario is on daylight time in July.
		['2026-07-01', 'SK', '2026-07-02T06:00:00Z'],
		['2026-07-01', 'ON', '2026-07-02T04:00:00Z'],
		// Clocks go forward at 2 a.m. on 2026-03-08: the midnight that starts it is still EST,
		// the next one EDT.
		['2026-03-07', 'ON', '2026-03-08T05:00:00Z'],
		['2026-03-08', 'ON', '2026-03-09T04:00:00Z'],
		// Month and year ends.
		['2026-12-31', 'AB', '2027-01-01T07:00:00Z'],
		['2028-02-28', 'MB', '2028-02-29T06:00:00Z']
	] as const)('%s in %s ends at %s', (date, province, end) => {
		expect(new Date(dayAfterEvent({ date, province })).toISOString()).toBe(
			new Date(at(end)).toISOString()
		);
	});
});

describe('no report since the event', () => {
	const end = at('2026-12-11T08:00:00Z'); // midnight after 2026-12-10 in Vancouver
	const synced = (lastSyncAt: number) => event('2026-12-10', 'BC', lastSyncAt);

	it('waits until the day is over where the event is', () => {
		expect(awaitsReport(synced(end - 1), end - 1)).toBe(false);
		expect(awaitsReport(synced(end - 1), end)).toBe(true);
		// The same instant is already the next day in Halifax.
		const halifax = event('2026-12-10', 'NS', at('2026-12-10T20:00:00Z'));
		expect(awaitsReport(halifax, end - 1)).toBe(true);
	});

	it('counts a sync at midnight or later as a report, one before it not', () => {
		expect(awaitsReport(synced(end), end + DAY_MS)).toBe(false);
		expect(awaitsReport(synced(end - 1), end + DAY_MS)).toBe(true);
		// A sync during the day itself may have missed the day's last counts.
		expect(awaitsReport(synced(at('2026-12-10T20:00:00Z')), end + DAY_MS)).toBe(true);
		// Synced when it was set up, weeks before, and never again.
		expect(awaitsReport(synced(at('2026-11-20T15:00:00Z')), end + 30 * DAY_MS)).toBe(true);
	});
});

describe('silent for N days', () => {
	const now = at('2026-12-20T12:00:00Z');

	it('includes a silence of exactly N days, not one a millisecond shorter', () => {
		expect(isSilent({ lastSyncAt: now - 7 * DAY_MS }, now, 7)).toBe(true);
		expect(isSilent({ lastSyncAt: now - 7 * DAY_MS + 1 }, now, 7)).toBe(false);
		expect(isSilent({ lastSyncAt: now - DAY_MS }, now, 1)).toBe(true);
	});

	it('takes N as a whole number of days from 1 to 365, else 7', () => {
		expect(parseSilentDays(null)).toEqual({ days: 7, valid: true });
		expect(parseSilentDays('')).toEqual({ days: 7, valid: true });
		expect(parseSilentDays('3')).toEqual({ days: 3, valid: true });
		expect(parseSilentDays('365')).toEqual({ days: 365, valid: true });
		for (const bad of ['0', '366', '2.5', '-1', 'soon']) {
			expect(parseSilentDays(bad), bad).toEqual({ days: 7, valid: false });
		}
	});

	it('orders the lists: oldest event day first, longest silence first', () => {
		const a = event('2026-12-01', 'ON', now - 20 * DAY_MS, 'a');
		const b = event('2026-11-20', 'ON', now - 31 * DAY_MS, 'b');
		const c = event('2026-12-30', 'ON', now - 30 * DAY_MS, 'c');
		const lists = followUp([a, b, c], now, 7);
		expect(lists.awaitingReport.map((e) => e.name)).toEqual(['b', 'a']);
		expect(lists.silent.map((e) => e.name)).toEqual(['b', 'c', 'a']);
	});
});

for (const backend of backends) {
	describe.skipIf(backend.skip)(`follow-up lists from ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: SyncHarness;
		let clock = 0;

		beforeAll(async () => {
			testDb = await backend.create();
			server = await SyncHarness.start(testDb, () => clock);
		});
		afterAll(async () => {
			await server?.close();
			await testDb?.destroy();
		});

		async function syncAt(when: string, name: string, date: string, province: Province) {
			clock = at(when);
			const e = newEvent();
			await server.sync(
				e.id,
				e.key,
				snapshot(randomId(), [], details({ name, date, province, updatedAt: clock }))
			);
		}

		it('reads both lists for the N the page asks for', async () => {
			// Montreal, Dec 10: last heard during its day; Regina, Dec 10: the morning after.
			await syncAt('2026-12-10T22:00:00Z', 'During the day', '2026-12-10', 'QC');
			await syncAt('2026-12-11T06:00:00Z', 'Morning after', '2026-12-10', 'SK');
			// Not held yet, set up two weeks ago.
			await syncAt('2026-12-01T15:00:00Z', 'Next week', '2026-12-22', 'ON');
			const now = at('2026-12-15T12:00:00Z');
			const page = await readFollowUpPage(server.db, 4, now);
			expect(page.awaitingReport.map((e) => e.name)).toEqual(['During the day']);
			expect(page.silent.map((e) => e.name)).toEqual([
				'Next week',
				'During the day',
				'Morning after'
			]);
			expect(page.silentDays).toBe(4);
			expect((await readFollowUpPage(server.db, 13, now)).silent.map((e) => e.name)).toEqual([
				'Next week'
			]);
		});
	});
}
