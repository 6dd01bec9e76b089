// `npm start`: builds when the build is missing or older than the sources, then serves the app
// through scripts/serve.js (adapter-node's handler with bounded timeouts) on its embedded
// defaults (SQLite under DATA_DIR, the sample case pack).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newestMtime(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
const sources = Math.max(...SOURCES.filter(existsSync).map(newestMtime));
if (sources > built) {
	console.log('Building Letterday…');
	execSync('npx vite build', { stdio: 'inherit' });
}

process.env.PORT ??= '3000';
process.env.DATA_DIR ??= './data';
// Without ORIGIN, adapter-node takes the origin to be https:// plus the Host header, so a form
// posted over plain HTTP (an organizer logging in) looks cross-site and is refused, and printed QR
// codes say https. Default to this machine over plain HTTP; set ORIGIN to the address phones use.
const host = !process.env.HOST || process.env.HOST === '0.0.0.0' ? 'localhost' : process.env.HOST;
process.env.ORIGIN ??= `http://${host}:${process.env.PORT}`;
console.log(`Letterday on ${process.env.ORIGIN}`);
await import('./serve.js');
