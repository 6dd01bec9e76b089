/** The web app manifest; vite-plugin-pwa writes it as manifest.webmanifest. */
export const pwaManifest = {
	name: 'Letterday: Write for Rights on the day',
	short_name: 'Letterday',
	description: 'Run a Write for Rights letter-writing event offline: case sheets, tally, sync.',
	id: '/',
	start_url: '/',
	scope: '/',
	display: 'standalone' as const,
	lang: 'en',
	theme_color: '#1d1d1b',
	background_color: '#ffffff',
	icons: [
		{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
		{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
		{
			src: '/icons/icon-maskable-512.png',
			sizes: '512x512',
			type: 'image/png',
			purpose: 'maskable'
		}
	]
};
