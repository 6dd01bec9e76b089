// Host screens read IndexedDB on the device: they are prerendered as empty shells (so the service
// worker can precache every one of them) and rendered in the browser only.
export const ssr = false;
export const prerender = true;
