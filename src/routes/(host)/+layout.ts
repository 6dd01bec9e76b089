// Host screens read IndexedDB on the device: they are prerendered (so the service worker can
// precache every one of them) and most are rendered in the browser only. The start page and the
// event screen turn server rendering on for themselves (their +page.ts): their prerendered file
// then holds the app's frame and the page's static words, painted before any JavaScript runs.
// Whatever is rendered at build time must not read the device (see `browser` guards).
export const ssr = false;
export const prerender = true;
