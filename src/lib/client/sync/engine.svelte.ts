import { onLocalChange } from '../repos/changes';
import { nextDelay } from './backoff';
import { BACKGROUND_SYNC_TAG, syncAll, syncEvent, type SyncResult } from './sync-event';

/** Quiet time after a tap before its count is sent: a burst of taps makes one request. */
const QUIET_MS = 5_000;

/**
 * What the next run should do. A person's request ("Sync now", joining) sends its event whatever
 * happened before; automatic runs go through `syncAll`, which skips a refused event until it is
 * fixed, so a refused snapshot is never sent in a loop.
 */
interface Wanted {
	all: boolean;
	automatic: Set<string>;
	asked: Set<string>;
}

const nothing = (): Wanted => ({ all: false, automatic: new Set(), asked: new Set() });

/**
 * Schedules syncs: a few seconds after a change, at start-up, when the network comes back, when
 * the page becomes visible, on a timer with backoff, on "Sync now", and through Background Sync
 * where the browser has it. Runs never overlap: what is asked for during a run waits for the next.
 */
class SyncEngine {
	#running = $state(false);
	#failures = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#loop: Promise<void> | null = null;
	#pending: Wanted | null = null;
	#started = false;
	#quietTimer: ReturnType<typeof setTimeout> | undefined;
	/** Events changed since the last quiet-time sync: a burst across two events sends both. */
	#changed = new Set<string>();

	/** True while a request is in flight. */
	get running() {
		return this.#running;
	}

	start() {
		if (this.#started || typeof window === 'undefined') return;
		this.#started = true;
		// The repos announce every committed change, so no screen has to ask for a sync.
		onLocalChange((eventId) => this.#afterQuiet(eventId));
		window.addEventListener('online', () => void this.#ask((w) => (w.all = true)));
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') void this.#ask((w) => (w.all = true));
		});
		void this.#ask((w) => (w.all = true));
	}

	/** A person asks: syncs the given event now (even one the server refused), or every event
	 * worth it. Resolves when that run is over. */
	request(eventId?: string): Promise<void> {
		return this.#ask((w) => (eventId ? w.asked.add(eventId) : (w.all = true)));
	}

	#ask(add: (wanted: Wanted) => void): Promise<void> {
		this.#pending ??= nothing();
		add(this.#pending);
		this.#loop ??= this.#drain().finally(() => (this.#loop = null));
		return this.#loop;
	}

	/** Sends an event's changes a few seconds after the last one, when a network is there. */
	#afterQuiet(eventId: string) {
		clearTimeout(this.#quietTimer);
		this.#changed.add(eventId);
		this.#quietTimer = setTimeout(() => {
			const changed = this.#changed;
			this.#changed = new Set();
			if (navigator.onLine) void this.#ask((w) => changed.forEach((id) => w.automatic.add(id)));
		}, QUIET_MS);
	}

	async #drain() {
		while (this.#pending) {
			const wanted = this.#pending;
			this.#pending = null;
			await this.#run(wanted);
		}
	}

	async #run(wanted: Wanted) {
		clearTimeout(this.#timer);
		this.#running = true;
		const results: SyncResult[] = [];
		let broken = false;
		try {
			for (const id of wanted.asked) results.push(await syncEvent(id));
			const automatic = new Set([...wanted.automatic].filter((id) => !wanted.asked.has(id)));
			if (wanted.all) results.push(...(await syncAll()));
			else if (automatic.size > 0) results.push(...(await syncAll(fetch, automatic)));
		} catch (error) {
			// A local storage error must not stop the schedule: log it and back off.
			console.error('sync failed', error);
			broken = true;
		} finally {
			this.#running = false;
		}
		const networkDown = results.some((r) => r.ok === false && r.failure.kind === 'network');
		// Highlights go after the counts, on their own queue: not awaited, so the next count sync
		// never waits for a photo (issue 14). Also after a run with nothing to send: a highlight
		// added to an event whose counts are all in still has to go.
		// Loaded then, not with every screen: the first load stays lean.
		if (!networkDown && !broken) {
			void import('./highlight-queue.svelte')
				.then(({ highlightQueue }) => highlightQueue.kick())
				.catch((error: unknown) => console.error('highlight upload failed', error));
		}
		this.#failures = networkDown || broken ? this.#failures + 1 : 0;
		if (networkDown) void this.#askForBackgroundSync();
		this.#timer = setTimeout(
			() => void this.#ask((w) => (w.all = true)),
			nextDelay(this.#failures)
		);
	}

	/** Lets the browser wake the service worker to sync once a connection is back. */
	async #askForBackgroundSync() {
		const registration = await navigator.serviceWorker?.getRegistration();
		const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)
			?.sync;
		await sync?.register(BACKGROUND_SYNC_TAG).catch(() => undefined);
	}
}

export const syncEngine = new SyncEngine();
