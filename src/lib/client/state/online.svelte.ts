/** navigator.onLine as a rune (true only means "a network is there", not that the server is). */
class OnlineState {
	#current = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

	constructor() {
		if (typeof window === 'undefined') return;
		window.addEventListener('online', () => (this.#current = true));
		window.addEventListener('offline', () => (this.#current = false));
	}

	get current() {
		return this.#current;
	}
}

export const online = new OnlineState();
