import { SvelteMap } from 'svelte/reactivity';
import type { EventFigures } from '$lib/client/sync/event-figures';
import { counterKey } from '$lib/shared/counters';
import type { CounterKind } from '$lib/shared/domain';

/** One counter's figures as runes: this device's count, and every table's (or undefined). */
class Cell {
	own = $state(0);
	all = $state<number | undefined>();
}

/**
 * The event screen's counts, one rune per counter. The screen's one live read brings every
 * figure after each tap; `update` writes them cell by cell, and a rune set to the value it
 * already holds wakes nobody, so a tap re-renders the one control whose count moved instead of
 * all 54. The values are the committed ones the read brought: nothing here counts ahead.
 *
 * Cells are made by `update`, never by a read: Svelte does not track a rune in the reaction
 * that created it, so a cell made while a control draws would never redraw it.
 */
export class Tallies {
	#cells = new SvelteMap<string, Cell>();
	/** Another device has synced: a counter with no cell is then 0 in all, not undefined. */
	#others = $state(false);

	update(figures: EventFigures | undefined): void {
		const own = figures?.own;
		const all = figures?.others ? figures.all : null;
		this.#others = figures?.others ?? false;
		for (const key of [...(own?.keys() ?? []), ...(all?.keys() ?? [])]) {
			if (!this.#cells.has(key)) this.#cells.set(key, new Cell());
		}
		for (const [key, cell] of this.#cells) {
			cell.own = own?.get(key) ?? 0;
			cell.all = all ? (all.get(key) ?? 0) : undefined;
		}
	}

	own(caseId: string, kind: CounterKind): number {
		return this.#cells.get(counterKey(caseId, kind))?.own ?? 0;
	}

	/** Every table's count once another device has synced, else undefined (same numbers). */
	all(caseId: string, kind: CounterKind): number | undefined {
		const cell = this.#cells.get(counterKey(caseId, kind));
		if (cell) return cell.all;
		return this.#others ? 0 : undefined;
	}
}
