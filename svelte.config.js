import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ precompress: true }),
		// The Workbox worker is built by @vite-pwa/sveltekit (injectManifest) and registered
		// through virtual:pwa-register, so SvelteKit must neither register it nor bundle it alone.
		serviceWorker: { register: false },
		files: { serviceWorker: 'src/service-worker.ts' }
	}
};

export default config;
