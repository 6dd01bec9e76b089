/**
 * The headers every Letterday response carries, set by the server entry (scripts/serve.js) before
 * SvelteKit or the static file server answers, so prerendered host screens, scripts, icons and the
 * service worker get them too. SvelteKit's own Content-Security-Policy (kit.csp in
 * svelte.config.js: hashes for its inline scripts) replaces the fallback policy below on the pages
 * it renders; prerendered pages carry theirs in a <meta> tag, which cannot say frame-ancestors, so
 * the fallback says it.
 */

/** Headers every response carries. */
const EVERY = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin'
};

/** Headers that only mean something on a document (or the worker script, whose CSP governs the
 * worker): left off the hashed scripts, styles and icons, where they would add about 300 bytes to
 * each of the thirty-odd responses of the host's first load. */
const DOCUMENT = {
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	// A policy that forbids framing, plugins and foreign <base> and form targets without naming
	// script sources, so it adds to (never fights) the policy a prerendered page carries.
	'content-security-policy':
		"frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'"
};

/** Hashed build files and icons: not documents. */
const ASSET = /^\/(_app\/immutable|icons)\//;

// The host app scans QR codes with the camera (joining as a co-host), and so does the relay page
// (/r: a phone reads a host's report codes). The host app is one single-page app, and a document
// keeps the policy it loaded with, so every host screen allows the camera for this origin; the
// participant, organizer and API paths never need it.
const NO_CAMERA = /^\/(c|organizer|api)(\/|$)/;
const DENY = 'microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

/** @param {string} path */
export function permissionsPolicy(path) {
	return `camera=${NO_CAMERA.test(path) ? '()' : '(self)'}, ${DENY}`;
}

/**
 * The headers for one request.
 * @param {string} url the request's path and query
 * @param {{ https: boolean }} site whether the public origin (ORIGIN) is https
 * @returns {Record<string, string>}
 */
export function securityHeaders(url, site) {
	const path = url.split('?', 1)[0] ?? '/';
	/** @type {Record<string, string>} */
	const headers = ASSET.test(path)
		? { ...EVERY }
		: { ...EVERY, ...DOCUMENT, 'permissions-policy': permissionsPolicy(path) };
	if (site.https) headers['strict-transport-security'] = 'max-age=31536000';
	// The browser checks the worker script for updates; a cached copy would hold back every fix
	// (and the update prompt) for as long as a cache keeps it.
	if (path === '/service-worker.js') headers['cache-control'] = 'no-cache';
	return headers;
}
