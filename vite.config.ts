import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { pwaManifest } from './src/lib/shared/pwa-manifest';

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'service-worker.ts',
			registerType: 'prompt',
			// Absolute, so a first visit to /event/new registers /service-worker.js for the whole
			// app (the default "./" resolved to /event/service-worker.js, a 404, on nested screens).
			base: '/',
			scope: '/',
			injectRegister: false,
			manifest: pwaManifest,
			injectManifest: {
				globPatterns: [
					'client/**/*.{js,css,ico,png,svg,webp,woff2,webmanifest}',
					'prerendered/**/*.{html,json}'
				]
			},
			devOptions: { enabled: false }
		})
	],
	build: {
		rollupOptions: {
			// Rollup splits shared code into many chunks of a few hundred bytes; each costs a request
			// and its headers on the host's first load. Merge the small ones where that changes no
			// code a page runs (Rollup checks side effects before merging).
			output: { experimentalMinChunkSize: 2048 }
		}
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts'],
					setupFiles: ['fake-indexeddb/auto']
				}
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'component',
					environment: 'jsdom',
					include: ['tests/component/**/*.test.ts'],
					setupFiles: ['fake-indexeddb/auto', 'tests/component/setup.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'server',
					environment: 'node',
					include: ['tests/server/**/*.test.ts'],
					// The SQLite and PostgreSQL suites share ports and databases.
					fileParallelism: false,
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.test.ts'],
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
