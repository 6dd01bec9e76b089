import { describe, expect, it } from 'vitest';
import { counterKey } from '$lib/shared/counters';
import { rankCases, rowsToShow } from '../../src/routes/(host)/event/projector/case-figures';

const row = (id: string) => ({ id, sheet: { name: `Name of ${id}` } });

describe('projector case figures', () => {
	const figures = new Map([
		[counterKey('b', 'letter'), 3],
		[counterKey('b', 'card'), 2],
		[counterKey('c', 'online'), 5],
		[counterKey('old', 'petition'), 1],
		// Head counts are the event's, never a case's.
		[counterKey('a', 'participants'), 40]
	]);

	it('sums the four kinds per case, largest first, ties and zeros in pack order', () => {
		const ranked = rankCases([row('a'), row('b'), row('c'), row('d')], [], figures);
		expect(ranked.map((c) => [c.id, c.total])).toEqual([
			['b', 5],
			['c', 5],
			['a', 0],
			['d', 0]
		]);
		expect(ranked[0]!.name).toBe('Name of b');
	});

	it('keeps a retired case only when it was counted', () => {
		const ranked = rankCases([row('a')], [row('old'), row('gone')], figures);
		expect(ranked.map((c) => c.id)).toEqual(['old', 'a']);
	});

	it('carries each case’s latest status from its updates (latest first), none for a retired case', () => {
		const update = (id: string, status: 'released' | 'sentenced' | null) => ({
			id,
			date: '2026-11-01',
			status,
			note: 'Test update: the suite checks this note.'
		});
		const withNews = {
			id: 'b',
			sheet: { name: 'Name of b', updates: [update('u2', null), update('u1', 'released')] }
		};
		const ranked = rankCases([row('a'), withNews], [row('old')], figures);
		expect(ranked.map((c) => [c.id, c.status])).toEqual([
			['b', 'released'],
			['old', null],
			['a', null]
		]);
	});

	it('shows every row that fits, or one fewer to say how many more', () => {
		expect(rowsToShow(5, 8)).toBe(5);
		expect(rowsToShow(8, 8)).toBe(8);
		expect(rowsToShow(13, 6)).toBe(5);
		expect(rowsToShow(13, 0)).toBe(13);
		expect(rowsToShow(13, 1)).toBe(0);
	});
});
