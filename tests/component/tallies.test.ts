import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { render, screen } from '@testing-library/svelte';
import { counterKey } from '$lib/shared/counters';
import type { EventFigures } from '$lib/client/sync/event-figures';
import { Tallies } from '../../src/routes/(host)/event/tallies.svelte';
import TalliesHarness from './TalliesHarness.svelte';

const figures = (
	own: Record<string, number>,
	all: Record<string, number> | null = null
): EventFigures => ({
	own: new Map(Object.entries(own).map(([id, n]) => [counterKey(id, 'letter'), n])),
	all: all && new Map(Object.entries(all).map(([id, n]) => [counterKey(id, 'letter'), n])),
	others: all !== null,
	waiting: 0
});

function setup() {
	const tallies = new Tallies();
	const draws: string[] = [];
	render(TalliesHarness, { props: { tallies, drawn: (which) => draws.push(which) } });
	const text = (id: string) => screen.getByTestId(id).textContent;
	return { tallies, draws, text };
}

describe('Tallies (the event screen counts, one rune per counter)', () => {
	it('shows each counter from the figures, 0 for one never counted', () => {
		const { tallies, text } = setup();
		tallies.update(figures({ 'case-a': 3 }));
		flushSync();
		expect([text('a'), text('b'), text('a-all')]).toEqual(['3', '0', '-']);
	});

	it('redraws only the count that moved when new figures come', () => {
		const { tallies, draws, text } = setup();
		tallies.update(figures({ 'case-a': 3, 'case-b': 5 }));
		flushSync();
		draws.length = 0;
		tallies.update(figures({ 'case-a': 4, 'case-b': 5 }));
		flushSync();
		expect(draws).toEqual(['a']);
		expect([text('a'), text('b')]).toEqual(['4', '5']);
	});

	it('gives every table’s count once another device has synced, and drops it if not', () => {
		const { tallies, text } = setup();
		tallies.update(figures({ 'case-a': 1 }, { 'case-a': 9 }));
		flushSync();
		expect(text('a-all')).toBe('9');
		tallies.update(figures({ 'case-a': 1 }));
		flushSync();
		expect(text('a-all')).toBe('-');
	});

	it('shows 0 again when the figures go away (another event, or none yet)', () => {
		const { tallies, text } = setup();
		tallies.update(figures({ 'case-a': 2 }));
		flushSync();
		tallies.update(undefined);
		flushSync();
		expect(text('a')).toBe('0');
	});
});
