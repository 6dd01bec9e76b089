import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LetterdayDB, useDatabase } from '$lib/client/db/database';
import { dirtyCount, eventCounters, tap, undo } from '$lib/client/repos/tally';
import { counterKey, totalsOfStates } from '$lib/shared/counters';

let database: LetterdayDB;
let n = 0;

beforeEach(() => {
	database = new LetterdayDB(`tally-test-${n++}`);
	useDatabase(database);
});
afterEach(async () => {
	await database.delete();
});

describe('tally repo', () => {
	it('writes the counter row and its dirty mark in one transaction', async () => {
		await tap('event-a', 'case-1', 'letter');
		const row = await database.counters.get(['event-a', 'case-1', 'letter']);
		expect(row).toMatchObject({ plus: 1, minus: 0, dirty: 1, rev: 1 });
	});

	it('stores neither the value nor the dirty mark when the transaction fails', async () => {
		// A failing hook aborts the same read-write transaction the tap runs in.
		database.counters.hook('creating', () => {
			throw new Error('disk full');
		});
		await expect(tap('event-a', 'case-1', 'letter')).rejects.toThrow('disk full');
		expect(await database.counters.count()).toBe(0);
		expect(await dirtyCount('event-a')).toBe(0);
	});

	it('adds a batch of N and refuses a batch that is not a sensible whole number', async () => {
		expect(await tap('event-a', 'case-1', 'card', 12)).toBe(12);
		await expect(tap('event-a', 'case-1', 'card', 0)).rejects.toThrow(RangeError);
		await expect(tap('event-a', 'case-1', 'card', 2.5)).rejects.toThrow(RangeError);
		await expect(tap('event-a', 'case-1', 'card', 501)).rejects.toThrow(RangeError);
		expect(await tap('event-a', 'case-1', 'card')).toBe(13);
	});

	it('never takes a total below zero on undo', async () => {
		await tap('event-a', 'case-1', 'letter');
		expect(await undo('event-a', 'case-1', 'letter')).toBe(0);
		expect(await undo('event-a', 'case-1', 'letter')).toBe(0);
		expect(await undo('event-a', 'case-2', 'letter')).toBe(0);
		const row = await database.counters.get(['event-a', 'case-1', 'letter']);
		// Undo is a monotonic minus: the counter stays mergeable by max on the server.
		expect(row).toMatchObject({ plus: 1, minus: 1 });
		expect(await database.counters.get(['event-a', 'case-2', 'letter'])).toBeUndefined();
	});

	it('keeps several events apart', async () => {
		await tap('event-a', 'case-1', 'letter', 3);
		await tap('event-b', 'case-1', 'letter', 5);
		await tap('event-b', '_event', 'participants', 20);
		const a = totalsOfStates(await eventCounters('event-a'));
		const b = totalsOfStates(await eventCounters('event-b'));
		expect(a).toEqual(new Map([[counterKey('case-1', 'letter'), 3]]));
		expect(b).toEqual(
			new Map([
				[counterKey('case-1', 'letter'), 5],
				[counterKey('_event', 'participants'), 20]
			])
		);
		expect(await dirtyCount('event-a')).toBe(1);
		expect(await dirtyCount('event-b')).toBe(2);
	});

	it('bumps the revision on every write so a sync can spot rows changed in flight', async () => {
		await tap('event-a', 'case-1', 'letter');
		await tap('event-a', 'case-1', 'letter');
		await undo('event-a', 'case-1', 'letter');
		const row = await database.counters.get(['event-a', 'case-1', 'letter']);
		expect(row?.rev).toBe(3);
	});
});
