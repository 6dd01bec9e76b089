import { uploadHighlights } from './highlight-upload';

/**
 * The highlights' own queue: a round starts after a sync of counts went through and never holds
 * the counts' lock, so a photo on a weak signal never delays a count. Rounds never overlap; one
 * asked for during a round runs once it ends.
 */
class HighlightQueue {
	#sending = $state<{ id: string; received: number } | null>(null);
	#loop: Promise<void> | null = null;
	#again = false;

	/** The highlight being sent now and the photo bytes the server holds, for the screen. */
	get sending() {
		return this.#sending;
	}

	kick(fetcher: typeof fetch = fetch): Promise<void> {
		this.#again = true;
		this.#loop ??= this.#drain(fetcher).finally(() => (this.#loop = null));
		return this.#loop;
	}

	async #drain(fetcher: typeof fetch) {
		while (this.#again) {
			this.#again = false;
			try {
				await uploadHighlights(fetcher, (id, received) => (this.#sending = { id, received }));
			} catch (error) {
				// A storage error must not stop the counts' schedule, which kicks this again.
				console.error('highlight upload failed', error);
			} finally {
				this.#sending = null;
			}
		}
	}
}

export const highlightQueue = new HighlightQueue();
