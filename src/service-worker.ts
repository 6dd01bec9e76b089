/// <reference lib="WebWorker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { BACKGROUND_SYNC_TAG, syncAll } from '$lib/client/sync/sync-event';

declare let self: ServiceWorkerGlobalScope;

// The page asks for this only when the host accepted the update prompt.
self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Host routes are prerendered shells that read everything from IndexedDB; a query string such as
// ?id=… only picks the record, so every variant is served from the one precached shell.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
// The first install takes the open page at once, so it works offline without a reload. An update
// still waits for the host (SKIP_WAITING above) before it activates.
clientsClaim();

// Participant pages are server-rendered: fresh from the network, a cached copy when offline.
// /api is never cached here: sync answers must be live.
registerRoute(
	({ request, url }) => request.mode === 'navigate' && url.pathname.startsWith('/c/'),
	new NetworkFirst({ cacheName: 'participant-pages', networkTimeoutSeconds: 4 })
);

// Background Sync: the page asks for it when a sync finds no network; the browser wakes this
// worker once a connection is back, even if the host closed the tab.
interface SyncEvent extends ExtendableEvent {
	tag: string;
}
self.addEventListener('sync', (event) => {
	const syncEvent = event as SyncEvent;
	if (syncEvent.tag === BACKGROUND_SYNC_TAG) syncEvent.waitUntil(syncAll().then(() => undefined));
});
