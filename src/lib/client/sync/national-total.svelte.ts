/**
 * The national total as a rune: `.current` is the latest figure while the device is online and
 * the server answers, null otherwise. Polls about once a minute while started; going offline
 * clears it at once (the projector must not show a stale "Across Canada" in a room cut off).
 */
import { fetchNationalTotal } from './national-total';

export const NATIONAL_TOTAL_POLL_MS = 60_000;

export class NationalTotalPoll {
	#current = $state<number | null>(null);

	constructor(
		private readonly fetcher: typeof fetch = (...args) => fetch(...args),
		private readonly every = NATIONAL_TOTAL_POLL_MS
	) {}

	get current(): number | null {
		return this.#current;
	}

	/** Starts polling; returns the stop function (an $effect's cleanup). */
	start(): () => void {
		let stopped = false;
		const refresh = async () => {
			if (!navigator.onLine) {
				this.#current = null;
				return;
			}
			const total = await fetchNationalTotal(this.fetcher);
			if (!stopped) this.#current = total;
		};
		const offline = () => (this.#current = null);
		const online = () => void refresh();
		void refresh();
		const timer = setInterval(() => void refresh(), this.every);
		window.addEventListener('offline', offline);
		window.addEventListener('online', online);
		return () => {
			stopped = true;
			clearInterval(timer);
			window.removeEventListener('offline', offline);
			window.removeEventListener('online', online);
		};
	}
}
