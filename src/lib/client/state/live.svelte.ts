import { liveQuery } from 'dexie';

/**
 * A Dexie live query as a rune: `.current` is undefined until the first result, then follows
 * every committed change. Create it during component initialisation; the query re-runs when a
 * reactive value it reads synchronously (before its first await) changes.
 */
export class Live<T> {
	#current = $state<T | undefined>();

	constructor(query: () => Promise<T>) {
		$effect(() => {
			// Dexie runs the querier at once only when no other Dexie work is settling; otherwise a
			// microtask later, where this effect no longer sees the reactive values it reads (the
			// event screen's cases stayed in English after a switch to French). So call it here
			// once too: the effect tracks those values. Its result is dropped; liveQuery's own
			// call is the one that observes the tables.
			query().catch(() => undefined);
			const subscription = liveQuery(query).subscribe({
				next: (value) => (this.#current = value),
				// No screen shows query errors yet: say so where a developer will see it.
				error: (error) => console.error('live query failed', error)
			});
			return () => subscription.unsubscribe();
		});
	}

	get current(): T | undefined {
		return this.#current;
	}
}
