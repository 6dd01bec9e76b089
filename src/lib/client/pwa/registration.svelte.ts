import { registerSW } from 'virtual:pwa-register';

/** How often a long-open host screen asks whether a new version was deployed. */
const UPDATE_CHECK_MS = 30 * 60 * 1000;

/**
 * The service worker's lifecycle as runes. A waiting update is applied only when the host accepts
 * it: counts live in IndexedDB, committed on every tap, so reloading loses nothing.
 */
class PwaState {
	#needRefresh = $state(false);
	#controlled = $state(false);
	#update: ((reload?: boolean) => Promise<void>) | undefined;

	get needRefresh() {
		return this.#needRefresh;
	}
	/** True once a service worker controls this page: reloads work offline from then on. */
	get controlled() {
		return this.#controlled;
	}

	start() {
		if (this.#update || !('serviceWorker' in navigator)) return;
		this.#controlled = !!navigator.serviceWorker.controller;
		navigator.serviceWorker.addEventListener('controllerchange', () => (this.#controlled = true));
		this.#update = registerSW({
			onNeedRefresh: () => (this.#needRefresh = true),
			// workbox-window reloads only when the page had a controller at registration; a tab open
			// since the very first install would never reload, so applyUpdate reloads instead.
			onNeedReload: () => undefined,
			onRegisteredSW: (_url, registration) => {
				if (!registration) return;
				setInterval(() => {
					if (navigator.onLine) void registration.update();
				}, UPDATE_CHECK_MS);
			}
		});
	}

	applyUpdate() {
		this.#needRefresh = false;
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
			once: true
		});
		return this.#update?.(true);
	}

	dismiss() {
		this.#needRefresh = false;
	}
}

export const pwa = new PwaState();
