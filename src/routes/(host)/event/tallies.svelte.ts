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
 */
export class Tallies {
	// A plain Map on purpose: the cells are the runes; which cells exist is nobody's concern.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#cells = new Map<string, Cell>();
	#figures: EventFigures | undefined;

	update(figures: EventFigures | undefined): void {
		this.#figures = figures;
		for (const [key, cell] of this.#cells) this.#fill(key, cell);
	}

	own(caseId: string, kind: CounterKind): number {
		return this.#cell(counterKey(caseId, kind)).own;
	}

	/** Every table's count once another device has synced, else undefined (same numbers). */
	all(caseId: string, kind: CounterKind): number | undefined {
		return this.#cell(counterKey(caseId, kind)).all;
	}

	#cell(key: string): Cell {
		let cell = this.#cells.get(key);
		if (!cell) {
			cell = new Cell();
			this.#fill(key, cell);
			this.#cells.set(key, cell);
		}
		return cell;
	}

	#fill(key: string, cell: Cell): void {
		const figures = this.#figures;
		cell.own = figures?.own.get(key) ?? 0;
		cell.all = figures?.others ? (figures.all?.get(key) ?? 0) : undefined;
	}
}
