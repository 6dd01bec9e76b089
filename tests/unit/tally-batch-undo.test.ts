import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LetterdayDB, useDatabase } from '$lib/client/db/database';
import { importBackup, readBackup } from '$lib/client/repos/backup';
import { createEvent, getEvent } from '$lib/client/repos/events';
import { setFeaturedCases } from '$lib/client/repos/event-screen';
import { serializeBackup } from '$lib/shared/backup';
import { parseBackup } from '$lib/shared/backup-schema';
import { getSyncState } from '$lib/client/repos/sync-state';
import { dirtyCount, eventCounters, tap, undo } from '$lib/client/repos/tally';
import { eventFigures } from '$lib/client/sync/event-figures';
import { counterKey } from '$lib/shared/counters';

let database: LetterdayDB;
let n = 0;

beforeEach(() => {
	database = new LetterdayDB(`tally-batch-test-${n++}`);
	useDatabase(database);
});
afterEach(async () => {
	await database.delete();
});

describe('undo of a batch', () => {
	it('takes a whole batch back in one write: minus grows by n, the row stays dirty', async () => {
		await tap('event-a', 'case-1', 'letter', 3);
		await tap('event-a', 'case-1', 'letter', 12);
		expect(await undo('event-a', 'case-1', 'letter', 12)).toBe(3);
		const row = await database.counters.get(['event-a', 'case-1', 'letter']);
		// Three writes, three revisions: the batch undo was ONE write, not twelve.
		expect(row).toMatchObject({ plus: 15, minus: 12, dirty: 1, rev: 3 });
		expect(await dirtyCount('event-a')).toBe(1);
	});

	it('never takes this device’s own total below zero', async () => {
		await tap('event-a', 'case-1', 'card', 5);
		expect(await undo('event-a', 'case-1', 'card', 12)).toBe(0);
		expect(await database.counters.get(['event-a', 'case-1', 'card'])).toMatchObject({
			plus: 5,
			minus: 5
		});
		// Nothing left to take back: no write at all, not even a revision bump.
		expect(await undo('event-a', 'case-1', 'card', 3)).toBe(0);
		expect(await database.counters.get(['event-a', 'case-1', 'card'])).toMatchObject({
			minus: 5,
			rev: 2
		});
		expect(await undo('event-a', 'case-9', 'card', 4)).toBe(0);
		expect(await database.counters.get(['event-a', 'case-9', 'card'])).toBeUndefined();
	});

	it('refuses a count that is not a sensible whole number', async () => {
		await tap('event-a', 'case-1', 'letter', 10);
		await expect(undo('event-a', 'case-1', 'letter', 0)).rejects.toThrow(RangeError);
		await expect(undo('event-a', 'case-1', 'letter', 1.5)).rejects.toThrow(RangeError);
		await expect(undo('event-a', 'case-1', 'letter', 501)).rejects.toThrow(RangeError);
		expect(await undo('event-a', 'case-1', 'letter')).toBe(9);
	});
});

describe('the event screen’s figures', () => {
	it('gives the rows and the sync state; all-devices figures wait for another device', async () => {
		await tap('event-a', 'case-1', 'letter', 2);
		await tap('event-b', 'case-1', 'letter', 7);
		// The screen's two live reads: this device's rows and the sync state.
		const eventStatus = async (eventId: string) => ({
			rows: await eventCounters(eventId),
			sync: await getSyncState(eventId)
		});
		let status = await eventStatus('event-a');
		let figures = eventFigures(status.rows, status.sync);
		expect(figures.own.get(counterKey('case-1', 'letter'))).toBe(2);
		expect(figures).toMatchObject({ all: null, others: false, waiting: 1 });

		const synced = {
			eventId: 'event-a',
			lastSyncAt: 1,
			lastAttemptAt: 1,
			lastError: null,
			totals: [{ caseId: 'case-1', kind: 'letter' as const, total: 2 }],
			ownAtSync: [{ caseId: 'case-1', kind: 'letter' as const, total: 2 }],
			devices: 1
		};
		await database.syncState.put(synced);
		status = await eventStatus('event-a');
		figures = eventFigures(status.rows, status.sync);
		expect(figures.others).toBe(false);

		// Only another device's counts on the server (relayed from a backup, say): shown.
		await database.syncState.put({ ...synced, ownAtSync: [] });
		status = await eventStatus('event-a');
		expect(eventFigures(status.rows, status.sync).others).toBe(true);

		await database.syncState.put({
			...synced,
			totals: [{ caseId: 'case-1', kind: 'letter', total: 9 }],
			devices: 2
		});
		status = await eventStatus('event-a');
		figures = eventFigures(status.rows, status.sync);
		expect(figures.others).toBe(true);
		expect(figures.all?.get(counterKey('case-1', 'letter'))).toBe(9);
	});
});

describe('featured cases', () => {
	const details = {
		name: 'Write-in',
		venue: 'Hall',
		city: 'Moncton',
		province: 'NB' as const,
		date: '2026-12-10',
		lang: 'en' as const,
		expected: null
	};

	it('are every case until chosen, kept on the event row, and cleared back to every case', async () => {
		const event = await createEvent(details);
		expect((await getEvent(event.id))?.featured).toBeUndefined();
		await setFeaturedCases(event.id, ['case-2', 'case-5']);
		const row = await getEvent(event.id);
		expect(row?.featured).toEqual(['case-2', 'case-5']);
		// The rest of the row is untouched: no details stamp moved, nothing marked to sync.
		expect(row).toMatchObject({ name: 'Write-in', updatedAt: event.updatedAt, detailsDirty: 1 });
		await database.events.update(event.id, { detailsDirty: 0 });
		await setFeaturedCases(event.id, ['case-5']);
		expect(await getEvent(event.id)).toMatchObject({ featured: ['case-5'], detailsDirty: 0 });
		await setFeaturedCases(event.id, null);
		expect('featured' in ((await getEvent(event.id)) ?? {})).toBe(false);
	});

	it('refuses an event that is not on the device', async () => {
		await expect(setFeaturedCases('nope', [])).rejects.toThrow(/not on this device/);
	});

	it('stay out of the backup file, and a restore keeps the device’s own choice', async () => {
		const event = await createEvent(details);
		await tap(event.id, 'case-2', 'letter', 4);
		await setFeaturedCases(event.id, ['case-2']);
		const file = serializeBackup(await readBackup());
		expect(file).not.toContain('featured');
		const parsed = parseBackup(file);
		if (!parsed.ok) throw new Error('the backup did not read back');
		// Merging the file into the same device changes neither the counts nor the choice.
		await importBackup(parsed.backup);
		expect((await getEvent(event.id))?.featured).toEqual(['case-2']);
		// A file that does carry the field (a later version, say) still reads: it is ignored.
		const withField = JSON.parse(file);
		withField.events[0].featured = ['case-9'];
		expect(parseBackup(JSON.stringify(withField)).ok).toBe(true);
	});
});
