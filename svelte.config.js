import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { COPY_SCRIPT } from './src/routes/c/copy-script.js';
import { SHELL_SCRIPT } from './src/lib/shared/shell-script.js';

/** The CSP source for an inline script whose text never changes. */
const hashOf = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ precompress: true }),
		// The Workbox worker is built by @vite-pwa/sveltekit (injectManifest) and registered
		// through virtual:pwa-register, so SvelteKit must neither register it nor bundle it alone.
		serviceWorker: { register: false },
		files: { serviceWorker: 'src/service-worker.ts' },
		// SvelteKit adds a nonce (rendered pages) or a hash (prerendered host screens, in a <meta>)
		// for its own inline start-up script. scripts/security-headers.js adds the rest of the
		// headers, and frame-ancestors for the prerendered pages, whose <meta> cannot carry it.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				// The case page's copy button and the host shell's language choice are inline
				// scripts, each always the same text.
				'script-src': ['self', hashOf(COPY_SCRIPT), hashOf(SHELL_SCRIPT)],
				// Participant pages inline their styles (one response, no extra round trip) and
				// Svelte sets style attributes: both need inline styles. Scripts stay strict.
				'style-src': ['self', 'unsafe-inline'],
				// data: for icons drawn inline, blob: for a photo of a QR code being read.
				'img-src': ['self', 'data:', 'blob:'],
				'media-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'font-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
