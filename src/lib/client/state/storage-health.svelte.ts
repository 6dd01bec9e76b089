import { db } from '../db/database';
import { classifyStorageError, type StorageProblem } from '../db/storage-errors';
import { isPersisted } from '../pwa/storage';

/** What the host was saving: a count (a tap, an undo, a batch) or an event (new or joined). */
export type SavedThing = 'count' | 'event';

export interface WriteFailure {
	problem: StorageProblem;
	what: SavedThing;
	/** Counts up on every failure, so a second failure in a row is announced again. */
	attempt: number;
}

/**
 * The device's storage as runes: whether the database opens at all (checked once, at start, so
 * a browser that will not store anything is found before the host counts) and whether the
 * browser agreed to keep our data when space runs low; and the last write the host asked for
 * that did not happen, until the next one is saved.
 */
class StorageHealth {
	#problem = $state<StorageProblem | null>(null);
	#persisted = $state<boolean | null>(null);
	#writeFailure = $state<WriteFailure | null>(null);
	#failures = 0;
	#opening: Promise<boolean> | undefined;

	/** Set when the database could not open: no screen that reads or writes it can work. */
	get problem(): StorageProblem | null {
		return this.#problem;
	}

	/** False when the browser may clear our data to save space; null when it does not say. */
	get persisted(): boolean | null {
		return this.#persisted;
	}

	/** Why the host's last write was not saved; null once a write has been saved since. */
	get writeFailure(): WriteFailure | null {
		return this.#writeFailure;
	}

	/** A write the host asked for did not happen (its transaction stored nothing). */
	writeFailed(error: unknown, what: SavedThing = 'count'): void {
		console.error('A write was not saved', error);
		this.#writeFailure = { problem: classifyStorageError(error), what, attempt: ++this.#failures };
	}

	/** A write was saved, so storage works again; the host may also put the message away. */
	writeSaved(): void {
		this.#writeFailure = null;
	}

	/** Opens the database now rather than at the first read. Resolves to whether it opened. */
	check(): Promise<boolean> {
		this.#opening ??= db()
			.open()
			.then(
				() => true,
				(error: unknown) => {
					console.error('Letterday could not open its database', error);
					const problem = classifyStorageError(error, 'open');
					// Whatever the cause, a database that does not open cannot keep a count: the
					// remedy is another window or browser, unless the disk is simply full.
					this.#problem = problem === 'quota' ? 'quota' : 'cannotOpen';
					return false;
				}
			);
		return this.#opening;
	}

	/**
	 * Reads whether the browser agreed to keep our data. It is asked when an event is created;
	 * asking again here could show Firefox's prompt in the middle of an event.
	 */
	checkPersistence(): Promise<void> {
		return isPersisted().then(
			(persisted) => void (this.#persisted = persisted),
			() => void (this.#persisted = null)
		);
	}
}

export const storageHealth = new StorageHealth();
