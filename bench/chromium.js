// How every Letterday browser run starts Chromium: Debian's build (Playwright's own download does
// not work on these machines) unless CHROMIUM_PATH names another, with the flags that keep it
// from calling home on a closed network. Used by the benchmarks and the end-to-end tests.

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';
