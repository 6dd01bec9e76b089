// Builds the floor page (bench/floor) into `outDir` with Vite and the Svelte plugin: the app's
// own Svelte, Dexie and database module ($lib points at src/lib), nothing of SvelteKit.
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** @param {string} outDir */
export async function buildFloor(outDir) {
	await build({
		root: here,
		configFile: false,
		logLevel: 'warn',
		plugins: [svelte({ configFile: false })],
		resolve: { alias: { $lib: join(here, '..', '..', 'src', 'lib') } },
		build: { outDir, emptyOutDir: true }
	});
}
